"""The Channel seam: the few things Dalil needs from a messaging platform, and the neutral shapes of
what comes in (:class:`Inbound`) and goes out (:class:`Reply`). WhatsApp implements it today; another
platform (Telegram, SMS) would implement the same three methods and reuse the inbox, outbox and worker."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, Protocol, runtime_checkable


class InboundKind(StrEnum):
    TEXT = "text"
    VOICE = "voice"  # an audio file or a recorded voice note
    REPLY = "reply"  # a tap on one of Dalil's reply buttons or list rows
    UNSUPPORTED = "unsupported"  # image, sticker, location, contacts…: answered with a short hint
    IGNORED = "ignored"  # reactions, deletions, system notices: acknowledged, never answered


@dataclass(frozen=True)
class Inbound:
    """One message from a citizen. ``text`` is raw here: it is redacted before it is stored."""

    message_id: str
    sender: str  # the platform address to answer (WhatsApp: the wa_id)
    kind: InboundKind
    text: str = ""
    media_id: str | None = None
    mime_type: str | None = None
    reply_id: str | None = None
    subtype: str = ""  # the platform's own type (image, sticker, voice…), for logs
    timestamp: int | None = None


@dataclass(frozen=True)
class Choice:
    id: str
    title: str
    description: str = ""


ReplyKind = Literal["text", "buttons", "list"]


@dataclass(frozen=True)
class Reply:
    """One outgoing message, already within the platform's limits (see ``whatsapp/format.py``)."""

    text: str
    kind: ReplyKind = "text"
    choices: tuple[Choice, ...] = field(default_factory=tuple)
    button: str = ""  # the label that opens a list

    def to_json(self) -> str:
        return json.dumps(
            {
                "text": self.text,
                "kind": self.kind,
                "choices": [[c.id, c.title, c.description] for c in self.choices],
                "button": self.button,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, raw: str) -> Reply:
        data = json.loads(raw)
        return cls(
            text=data["text"],
            kind=data["kind"],
            choices=tuple(Choice(*c) for c in data.get("choices", [])),
            button=data.get("button", ""),
        )


@dataclass(frozen=True)
class Media:
    data: bytes
    mime_type: str


@runtime_checkable
class Channel(Protocol):
    """A messaging platform. ``parse`` authenticates a webhook delivery and returns its messages
    (raising :class:`ChannelAuthError` for an unauthenticated one); ``send`` delivers one reply and
    returns the platform's message id; ``fetch_media`` downloads an attachment (refusing one over
    ``max_bytes``, by default the platform's configured limit). ``send`` and
    ``fetch_media`` raise :class:`ChannelError` with ``retryable`` set when trying again may help."""

    name: str

    def parse(self, payload: bytes, headers: Mapping[str, str]) -> list[Inbound]: ...

    def send(self, to: str, reply: Reply) -> str: ...

    def fetch_media(self, media_id: str, max_bytes: int | None = None) -> Media: ...


class ChannelAuthError(Exception):
    def __init__(self, status_code: int, reason: str) -> None:
        super().__init__(reason)
        self.status_code = status_code
        self.reason = reason


class ChannelError(Exception):
    """A platform call failed. ``retryable``: rate limit, server error, timeout; ``retry_after``: the
    platform's own hint in seconds, when it gave one."""

    def __init__(self, message: str, *, retryable: bool, status: int | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.retryable = retryable
        self.status = status
        self.retry_after = retry_after
