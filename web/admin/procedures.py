"""The console's way in and its first page: login and logout, the admin's language, the procedures list
(search, filters, a badge per problem), one procedure as the citizen sees it, and its versions."""

from __future__ import annotations

import logging
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from bot.admin.drafts import DraftError
from bot.admin.editor import EditError
from bot.understand.normalize import normalize
from web.admin.auth import COOKIE, ConsoleDep, Editor, Viewer, audit, client_ip, open_session
from web.admin.common import PagesDep, RowId, drafted, refusal, see_other
from web.admin.render import LANG_COOKIE

log = logging.getLogger("dalil.admin")
router = APIRouter(prefix="/admin", include_in_schema=False)
FILTERS = ("all", "stale", "missing", "weak", "recent", "asked")
PREVIEW_LANGS = ("fr", "ar", "darija")


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, pages: PagesDep) -> HTMLResponse:
    return pages.render(request, "login.html")


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    pages: PagesDep,
    console: ConsoleDep,
    name: Annotated[str, Form(max_length=40)],
    password: Annotated[str, Form(max_length=200)],
) -> Response:
    if posted_from_elsewhere(request):
        raise HTTPException(403, "log in from the console's own page")
    result = console.accounts.login(name.strip().lower(), password)
    ip = client_ip(request)
    if result.user is None:
        log.warning("admin login refused", extra={"user": name[:40], "problem": result.problem, "ip": ip})
        console.audit.record(name[:40] or "?", f"login_{result.problem}", name[:40], "", ip)
        status = 429 if result.problem == "locked" else 401
        return pages.render(
            request, "login.html", status=status, problem=result.problem, seconds=result.retry_after_s, name=name
        )
    console.audit.record(result.user.name, "login", result.user.name, "", ip)
    response = see_other("/admin")
    open_session(request, response, result.user)
    return response


def posted_from_elsewhere(request: Request) -> bool:
    """A login forged by another site (login CSRF: the session cookie does not exist yet). Browsers say
    where a request comes from in Sec-Fetch-Site; the Origin is "null" under our no-referrer policy, so
    only a real origin is compared."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site not in ("same-origin", "none")
    origin = request.headers.get("origin")
    return bool(origin) and origin != "null" and urlsplit(origin).netloc != request.url.netloc


@router.post("/logout")
def logout(request: Request, console: ConsoleDep, who: Viewer) -> Response:
    if who.session_token:
        console.accounts.close_session(who.session_token)
        audit(request, who.user.name, "logout", who.user.name, "")
    response = see_other("/admin/login")
    response.delete_cookie(COOKIE, path="/admin")
    return response


@router.get("/lang/{lang}")
def choose_language(lang: str, request: Request, back: str = "/admin") -> Response:
    """The admin's language, kept in a cookie (a preference: nothing changes on the server)."""
    target = back if back.startswith("/admin") and "//" not in back else "/admin"
    response = RedirectResponse(target, status_code=303)
    if lang in ("fr", "ar"):
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="strict", path="/admin")
    return response


@router.get("", response_class=HTMLResponse)
@router.get("/procedures", response_class=HTMLResponse)
def procedures(
    request: Request,
    pages: PagesDep,
    console: ConsoleDep,
    who: Viewer,
    q: Annotated[str, Query(max_length=100)] = "",
    only: Annotated[str, Query(max_length=10)] = "all",
) -> HTMLResponse:
    rows = console.rows()
    wanted = normalize(q).strip()
    if wanted:
        rows = [r for r in rows if wanted in normalize(f"{r.id} {r.title_fr} {r.title_ar} {r.category}")]
    if only == "asked":
        rows = sorted((r for r in rows if r.asked), key=lambda r: r.asked, reverse=True)
    elif only in ("stale", "missing", "weak", "recent"):
        rows = [r for r in rows if only in r.badges]
    return pages.render(
        request,
        "procedures.html",
        rows=rows,
        q=q,
        only=only if only in FILTERS else "all",
        filters=FILTERS,
        stale_days=console.settings.admin_stale_days,
        categories=sorted({r.category for r in console.rows()}),
    )


@router.get("/procedures/{procedure_id}", response_class=HTMLResponse)
def procedure(procedure_id: str, request: Request, pages: PagesDep, console: ConsoleDep, who: Viewer) -> HTMLResponse:
    proc = console.kb.get(procedure_id)
    if proc is None:
        return refusal(pages, request, DraftError("not_found", f"no procedure '{procedure_id}'"))
    previews = {lang: console.preview(proc, lang) for lang in PREVIEW_LANGS}
    drafts = console.drafts.list(procedure_id=procedure_id)
    return pages.render(request, "procedure.html", proc=proc, previews=previews, drafts=drafts)


@router.post("/procedures/{procedure_id}/draft")
def start_edit(procedure_id: str, request: Request, pages: PagesDep, console: ConsoleDep, who: Editor) -> Response:
    return drafted(
        pages, request, who, lambda: console.start_edit(procedure_id, who.user.name), lambda d: f"draft {d.id}"
    )


@router.post("/procedures/{procedure_id}/retire")
def start_delete(
    procedure_id: str,
    request: Request,
    pages: PagesDep,
    console: ConsoleDep,
    who: Editor,
    note: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    return drafted(
        pages,
        request,
        who,
        lambda: console.start_delete(procedure_id, who.user.name, note),
        lambda d: f"draft {d.id}: retire. {note}",
    )


@router.post("/procedures")
def start_new(
    request: Request,
    pages: PagesDep,
    console: ConsoleDep,
    who: Editor,
    procedure_id: Annotated[str, Form(alias="id", max_length=80)],
    category: Annotated[str, Form(max_length=20)] = "civil-status",
) -> Response:
    return drafted(
        pages,
        request,
        who,
        lambda: console.start_new(procedure_id.strip(), who.user.name, category),
        lambda d: f"draft {d.id}: new",
    )


@router.get("/procedures/{procedure_id}/versions", response_class=HTMLResponse)
def versions(procedure_id: str, request: Request, pages: PagesDep, console: ConsoleDep, who: Viewer) -> HTMLResponse:
    try:
        history = console.history(procedure_id)
    except EditError as exc:
        return refusal(pages, request, exc)
    return pages.render(request, "versions.html", procedure_id=procedure_id, history=history)


@router.post("/procedures/{procedure_id}/rollback/{revision_id}")
def rollback(
    procedure_id: str, revision_id: RowId, request: Request, pages: PagesDep, console: ConsoleDep, who: Editor
) -> Response:
    return drafted(
        pages,
        request,
        who,
        lambda: console.start_rollback(procedure_id, revision_id, who.user.name),
        lambda d: f"draft {d.id}: back to version {revision_id}",
        "rollback_drafted",
    )
