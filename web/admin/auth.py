"""Who is asking, and may they: the console's session cookie, a personal API token, or (deprecated,
one release) the shared ``DALIL_ADMIN_TOKEN``; a role for every route; CSRF on every state-changing
request made with the cookie.

``Require(role)`` is each route's dependency: 401 without a valid session or token (the login page for
a browser), 403 for a role below ``role``, 403 for a cookie-authenticated POST/PUT/DELETE without the
session's CSRF token (form field ``csrf`` or header ``X-CSRF-Token``)."""

from __future__ import annotations

import hmac
import logging
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Response

from bot.admin.accounts import Role, User
from bot.admin.console import Console
from web.limits import client_address, parse_networks

log = logging.getLogger("dalil.admin")

COOKIE = "dalil_admin"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
BOOTSTRAP = "bootstrap-token"


class LoginRequired(Exception):
    """No valid session: a browser gets the login page with a 401, a script a JSON 401."""


@dataclass(frozen=True)
class Principal:
    user: User
    via: str  # session | token | bootstrap
    csrf: str = ""
    session_token: str = ""


def console_of(request: Request) -> Console:
    console = request.app.state.dalil.console
    if console is None:
        raise HTTPException(503, "the administrators' console is not built")
    return console


def open_session(request: Request, response: Response, user: User) -> None:
    """A new console session for ``user``, its cookie set on ``response``: HttpOnly, SameSite=Strict,
    Secure unless DALIL_ADMIN_COOKIE_SECURE=false, scoped to /admin, expiring with the session."""
    console = console_of(request)
    token, _ = console.accounts.open_session(user)
    secure = console.settings.admin_cookie_secure
    max_age = int(console.accounts.session_hours * 3600)  # the server refuses the session after it anyway
    response.set_cookie(COOKIE, token, max_age=max_age, httponly=True, secure=secure, samesite="strict", path="/admin")


def client_ip(request: Request) -> str:
    """Where a request comes from, for the audit log: behind a trusted proxy, the client it names."""
    peer = request.client.host if request.client else ""
    trusted = parse_networks(request.app.state.dalil.settings.trusted_proxies)
    return client_address(peer, request.headers.getlist("x-forwarded-for"), trusted)


def audit(request: Request, actor: str, action: str, target: str = "", detail: str = "") -> None:
    """One line of the audit log, from where the request came."""
    console_of(request).audit.record(actor, action, target, detail, client_ip(request))


def identify(request: Request) -> Principal | None:
    console = console_of(request)
    token = request.cookies.get(COOKIE)
    if token:
        session = console.accounts.session(token)
        if session is not None:
            return Principal(session.user, "session", session.csrf, token)
    header = request.headers.get("authorization", "")
    scheme, _, credential = header.partition(" ")
    if scheme.lower() != "bearer" or not credential:
        return None
    user = console.accounts.token_user(credential.strip())
    if user is not None:
        return Principal(user, "token")
    shared = request.app.state.dalil.settings.admin_token
    if shared is not None and hmac.compare_digest(credential.encode(), shared.get_secret_value().encode()):
        log.warning("DALIL_ADMIN_TOKEN used: deprecated, use personal tokens", extra={"path": request.url.path})
        return Principal(User(0, BOOTSTRAP, "admin"), "bootstrap")
    return None


async def _csrf_ok(request: Request, expected: str) -> bool:
    sent = request.headers.get("x-csrf-token", "")
    if not sent and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        sent = str((await request.form()).get("csrf", ""))
    return bool(sent) and hmac.compare_digest(sent.encode(), expected.encode())


class Require:
    """The dependency of an admin route that needs ``role`` (roles include the ones below them)."""

    def __init__(self, role: Role, page: bool = True) -> None:
        self.role: Role = role
        self.page = page  # a browser page: 401 shows the login form

    async def __call__(self, request: Request) -> Principal:
        principal = identify(request)
        if principal is None:
            if self.page:
                raise LoginRequired()
            raise HTTPException(401, "log in, or send a personal API token", headers={"WWW-Authenticate": "Bearer"})
        cookie = request.method not in SAFE_METHODS and principal.via == "session"
        if cookie and not await _csrf_ok(request, principal.csrf):
            raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
        if not principal.user.can(self.role):
            raise HTTPException(403, f"this needs the {self.role} role")
        request.state.principal = principal
        return principal


Viewer = Annotated[Principal, Depends(Require("viewer"))]
Editor = Annotated[Principal, Depends(Require("editor"))]
Publisher = Annotated[Principal, Depends(Require("publisher"))]
Admin = Annotated[Principal, Depends(Require("admin"))]
ApiEditor = Annotated[Principal, Depends(Require("editor", page=False))]
ApiPublisher = Annotated[Principal, Depends(Require("publisher", page=False))]
ApiViewer = Annotated[Principal, Depends(Require("viewer", page=False))]
ApiAdmin = Annotated[Principal, Depends(Require("admin", page=False))]
ConsoleDep = Annotated[Console, Depends(console_of)]
