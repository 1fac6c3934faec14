"""The durable outbox: reply parts waiting to be sent, one row per part, keyed by
``<inbound message key>:<part>`` so the same reply can never be queued twice.

A sender claims the oldest due part whose earlier parts are settled (parts arrive in order), sends
it, and marks it ``sent``. A failure the platform may recover from (429, 5xx, timeout) is retried
with exponential backoff; after ``max_attempts`` or on a permanent error the part is ``failed`` and
logged. A sender that dies mid-send leaves a lease that expires; the part is then sent again, which is
the one case where WhatsApp may show a part twice: the Cloud API has no idempotency key, so a send
that reached Meta but whose answer was lost cannot be told apart from one that did not."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Sequence
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
    exists,
    insert,
    or_,
    update,
)

from bot.channels.whatsapp.queue import (
    claim_due,
    lease_columns,
    next_due_in,
    release_for_retry,
    retrying_count,
    state_counts,
)
from bot.database import checkpoint, metadata, now
from bot.types import Reply

log = logging.getLogger("dalil.whatsapp")

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"

wa_outbox = Table(
    "wa_outbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(80), nullable=False, unique=True),
    Column("inbound_key", String(64), nullable=False),
    Column("part", Integer, nullable=False),
    Column("address", String(64)),  # erased once the part is sent or has failed
    Column("payload", Text, nullable=False),  # Reply.to_json(): Dalil's answer text, no personal data
    *lease_columns(),
    Column("created_at", DateTime, nullable=False),
    Column("sent_at", DateTime),
    Column("platform_id", String(32)),  # pseudonym of the wamid WhatsApp returned
    Column("error", String(300)),
    Index("ix_wa_outbox_due", "state", "next_attempt_at"),
    Index("ix_wa_outbox_inbound", "inbound_key", "part"),
)


@dataclass(frozen=True)
class OutboxRow:
    id: int
    key: str
    inbound_key: str
    part: int
    address: str
    reply: Reply
    attempts: int
    claimed_by: str


def enqueue(conn: Connection, inbound_key: str, address: str, replies: Sequence[Reply]) -> None:
    """Queue the parts of one reply inside the caller's transaction (see ``Inbox.complete``)."""
    stamp = now()
    for part, reply in enumerate(replies):
        conn.execute(
            insert(wa_outbox).values(
                key=f"{inbound_key}:{part}",
                inbound_key=inbound_key,
                part=part,
                address=address,
                payload=reply.to_json(),
                state=PENDING,
                attempts=0,
                next_attempt_at=stamp,
                created_at=stamp,
            )
        )


class Outbox:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _claimable(self, stamp: dt.datetime):  # type: ignore[no-untyped-def]
        earlier = wa_outbox.alias("earlier")
        return and_(
            or_(
                and_(wa_outbox.c.state == PENDING, wa_outbox.c.next_attempt_at <= stamp),
                and_(wa_outbox.c.state == SENDING, wa_outbox.c.lease_until < stamp),
            ),
            ~exists().where(
                earlier.c.inbound_key == wa_outbox.c.inbound_key,
                earlier.c.part < wa_outbox.c.part,
                earlier.c.state.in_([PENDING, SENDING]),
            ),
        )

    def claim(self, lease_s: float, worker_id: str | None = None) -> OutboxRow | None:
        claimer = worker_id or uuid.uuid4().hex[:12]
        row = claim_due(self.engine, wa_outbox, self._claimable, SENDING, lease_s, claimer)
        if row is None:
            return None
        return OutboxRow(
            row.id,
            row.key,
            row.inbound_key,
            row.part,
            row.address or "",
            Reply.from_json(row.payload),
            row.attempts,
            claimer,
        )

    def _held(self, row: OutboxRow):  # type: ignore[no-untyped-def]
        return and_(wa_outbox.c.id == row.id, wa_outbox.c.state == SENDING, wa_outbox.c.claimed_by == row.claimed_by)

    def mark_sent(self, row: OutboxRow, platform_id: str | None) -> bool:
        with self.engine.begin() as conn:
            result = conn.execute(
                update(wa_outbox)
                .where(self._held(row))
                .values(state=SENT, sent_at=now(), lease_until=None, address=None, platform_id=platform_id, error=None)
            )
        self._forget_addresses()
        return result.rowcount == 1

    def retry_later(self, row: OutboxRow, delay_s: float, error: str) -> None:
        release_for_retry(self.engine, wa_outbox, self._held(row), delay_s, error)

    def mark_failed(self, row: OutboxRow, error: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(wa_outbox)
                .where(self._held(row))
                .values(state=FAILED, lease_until=None, address=None, error=error[:300])
            )
        self._forget_addresses()

    def _forget_addresses(self) -> None:
        """The number was erased from its row; take the copies the write-ahead log still holds too."""
        try:
            checkpoint(self.engine)
        except Exception:  # a busy checkpoint is retried at the next send; the row is erased either way
            log.warning("wal checkpoint after erasing an address failed", exc_info=True)

    def counts(self) -> dict[str, int]:
        return state_counts(self.engine, wa_outbox)

    def retrying(self) -> int:
        return retrying_count(self.engine, wa_outbox)

    def next_due_in(self) -> float | None:
        return next_due_in(self.engine, wa_outbox, SENDING)
