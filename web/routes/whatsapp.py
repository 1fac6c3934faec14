"""``/webhooks/whatsapp``: Meta's verification handshake (GET) and signed deliveries (POST).

A POST is authenticated (``X-Hub-Signature-256``), its messages are written to the durable inbox and
only then is 200 returned; the worker answers from the inbox. Without the ``DALIL_WHATSAPP_*`` keys
both methods answer 503 and the rest of Dalil is unaffected."""

from __future__ import annotations

import hmac
import logging

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse

from bot.channels.whatsapp.channel import MAX_WEBHOOK_BYTES
from bot.channels.whatsapp.config import missing_keys
from bot.channels.whatsapp.parse import PayloadError
from bot.channels.whatsapp.runtime import WhatsAppRuntime
from bot.errors import ChannelAuthError
from web.schemas import refusals

log = logging.getLogger("dalil.whatsapp")

router = APIRouter(tags=["whatsapp"])
PATH = "/webhooks/whatsapp"


def _runtime(request: Request) -> WhatsAppRuntime:
    dalil = request.app.state.dalil
    if dalil.whatsapp is None:
        missing = missing_keys(dalil.settings) or ["DALIL_WHATSAPP_*"]
        raise HTTPException(503, f"WhatsApp is not configured on this server: set {', '.join(missing)}")
    return dalil.whatsapp


@router.get(
    PATH,
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/plain": {}}, "description": "the challenge, echoed"}}
    | {code: {**doc, "content": {"application/json": {}}} for code, doc in refusals(400, 403, 422, 503).items()},
)
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


@router.post(PATH, responses=refusals(400, 401, 403, 413, 503))
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
