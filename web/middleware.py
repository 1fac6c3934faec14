"""The two layers every request goes through, as plain ASGI (an exception cannot slip past them):

- :class:`RequestContext` (outermost) gives each request an id, adds the security headers, logs one line
  per request and turns an unhandled exception into a JSON 500 that carries both;
- :class:`Guard` refuses a body over its route's cap (413, also for chunked uploads: the bytes are
  counted as they arrive) and a client over its rate limit (429 with ``Retry-After``) before the route
  reads anything.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid

from fastapi import HTTPException
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.texts import say
from bot.types import AnswerLang
from web.limits import client_address, parse_networks, route_limit, size

log = logging.getLogger("dalil.web")

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; media-src 'self' blob:; "
    "connect-src 'self'; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "microphone=(self), camera=(), geolocation=()",
}
# FastAPI's /docs and /redoc pages (DALIL_API_DOCS, off by default) load their scripts from a CDN.
_DOCS_CSP = (
    b"default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    b"style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    b"img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; font-src https://fonts.gstatic.com; "
    b"worker-src blob:; frame-ancestors 'none'"
)
_SECURITY = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
# An X-Request-ID from the client is echoed only if it is short and plain; otherwise one is made.
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


async def send_json(send: Send, status: int, body: dict[str, object], headers: dict[str, str] | None = None) -> None:
    data = json.dumps(body, ensure_ascii=False).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": data})


class RequestContext:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        claimed = Headers(scope=scope).get("x-request-id", "")
        request_id = claimed if REQUEST_ID.fullmatch(claimed) else uuid.uuid4().hex[:16]
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status, sent = 500, False

        async def send_with_headers(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status, sent = message["status"], True
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-request-id"]
                if status == 405:  # Starlette names only the first route's methods when several share a path
                    headers = [(k, v) for k, v in headers if k.lower() != b"allow"] + [(b"allow", _allowed(scope))]
                if scope["path"] in ("/docs", "/redoc"):
                    headers.append((b"content-security-policy", _DOCS_CSP))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in _SECURITY if k not in present]
                headers.append((b"x-request-id", request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("unhandled error", extra={"request_id": request_id, "path": scope.get("path")})
            if not sent:  # a response already started cannot be replaced
                reason = "internal error: please try again; quote this request id if it persists"
                await send_json(send_with_headers, 500, {"detail": reason, "request_id": request_id})
        finally:
            seconds = time.perf_counter() - started
            _count(scope, status, seconds)
            log.info(
                "request",
                extra={
                    "request_id": request_id,
                    "method": scope.get("method"),
                    "path": scope.get("path"),
                    "status": status,
                    "ms": round(seconds * 1000, 1),
                },
            )


def _count(scope: Scope, status: int, seconds: float) -> None:
    dalil = getattr(scope["app"].state, "dalil", None)
    if dalil is None:
        return
    # The route's template, never the raw path: ids in paths would make one series per procedure.
    path = getattr(scope.get("route"), "path", "other")
    dalil.metrics.requests.labels(path, scope["method"], str(status)).inc()
    dalil.metrics.request_seconds.labels(path).observe(seconds)


def _allowed(scope: Scope) -> bytes:
    """Every method the application serves at this path (for a 405's ``Allow``)."""
    methods: set[str] = set()
    for route in scope["app"].routes:
        regex, route_methods = getattr(route, "path_regex", None), getattr(route, "methods", None)
        if regex is not None and route_methods and regex.match(scope["path"]):
            methods |= route_methods
    return ", ".join(sorted(methods)).encode()


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when a body passes its cap while the route reads it (FastAPI re-raises an
    HTTPException met while reading a body, so the route answers 413)."""


class Guard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        dalil = scope["app"].state.dalil
        settings = dalil.settings
        method, path = scope["method"], scope["path"]
        limit = route_limit(settings, method, path)
        headers = Headers(scope=scope)
        too_large = f"the request body is over the {size(limit.max_body)} limit of {method} {path}"
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit.max_body:
            await send_json(send, 413, {"detail": too_large})
            return
        if limit.rate_limited and settings.web_rate_limit > 0:
            peer = (scope.get("client") or ("unknown", 0))[0]
            forwarded = headers.getlist("x-forwarded-for")
            client = client_address(peer, forwarded, parse_networks(settings.trusted_proxies))
            wait = dalil.limits.check(f"client:{client}", settings.web_rate_limit)
            if wait is not None:
                log.warning("rate limited", extra={"request_id": scope["state"].get("request_id"), "path": path})
                detail = say("rate_limited", accepted_language(headers), n=settings.web_rate_limit)
                await send_json(send, 429, {"detail": detail}, {"Retry-After": str(wait)})
                return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit.max_body:
                    raise BodyTooLarge(413, too_large)
            return message

        await self.app(scope, counted, send)


def accepted_language(headers: Headers) -> AnswerLang | None:
    """The first of French and Arabic the client's ``Accept-Language`` names (the page sends its own)."""
    for item in headers.get("accept-language", "").split(","):
        tag = item.split(";")[0].strip().lower()[:2]
        if tag in ("fr", "ar"):
            return tag  # type: ignore[return-value]
    return None
