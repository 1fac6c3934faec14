"""Webhook bodies -> :class:`Inbound` messages. Every shape Meta sends is recognised: text, audio and
voice notes, reply-button and list taps, template quick replies, edits of a text, and the ones Dalil
does not answer with content (image, video, document, sticker, location, contacts, order, unknown types)
and reactions, which become ``UNSUPPORTED`` (a short hint is sent). Removed reactions, deletions and
system notices are ``IGNORED``; delivery statuses are counted, never answered.

Meta retries a delivery that did not get a 200, so one message Dalil cannot read must not block the
others of its batch on every retry: every field is read for the shape it should have, and a message
without a usable id or sender is skipped and logged, never an exception."""

from __future__ import annotations

import logging
import re
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


# Field shapes Meta documents: wamids are short, wa_ids and media ids are digits.
MAX_MESSAGE_ID = 256
SENDER_RE = re.compile(r"[0-9]{5,20}")
MEDIA_ID_RE = re.compile(r"[0-9]{1,64}")


def _dicts(value: Any) -> list[dict[str, Any]]:
    """The dicts of a list; anything else (a number where a list belongs…) is no list at all."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any, limit: int = 4096) -> str:
    """A string field as a string (numbers as their digits); objects and lists are not text."""
    if isinstance(value, str):
        return value[:limit]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)[:limit]
    return ""


def _code(value: Any) -> int:
    text = _text(value)
    return int(text) if text.isdigit() and len(text) < 12 else 0


def parse_update(payload: Any, phone_number_id: str | None = None) -> Update:
    """Parse one webhook body. Messages addressed to another phone number are skipped (counted)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("entry", []), list):
        raise PayloadError("not a WhatsApp webhook body")
    update = Update()
    if payload.get("object") not in (None, "whatsapp_business_account"):
        return update
    for value in _values(payload):
        number = _text(_dict(value.get("metadata")).get("phone_number_id"))
        for status in _dicts(value.get("statuses")):
            update.statuses += 1
            if status.get("status") == "failed":
                update.failed_statuses += [_code(e.get("code")) for e in _dicts(status.get("errors"))]
        messages = _dicts(value.get("messages"))
        if phone_number_id and number != phone_number_id:
            update.other_numbers += len(messages)
            continue
        contacts = _dicts(value.get("contacts"))
        fallback = _text(contacts[0].get("wa_id")) if len(contacts) == 1 else ""
        for message in messages:
            parsed = parse_message(message, fallback)
            if parsed is not None:
                update.messages.append(parsed)
    return update


def _values(payload: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for entry in _dicts(payload.get("entry")):
        for change in _dicts(entry.get("changes")):
            if change.get("field", "messages") == "messages" and isinstance(change.get("value"), dict):
                yield change["value"]


def parse_message(message: dict[str, Any], fallback_sender: str = "") -> Inbound | None:
    message_id = _text(message.get("id"), MAX_MESSAGE_ID + 1)
    sender = _text(message.get("from")) or fallback_sender
    if not message_id or len(message_id) > MAX_MESSAGE_ID or not SENDER_RE.fullmatch(sender):
        kind = _text(message.get("type"), 40)
        log.warning("whatsapp message without a usable id or sender skipped", extra={"type": kind})
        return None
    kind, fields = _classify(message)
    timestamp = _text(message.get("timestamp"))
    return Inbound(
        message_id=message_id,
        sender=sender,
        kind=kind,
        timestamp=int(timestamp) if timestamp.isdigit() and len(timestamp) < 12 else None,
        **fields,
    )


def _classify(message: dict[str, Any]) -> tuple[InboundKind, dict[str, Any]]:
    kind = _text(message.get("type"), 40) or "unsupported"
    body = _dict(message.get(kind))
    if kind == "text":
        return InboundKind.TEXT, {"text": _text(body.get("body")), "subtype": "text"}
    if kind == "audio":
        subtype = "voice" if body.get("voice") else "audio"
        media_id = _text(body.get("id"))
        return InboundKind.VOICE, {
            # Only a media id of Meta's shape ever reaches a URL; without one the citizen gets the apology.
            "media_id": media_id if MEDIA_ID_RE.fullmatch(media_id) else None,
            "mime_type": _text(body.get("mime_type"), 100) or None,
            "subtype": subtype,
        }
    if kind == "interactive":
        reply = _dict(body.get("button_reply")) or _dict(body.get("list_reply"))
        if _text(reply.get("id")):
            return InboundKind.REPLY, {
                "reply_id": _text(reply.get("id"), 200),
                "text": _text(reply.get("title")),
                "subtype": _text(body.get("type"), 40),
            }
        return InboundKind.UNSUPPORTED, {"subtype": f"interactive:{_text(body.get('type'), 20) or 'unknown'}"}
    if kind == "button":  # a quick-reply button of a template message
        return InboundKind.REPLY, {
            "reply_id": _text(body.get("payload"), 200) or None,
            "text": _text(body.get("text")),
            "subtype": "quick_reply",
        }
    if kind == "edit":
        edited = _dict(body.get("message"))
        if edited.get("type") == "text":  # an edited question deserves an answer to the new wording
            return InboundKind.TEXT, {"text": _text(_dict(edited.get("text")).get("body")), "subtype": "edit"}
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
