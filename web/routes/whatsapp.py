"""``/webhooks/whatsapp``: Meta's verification handshake (GET) and signed deliveries (POST).

A POST is authenticated (``X-Hub-Signature-256``), its messages are written to the durable inbox and
only then is 200 returned; the worker answers from the inbox. Without the ``DALIL_WHATSAPP_*`` keys
both methods answer 503 and the rest of Dalil is unaffected."""

from __future__ import annotations

import hmac
import logging

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse
from sqlalchemy import Engine

from bot.channels.base import ChannelAuthError
from bot.channels.whatsapp.channel import MAX_WEBHOOK_BYTES
from bot.channels.whatsapp.config import WhatsAppConfig, missing_keys
from bot.channels.whatsapp.parse import PayloadError
from bot.channels.whatsapp.runtime import WhatsAppRuntime
from bot.config import Settings
from bot.database import make_engine

log = logging.getLogger("dalil.whatsapp")

router = APIRouter(tags=["whatsapp"])
PATH = "/webhooks/whatsapp"


def start(app: FastAPI, settings: Settings) -> None:
    """Build and start the WhatsApp runtime if it is configured (called from the app's lifespan)."""
    app.state.whatsapp = None
    app.state.whatsapp_missing = missing_keys(settings)
    config = WhatsAppConfig.from_settings(settings)
    if config is None:
        log.info("whatsapp disabled", extra={"missing": app.state.whatsapp_missing})
        return
    dalil = app.state.dalil
    engine: Engine = (
        dalil.conversations.engine
        if settings.sqlite_url == dalil.settings.sqlite_url
        else make_engine(settings.sqlite_url)
    )
    # Tests shorten leases and backoffs by setting app.state.whatsapp_options before startup.
    runtime = WhatsAppRuntime(config, dalil, engine, options=getattr(app.state, "whatsapp_options", None))
    runtime.start()
    app.state.whatsapp = runtime


def stop(app: FastAPI) -> None:
    runtime: WhatsAppRuntime | None = getattr(app.state, "whatsapp", None)
    if runtime is not None:
        runtime.stop()
        app.state.whatsapp = None


def _runtime(request: Request) -> WhatsAppRuntime:
    runtime: WhatsAppRuntime | None = getattr(request.app.state, "whatsapp", None)
    if runtime is None:
        missing = getattr(request.app.state, "whatsapp_missing", None) or ["DALIL_WHATSAPP_*"]
        raise HTTPException(503, f"WhatsApp is not configured on this server: set {', '.join(missing)}")
    return runtime


@router.get(PATH, response_class=PlainTextResponse)
def verify(
    request: Request,
    mode: str | None = Query(None, alias="hub.mode"),
    token: str | None = Query(None, alias="hub.verify_token"),
    challenge: str | None = Query(None, alias="hub.challenge"),
) -> str:
    runtime = _runtime(request)
    expected = runtime.config.verify_token.encode()
    if mode != "subscribe" or token is None or not hmac.compare_digest(token.encode(), expected):
        raise HTTPException(403, "verification failed: wrong hub.mode or hub.verify_token")
    if not challenge:
        raise HTTPException(400, "hub.challenge is missing")
    return challenge


async def _bounded_body(request: Request, limit: int) -> bytes:
    """The raw body (the signature covers these exact bytes), refused past ``limit`` before it is all read."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, "webhook body too large")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise HTTPException(413, "webhook body too large")
    return bytes(body)


@router.post(PATH)
async def receive(request: Request) -> dict[str, object]:
    runtime = _runtime(request)
    body = await _bounded_body(request, MAX_WEBHOOK_BYTES)
    try:
        # Signature, parsing and the inbox write off the event loop (hashing and SQLite are blocking).
        outcome = await run_in_threadpool(runtime.receive, body, request.headers)
    except ChannelAuthError as exc:
        log.warning("whatsapp webhook refused", extra={"status": exc.status_code, "reason": exc.reason})
        raise HTTPException(exc.status_code, exc.reason) from None
    except PayloadError as exc:
        raise HTTPException(400, str(exc)) from None
    return {"status": "ok", **dict(outcome)}
