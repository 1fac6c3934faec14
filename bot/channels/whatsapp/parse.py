"""Webhook bodies -> :class:`Inbound` messages. Every shape Meta sends is recognised: text, audio and
voice notes, reply-button and list taps, template quick replies, edits of a text, and the ones Dalil
does not answer with content (image, video, document, sticker, location, contacts, order, unknown types)
and reactions, which become ``UNSUPPORTED`` (a short hint is sent). Removed reactions, deletions and
system notices are ``IGNORED``; delivery statuses are counted, never answered."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from bot.types import Inbound, InboundKind

log = logging.getLogger("dalil.whatsapp")

# Types whose content Dalil cannot use: the citizen gets the "text or voice note" hint.
UNSUPPORTED_TYPES = {"image", "video", "document", "sticker", "location", "contacts", "order", "unsupported"}
# Types that are not a question: a removed reaction, a deleted message, a number change.
IGNORED_TYPES = {"revoke", "system", "ephemeral", "request_welcome"}


@dataclass
class Update:
    messages: list[Inbound] = field(default_factory=list)
    statuses: int = 0
    failed_statuses: list[int] = field(default_factory=list)  # error codes of replies WhatsApp could not deliver
    other_numbers: int = 0  # messages to another phone number of the same business account


class PayloadError(ValueError):
    pass


def parse_update(payload: Any, phone_number_id: str | None = None) -> Update:
    """Parse one webhook body. Messages addressed to another phone number are skipped (counted)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("entry", []), list):
        raise PayloadError("not a WhatsApp webhook body")
    update = Update()
    if payload.get("object") not in (None, "whatsapp_business_account"):
        return update
    for value in _values(payload):
        number = str((value.get("metadata") or {}).get("phone_number_id", ""))
        for status in value.get("statuses") or []:
            update.statuses += 1
            if isinstance(status, dict) and status.get("status") == "failed":
                update.failed_statuses += [
                    int(e.get("code", 0)) for e in status.get("errors") or [] if isinstance(e, dict)
                ]
        messages = [m for m in value.get("messages") or [] if isinstance(m, dict)]
        if phone_number_id and number != phone_number_id:
            update.other_numbers += len(messages)
            continue
        contacts = [c for c in value.get("contacts") or [] if isinstance(c, dict)]
        fallback = str(contacts[0].get("wa_id", "")) if len(contacts) == 1 else ""
        for message in messages:
            parsed = parse_message(message, fallback)
            if parsed is not None:
                update.messages.append(parsed)
    return update


def _values(payload: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for entry in payload.get("entry") or []:
        if not isinstance(entry, dict):
            continue
        for change in entry.get("changes") or []:
            if isinstance(change, dict) and change.get("field", "messages") == "messages":
                value = change.get("value")
                if isinstance(value, dict):
                    yield value


def parse_message(message: dict[str, Any], fallback_sender: str = "") -> Inbound | None:
    message_id = str(message.get("id") or "")
    sender = str(message.get("from") or fallback_sender)
    if not message_id or not sender:
        log.warning("whatsapp message without id or sender skipped", extra={"type": message.get("type")})
        return None
    kind, fields = _classify(message)
    timestamp = message.get("timestamp")
    return Inbound(
        message_id=message_id,
        sender=sender,
        kind=kind,
        timestamp=int(timestamp) if str(timestamp or "").isdigit() else None,
        **fields,
    )


def _classify(message: dict[str, Any]) -> tuple[InboundKind, dict[str, Any]]:
    kind = str(message.get("type") or "unsupported")
    body = message.get(kind) if isinstance(message.get(kind), dict) else {}
    if kind == "text":
        return InboundKind.TEXT, {"text": str(body.get("body", "")), "subtype": "text"}
    if kind == "audio":
        subtype = "voice" if body.get("voice") else "audio"
        return InboundKind.VOICE, {"media_id": body.get("id"), "mime_type": body.get("mime_type"), "subtype": subtype}
    if kind == "interactive":
        reply = body.get("button_reply") or body.get("list_reply")
        if isinstance(reply, dict) and reply.get("id"):
            return InboundKind.REPLY, {
                "reply_id": str(reply["id"]),
                "text": str(reply.get("title", "")),
                "subtype": str(body.get("type", "")),
            }
        return InboundKind.UNSUPPORTED, {"subtype": f"interactive:{body.get('type', 'unknown')}"}
    if kind == "button":  # a quick-reply button of a template message
        return InboundKind.REPLY, {
            "reply_id": str(body.get("payload", "")) or None,
            "text": str(body.get("text", "")),
            "subtype": "quick_reply",
        }
    if kind == "edit":
        edited = body.get("message") if isinstance(body.get("message"), dict) else {}
        if edited.get("type") == "text":  # an edited question deserves an answer to the new wording
            return InboundKind.TEXT, {"text": str((edited.get("text") or {}).get("body", "")), "subtype": "edit"}
        return InboundKind.IGNORED, {"subtype": "edit"}
    if kind == "reaction":  # a reaction is answered with the hint; removing one (no emoji) is not
        kept = bool(body.get("emoji"))
        return (
            (InboundKind.UNSUPPORTED, {"subtype": "reaction"})
            if kept
            else (InboundKind.IGNORED, {"subtype": "unreaction"})
        )
    if kind in IGNORED_TYPES:
        return InboundKind.IGNORED, {"subtype": kind}
    return InboundKind.UNSUPPORTED, {"subtype": kind if kind in UNSUPPORTED_TYPES else f"other:{kind}"[:40]}
