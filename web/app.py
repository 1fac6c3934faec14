"""``create_app()``: the FastAPI application, built by a factory (no import-time globals). Its lifespan
builds Dalil with ``bot.app.build``; tests pass prebuilt parts in ``Parts``."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from bot.app import Parts, build
from bot.config import Settings, get_settings
from bot.logs import configure_logging
from web.routes import admin, chat, health, page, voice, whatsapp

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


def _reason(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        if err.get("type") == "json_invalid":
            return "the request body is not valid JSON"
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
        msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        parts.append(f"{where}: {msg}" if where else msg)
    return "; ".join(parts) or "invalid request"


def _count(request: Request, status: int, seconds: float) -> None:
    dalil = getattr(request.app.state, "dalil", None)
    if dalil is None:
        return
    route = request.scope.get("route")
    # The route's template, never the raw path: ids in paths would make one series per procedure.
    path = getattr(route, "path", "other")
    dalil.metrics.requests.labels(path, request.method, str(status)).inc()
    dalil.metrics.request_seconds.labels(path).observe(seconds)


def create_app(settings: Settings | None = None, parts: Parts | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        dalil = build(settings, parts)
        app.state.dalil = dalil
        dalil.start()  # loads the embedding model before the first citizen; starts WhatsApp if configured
        log.info("ready", extra={"procedures": dalil.readiness().procedures})
        yield
        dalil.stop()

    app = FastAPI(
        title="Dalil",
        version="0.1.0",
        lifespan=lifespan,
        description="Guide to Moroccan administrative procedures (FR / AR / Darija).",
    )
    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        reason = _reason(exc)
        status = 400 if reason.startswith("the request body is not valid JSON") else 422
        return JSONResponse({"detail": reason}, status_code=status)

    @app.middleware("http")
    async def _request_context(request: Request, call_next):  # type: ignore[no-untyped-def]
        request_id = request.headers.get("x-request-id") or uuid.uuid4().hex[:16]
        started = time.perf_counter()
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        response.headers["X-Request-ID"] = request_id
        _count(request, response.status_code, time.perf_counter() - started)
        log.info(
            "request",
            extra={
                "request_id": request_id,
                "method": request.method,
                "path": request.url.path,
                "status": response.status_code,
                "ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return response

    app.include_router(health.router)
    app.include_router(chat.router)
    app.include_router(voice.router)
    app.include_router(admin.router)
    app.include_router(whatsapp.router)
    app.include_router(page.router)
    app.mount("/static", page.static_files(), name="static")
    return app
