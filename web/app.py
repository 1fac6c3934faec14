"""``create_app()``: the FastAPI application, built by a factory (no import-time globals). Its lifespan
builds Dalil with ``bot.app.build``; tests pass prebuilt parts in ``Parts``."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy.exc import DBAPIError

from bot.admin.texts import refusal_text
from bot.app import Parts, build
from bot.config import Settings, get_settings
from bot.database import problem
from bot.logs import configure_logging
from web.admin import citizens, drafts, people, procedures
from web.admin.auth import LoginRequired
from web.admin.render import Pages, admin_lang
from web.middleware import Guard, RequestContext
from web.routes import admin, chat, health, page, voice, whatsapp

log = logging.getLogger("dalil.web")

# Every route under /admin: the API for scripts and the console's pages (each route declares its role).
ADMIN_ROUTERS = (admin.router, procedures.router, drafts.router, citizens.router, people.router)


def _reason(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        if err.get("type") == "json_invalid":
            return "the request body is not valid JSON"
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
        msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        parts.append(f"{where}: {msg}" if where else msg)
    return "; ".join(parts) or "invalid request"

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

    docs = settings.api_docs  # off by default: the schema lists the admin routes
    app = FastAPI(
        title="Dalil",
        version="0.1.0",
        lifespan=lifespan,
        description="Guide to Moroccan administrative procedures (FR / AR / Darija).",
        docs_url="/docs" if docs else None,
        redoc_url="/redoc" if docs else None,
        openapi_url="/openapi.json" if docs else None,
        # "/api/chat/" would be redirected to a URL built from the Host header a client sent.
        redirect_slashes=False,
    )
    app.state.admin_pages = Pages()

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, _: LoginRequired) -> HTMLResponse:
        return app.state.admin_pages.render(request, "login.html", status=401)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        reason = _reason(exc)
        status = 400 if reason.startswith("the request body is not valid JSON") else 422
        return JSONResponse({"detail": reason}, status_code=status)

    @app.exception_handler(DBAPIError)
    async def _database_unavailable(request: Request, exc: DBAPIError) -> Response:
        # Locked past its short busy timeout, disk full, server down (or any error the database raised):
        # nothing was stored; say so, and when to come back (Meta retries a webhook delivery on its own).
        # A console page gets the page in the admin's language, a script the JSON.
        state = problem(exc)
        extra = {"problem": state, "path": request.url.path, "error": type(exc).__name__}
        log.warning("database unavailable", extra=extra)
        reason = f"the service cannot store anything right now (database {state}): nothing was saved, retry in a minute"
        headers = {"Retry-After": "30"}
        if request.url.path.startswith("/admin") and "text/html" in request.headers.get("accept", ""):
            said = refusal_text("database", admin_lang(request))
            page = app.state.admin_pages.render(request, "message.html", status=503, reason=said, detail=reason)
            page.headers.update(headers)
            return page
        return JSONResponse({"detail": reason}, status_code=503, headers=headers)

    # Last added runs first: RequestContext wraps Guard, so a 413 or 429 carries the id and headers too.
    app.add_middleware(Guard)
    app.add_middleware(RequestContext)

    app.include_router(health.router)
    app.include_router(chat.router)
    app.include_router(voice.router)
    for admin_router in ADMIN_ROUTERS:
        app.include_router(admin_router)
    app.include_router(whatsapp.router)
    app.include_router(page.router)
    app.mount("/static", page.static_files(), name="static")
    return app
