"""People and their roles (admin), personal API tokens (everyone, their own), and the audit log
(read by everyone, exported as CSV)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from bot.admin.accounts import AccountError, generate_password
from web.admin.auth import Admin, ConsoleDep, Viewer, audit
from web.admin.common import PagesDep, refusal, see_other

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
    user_id: int,
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
    except AccountError as exc:
        return refusal(pages, request, exc)
    assert user is not None
    audit(request, who.user.name, f"person_{op}", user.name, role if op == "role" else "")
    return pages.render(
        request, "people.html", people=console.accounts.people(), settings=console.settings, created=user, shown=shown
    )


@router.get("/tokens", response_class=HTMLResponse)
def tokens(request: Request, pages: PagesDep, console: ConsoleDep, who: Viewer) -> HTMLResponse:
    return pages.render(request, "tokens.html", tokens=console.accounts.tokens(who.user.id))


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
def revoke_token(token_id: int, request: Request, console: ConsoleDep, who: Viewer) -> Response:
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
