"""The durable inbox: every incoming message is written here before the webhook answers 200.

``message_key`` (an HMAC of the WhatsApp message id: wamids embed the phone number) is unique, so a
delivery Meta retries is acknowledged without being stored or answered again. A worker *claims* a row
(``pending`` -> ``processing``, with a lease it renews while it works); a worker that dies leaves the
lease to expire and another one takes the row over. The reply parts go to the outbox in the same
transaction that marks the row ``done``, and only while the claim is still held, so an answer is
queued once or not at all. Only redacted text is stored; the address to reply to is erased once the
reply is queued (the outbox keeps it until it is sent)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    Index,
    Integer,
    String,
    Table,
    Text,
    and_,
    func,
    or_,
    select,
    update,
)

from bot.channels.whatsapp.outbox import enqueue
from bot.channels.whatsapp.queue import (
    claim_due,
    lease_columns,
    next_due_in,
    release_for_retry,
    retrying_count,
    state_counts,
)
from bot.database import insert_new, metadata, now
from bot.privacy import pseudonym, redact
from bot.types import Inbound, InboundKind, Reply

log = logging.getLogger("dalil.whatsapp")

PENDING, PROCESSING, DONE, FAILED = "pending", "processing", "done", "failed"
LIMITED = "limited"  # the kind of a message over the sender's rate limit: answered with a notice, not processed
CONFIRM = "confirm"  # the status of a voice note answered with "did I hear you right?"

wa_inbox = Table(
    "wa_inbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("message_key", String(64), nullable=False, unique=True),
    Column("sender_hash", String(32), nullable=False),
    Column("address", String(64)),  # where to reply; erased once the reply is queued
    Column("kind", String(16), nullable=False),
    Column("subtype", String(40), nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),  # redacted
    Column("reply_id", String(200)),
    Column("media_id", String(128)),
    Column("mime_type", String(100)),
    *lease_columns(),
    Column("received_at", DateTime, nullable=False),
    Column("done_at", DateTime),
    Column("status", String(24)),  # the answer's status, or what happened
    Column("answer_id", String(64)),
    Column("error", String(300)),
    Index("ix_wa_inbox_due", "state", "next_attempt_at"),
    Index("ix_wa_inbox_sender", "sender_hash", "received_at"),
)


@dataclass(frozen=True)
class InboxRow:
    id: int
    message_key: str
    sender_hash: str
    address: str
    kind: str
    subtype: str
    text: str
    reply_id: str | None
    media_id: str | None
    mime_type: str | None
    attempts: int
    received_at: dt.datetime
    claimed_by: str


@dataclass(frozen=True)
class Outcome:
    """What processing a row produced: the replies to queue and what to remember about it."""

    replies: list[Reply]
    status: str
    text: str | None = None  # redacted text to store (e.g. a voice note's transcript)
    answer_id: str | None = None
    error: str | None = None


def message_key(message_id: str, salt: str) -> str:
    """The dedup key of a message: 128 bits of an HMAC, never the wamid itself (it embeds the number)."""
    return hmac.new(salt.encode(), message_id.encode(), hashlib.sha256).hexdigest()[:32]


class Inbox:
    def __init__(self, engine: Engine, salt: str, rate_per_minute: int = 15, max_text_chars: int = 4096) -> None:
        self.engine = engine
        self.salt = salt
        self.rate_per_minute = rate_per_minute
        self.max_text_chars = max_text_chars

    def sender_hash(self, address: str) -> str:
        return pseudonym(address, self.salt)

    # --- intake (webhook) ------------------------------------------------------------------

    def accept(self, message: Inbound) -> str:
        """Store one message; return ``"new"``, ``"limited"``, ``"duplicate"`` or ``"ignored"``."""
        return self.accept_all([message])[0]

    def accept_all(self, messages: list[Inbound]) -> list[str]:
        """Store a delivery's messages in one transaction (all or none: a failure leaves nothing half
        stored, so Meta's retry finds the batch whole); one result per message, as :meth:`accept`."""
        stamp = now()
        with self.engine.begin() as conn:
            return [self._accept(conn, message, stamp) for message in messages]

    def _accept(self, conn: Connection, message: Inbound, stamp: dt.datetime) -> str:
        if message.kind is InboundKind.IGNORED:
            return "ignored"
        sender = self.sender_hash(message.sender)
        values = {
            "message_key": message_key(message.message_id, self.salt),
            "sender_hash": sender,
            "address": message.sender[:64],
            "kind": message.kind.value,
            "subtype": message.subtype[:40],
            "text": redact(message.text)[: self.max_text_chars],
            "reply_id": (message.reply_id or None) and message.reply_id[:200],
            "media_id": message.media_id,
            "mime_type": (message.mime_type or None) and message.mime_type[:100],
            "state": PENDING,
            "attempts": 0,
            "next_attempt_at": stamp,
            "received_at": stamp,
        }
        recent = conn.execute(
            select(func.count())
            .select_from(wa_inbox)
            .where(wa_inbox.c.sender_hash == sender, wa_inbox.c.received_at > stamp - dt.timedelta(minutes=1))
        ).scalar_one()
        if self.rate_per_minute > 0 and recent >= self.rate_per_minute:
            values["kind"] = LIMITED
        if not insert_new(conn, wa_inbox, values, ["message_key"]):
            return "duplicate"
        return "limited" if values["kind"] == LIMITED else "new"

    # --- work (worker) ---------------------------------------------------------------------

    def _claimable(self, stamp: dt.datetime):  # type: ignore[no-untyped-def]
        return or_(
            and_(wa_inbox.c.state == PENDING, wa_inbox.c.next_attempt_at <= stamp),
            and_(wa_inbox.c.state == PROCESSING, wa_inbox.c.lease_until < stamp),  # its worker died
        )

    def claim(self, lease_s: float, worker_id: str | None = None) -> InboxRow | None:
        """Atomically take the oldest due row (see :func:`claim_due`)."""
        claimer = worker_id or uuid.uuid4().hex[:12]
        row = claim_due(self.engine, wa_inbox, self._claimable, PROCESSING, lease_s, claimer)
        if row is None:
            return None
        return InboxRow(
            id=row.id,
            message_key=row.message_key,
            sender_hash=row.sender_hash,
            address=row.address or "",
            kind=row.kind,
            subtype=row.subtype,
            text=row.text,
            reply_id=row.reply_id,
            media_id=row.media_id,
            mime_type=row.mime_type,
            attempts=row.attempts,
            received_at=row.received_at,
            claimed_by=claimer,
        )

    def _held(self, row: InboxRow):  # type: ignore[no-untyped-def]
        return and_(wa_inbox.c.id == row.id, wa_inbox.c.state == PROCESSING, wa_inbox.c.claimed_by == row.claimed_by)

    def renew(self, row: InboxRow, lease_s: float) -> bool:
        with self.engine.begin() as conn:
            result = conn.execute(
                update(wa_inbox).where(self._held(row)).values(lease_until=now() + dt.timedelta(seconds=lease_s))
            )
        return result.rowcount == 1

    def complete(self, row: InboxRow, outcome: Outcome) -> bool:
        """Mark the row done and queue its replies, in one transaction, only if we still hold it."""
        with self.engine.begin() as conn:
            result = conn.execute(
                update(wa_inbox)
                .where(self._held(row))
                .values(
                    state=DONE if outcome.status != FAILED else FAILED,
                    done_at=now(),
                    lease_until=None,
                    address=None,
                    status=outcome.status[:24],
                    answer_id=outcome.answer_id,
                    error=(outcome.error or None) and outcome.error[:300],
                    **({"text": redact(outcome.text)[: self.max_text_chars]} if outcome.text is not None else {}),
                )
            )
            if result.rowcount != 1:
                # Our lease expired and another worker took the row: its answer wins, ours is dropped.
                log.warning("inbox claim lost before completion; answer dropped", extra={"row": row.id})
                return False
            enqueue(conn, row.message_key, row.address, outcome.replies)
        return True

    def retry_later(self, row: InboxRow, delay_s: float, error: str) -> None:
        release_for_retry(self.engine, wa_inbox, self._held(row), delay_s, error)

    def heard(self, row_id: int, sender_hash: str) -> str | None:
        """The (redacted) transcript of this sender's voice note held for confirmation, if any."""
        with self.engine.connect() as conn:
            text = conn.execute(
                select(wa_inbox.c.text).where(
                    wa_inbox.c.id == row_id,
                    wa_inbox.c.sender_hash == sender_hash,  # a tap never reaches another citizen's note
                    wa_inbox.c.kind == InboundKind.VOICE.value,
                    wa_inbox.c.status == CONFIRM,
                )
            ).scalar_one_or_none()
        return text or None

    def limited_notice_sent(self, row: InboxRow) -> bool:
        """Whether this sender already got the rate-limit notice in the last minute (send it once)."""
        with self.engine.connect() as conn:
            return (
                conn.execute(
                    select(wa_inbox.c.id).where(
                        wa_inbox.c.sender_hash == row.sender_hash,
                        wa_inbox.c.kind == LIMITED,
                        wa_inbox.c.status == "limited_notice",
                        wa_inbox.c.received_at > row.received_at - dt.timedelta(minutes=1),
                        wa_inbox.c.id != row.id,
                    )
                ).first()
                is not None
            )

    def counts(self) -> dict[str, int]:
        return state_counts(self.engine, wa_inbox)

    def retrying(self) -> int:
        return retrying_count(self.engine, wa_inbox)

    def next_due_in(self) -> float | None:
        """Seconds until the next pending row is due (None: nothing pending)."""
        return next_due_in(self.engine, wa_inbox, PROCESSING)
