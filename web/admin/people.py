"""People and their roles (admin), one's own password and personal API tokens (everyone), and the audit
log (read by everyone, exported as CSV)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from bot.admin.accounts import AccountError, generate_password
from web.admin.auth import Admin, ConsoleDep, Viewer, audit, open_session
from web.admin.common import PagesDep, RowId, refusal, see_other

router = APIRouter(prefix="/admin", include_in_schema=False)


@router.get("/people", response_class=HTMLResponse)
def people(request: Request, pages: PagesDep, console: ConsoleDep, who: Admin) -> HTMLResponse:
    return pages.render(request, "people.html", people=console.accounts.people(), settings=console.settings)


@router.post("/people", response_class=HTMLResponse)
def add_person(
    request: Request,
    pages: PagesDep,
    console: ConsoleDep,
    who: Admin,
    name: Annotated[str, Form(max_length=40)],
    role: Annotated[str, Form(max_length=16)],
    password: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    secret = password or generate_password()
    try:
        user = console.accounts.add(name.strip().lower(), role, secret, who.user.name)
    except AccountError as exc:
        return refusal(pages, request, exc)
    audit(request, who.user.name, "person_added", user.name, f"role {role}")
    shown = "" if password else secret  # a generated password is shown once, never stored in clear
    return pages.render(
        request, "people.html", people=console.accounts.people(), settings=console.settings, created=user, shown=shown
    )


@router.post("/people/{user_id}", response_class=HTMLResponse)
def change_person(
    user_id: RowId,
    request: Request,
    pages: PagesDep,
    console: ConsoleDep,
    who: Admin,
    op: Annotated[str, Form(pattern="^(role|disable|enable|password)$")],
    role: Annotated[str, Form(max_length=16)] = "",
) -> Response:
    shown = ""
    try:
        if op == "role":
            user = console.accounts.change(user_id, role=role)
        elif op == "password":
            shown = generate_password()
            console.accounts.set_password(user_id, shown)
            user = console.accounts.get(user_id)
        else:
            user = console.accounts.change(user_id, disabled=op == "disable")
        if user is None:
            raise AccountError("not_found", f"no account {user_id}")
    except AccountError as exc:
        return refusal(pages, request, exc)
    audit(request, who.user.name, f"person_{op}", user.name, role if op == "role" else "")
    return pages.render(
        request, "people.html", people=console.accounts.people(), settings=console.settings, created=user, shown=shown
    )


@router.get("/tokens", response_class=HTMLResponse)
def tokens(
    request: Request, pages: PagesDep, console: ConsoleDep, who: Viewer, changed: Annotated[bool, Query()] = False
) -> HTMLResponse:
    return pages.render(request, "tokens.html", tokens=console.accounts.tokens(who.user.id), changed=changed)


@router.post("/password", response_class=HTMLResponse)
def change_password(
    request: Request,
    pages: PagesDep,
    console: ConsoleDep,
    who: Viewer,
    current: Annotated[str, Form(max_length=200)],
    new: Annotated[str, Form(max_length=200)],
    again: Annotated[str, Form(max_length=200)],
) -> Response:
    """One's own password, from the console only (not with an API token): the current one is checked as
    a login is; every other session closes and this browser gets a new one."""
    if who.via != "session":
        raise HTTPException(403, "change a password in the console, not with a token")
    problem, status = ("differ", 422) if new != again else ("", 200)
    if not problem:
        try:
            checked = console.accounts.change_own_password(who.user, current, new)
            problem, status = {"": ("", 200), "locked": ("locked", 429)}.get(checked.problem, ("wrong", 401))
        except AccountError:
            problem, status = "short", 422
    if problem:
        audit(request, who.user.name, "password_refused", who.user.name, problem)
        return pages.render(
            request, "tokens.html", status=status, tokens=console.accounts.tokens(who.user.id), pw_problem=problem
        )
    audit(request, who.user.name, "password_changed", who.user.name)
    response = see_other("/admin/tokens?changed=true")
    open_session(request, response, who.user)
    return response


@router.post("/tokens", response_class=HTMLResponse)
def create_token(
    request: Request,
    pages: PagesDep,
    console: ConsoleDep,
    who: Viewer,
    label: Annotated[str, Form(max_length=80)] = "",
) -> HTMLResponse:
    raw = console.accounts.create_token(who.user, label)
    audit(request, who.user.name, "token_created", who.user.name, f"{raw[:10]}… {label}")
    return pages.render(request, "tokens.html", tokens=console.accounts.tokens(who.user.id), shown=raw)


@router.post("/tokens/{token_id}/revoke")
def revoke_token(token_id: RowId, request: Request, console: ConsoleDep, who: Viewer) -> Response:
    if console.accounts.revoke_token(token_id, who.user.id):
        audit(request, who.user.name, "token_revoked", who.user.name, f"token {token_id}")
    return see_other("/admin/tokens")


@router.get("/audit", response_class=HTMLResponse)
def audit_log(
    request: Request,
    pages: PagesDep,
    console: ConsoleDep,
    who: Viewer,
    actor: Annotated[str, Query(max_length=40)] = "",
    action: Annotated[str, Query(max_length=40)] = "",
    target: Annotated[str, Query(max_length=120)] = "",
) -> HTMLResponse:
    entries = console.audit.entries(200, actor, action, target)
    return pages.render(request, "audit.html", entries=entries, actor=actor, action=action, target=target)


@router.get("/audit.csv")
def audit_csv(
    console: ConsoleDep,
    who: Viewer,
    actor: Annotated[str, Query(max_length=40)] = "",
    action: Annotated[str, Query(max_length=40)] = "",
    target: Annotated[str, Query(max_length=120)] = "",
) -> Response:
    body = console.audit.csv(console.audit.entries(100_000, actor, action, target))
    headers = {"Content-Disposition": 'attachment; filename="dalil-audit.csv"', "Cache-Control": "no-store"}
    return Response(body, media_type="text/csv; charset=utf-8", headers=headers)
