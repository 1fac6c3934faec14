"""Dependencies of the routes, as short Annotated aliases so that signatures read like sentences."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request

from bot.assistant import Dalil
from bot.config import Settings
from bot.knowledge.schema import ID_PATTERN, MAX_ID
from bot.texts import say
from web.middleware import accepted_language


def get_dalil(request: Request) -> Dalil:
    return request.app.state.dalil


def get_settings(request: Request) -> Settings:
    return request.app.state.dalil.settings


DalilDep = Annotated[Dalil, Depends(get_dalil)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
# A procedure id in a path: lowercase words joined by '-', whole (a final newline is no id), short.
ProcedureId = Annotated[str, Path(pattern=ID_PATTERN, max_length=MAX_ID, description="e.g. cnie-renewal")]


def continue_session(dalil: Dalil, request: Request, claimed: str | None) -> str:
    """The conversation a web question belongs to (``claimed`` only if this server issued it, else a new
    one), or 429 when that conversation is over ``DALIL_WEB_SESSION_RATE_LIMIT`` questions a minute."""
    session_id = dalil.sessions.continue_or_issue(claimed)
    settings = dalil.settings
    if settings.web_rate_limit > 0:
        wait = dalil.limits.check(f"session:{session_id}", settings.web_session_rate_limit)
        if wait is not None:
            lang = accepted_language(request.headers) or dalil.session_language(session_id)
            detail = say("rate_limited", lang, n=settings.web_session_rate_limit)
            raise HTTPException(429, detail, headers={"Retry-After": str(wait)})
    return session_id
