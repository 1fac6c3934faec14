"""What the console's routes share: the pages helper, reading a form, redirects, and the refusals of
the bot layer mapped to a status and a page in the admin's language."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from bot.admin.accounts import AccountError
from bot.admin.drafts import DraftError
from bot.admin.editor import EditError
from web.admin.render import Pages


def pages_of(request: Request) -> Pages:
    return request.app.state.admin_pages


PagesDep = Annotated[Pages, Depends(pages_of)]


async def form_of(request: Request) -> dict[str, str]:
    """The submitted form, one value per name (the last), without the CSRF token."""
    form = await request.form()
    return {key: str(value) for key, value in form.items() if key != "csrf"}


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def refusal(pages: Pages, request: Request, exc: Exception) -> HTMLResponse:
    """A refused action (a draft in the wrong state, the same person reviewing, a bad account name...)."""
    if isinstance(exc, (DraftError, EditError)):
        status, reason = exc.status_code, exc.reason
    elif isinstance(exc, AccountError):
        status, reason = (404 if exc.code == "not_found" else 422), exc.reason
    else:
        raise exc
    return pages.render(request, "message.html", status=status, reason=reason)
