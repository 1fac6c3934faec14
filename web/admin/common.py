"""What the console's routes share: the pages helper, reading a form, redirects, and the refusals of
the bot layer mapped to a status and a page in the admin's language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from bot.admin.accounts import AccountError
from bot.admin.drafts import Draft, DraftError
from bot.admin.editor import EditError
from bot.admin.texts import refusal_text
from web.admin.auth import Principal, audit
from web.admin.render import Pages, admin_lang

# A row's id in a path (a draft, a person, a token, a version): a number the database can hold, so that
# an id out of its range is a 422, not a database error.
RowId = Annotated[int, Path(ge=1, le=2_147_483_647)]


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
    """A refused action (a draft in the wrong state, the same person reviewing, a bad account name, a
    version that could not be built, another publish under way...) in the admin's language, with the
    bot layer's detail beside it; a 503 or a 409 "busy" says when to come back (Retry-After)."""
    retry_after: int | None = None
    if isinstance(exc, (DraftError, EditError)):
        status, reason = exc.status_code, exc.reason
        retry_after = getattr(exc, "retry_after_s", None)
    elif isinstance(exc, AccountError):
        status, reason = (404 if exc.code == "not_found" else 422), exc.reason
    else:
        raise exc
    said = refusal_text(exc.code, admin_lang(request), seconds=retry_after or 60)
    response = pages.render(request, "message.html", status=status, reason=said or reason, detail=reason)
    if retry_after:
        response.headers["Retry-After"] = str(retry_after)
    return response


def drafted(
    pages: Pages,
    request: Request,
    who: Principal,
    start: Callable[[], Draft],
    detail: Callable[[Draft], str],
    action: str = "draft_started",
) -> HTMLResponse | RedirectResponse:
    """Start a draft (an edit, a retirement, a new procedure, a rollback, a fix from the queue): the
    refusal page if it cannot be, else one audit line and the draft's page."""
    try:
        draft = start()
    except (DraftError, EditError) as exc:
        return refusal(pages, request, exc)
    audit(request, who.user.name, action, draft.procedure_id, detail(draft))
    return see_other(f"/admin/drafts/{draft.id}")
