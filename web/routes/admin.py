"""Admin: reload the knowledge base (bearer token from DALIL_ADMIN_TOKEN), read feedback."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException
from fastapi.concurrency import run_in_threadpool

from web.deps import DalilDep, SettingsDep

router = APIRouter(prefix="/admin", tags=["admin"])


def require_admin(settings: SettingsDep, authorization: Annotated[str | None, Header()] = None) -> None:
    if settings.admin_token is None:
        raise HTTPException(503, "admin is disabled: set DALIL_ADMIN_TOKEN to enable it")
    expected = f"Bearer {settings.admin_token.get_secret_value()}"
    if authorization is None or not hmac.compare_digest(authorization.encode(), expected.encode()):
        raise HTTPException(401, "missing or wrong admin token", headers={"WWW-Authenticate": "Bearer"})


AdminDep = Annotated[None, Depends(require_admin)]


@router.post("/reload")
async def reload(dalil: DalilDep, _: AdminDep) -> dict[str, object]:
    try:
        count, errors = await run_in_threadpool(dalil.reload_knowledge)
    except Exception as exc:
        raise HTTPException(
            500, f"reload failed, the previous knowledge base is still serving: {exc}"
        ) from exc
    return {"status": "reloaded", "procedures": count, "errors": errors, "version": dalil.knowledge.version}


@router.get("/feedback")
def list_feedback(dalil: DalilDep, _: AdminDep, limit: int = 100) -> list[dict[str, object]]:
    return dalil.conversations.feedback_rows(min(max(limit, 1), 1000))
