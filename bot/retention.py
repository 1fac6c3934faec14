"""How long Dalil keeps what it stores (law 09-08; README "Données personnelles"), and the purge that
enforces it: ``dalil purge`` and, every ``DALIL_PURGE_INTERVAL_S``, a thread of the server.

- A conversation (its procedure and language, what follow-ups need) lasts ``conversation_days`` after
  its last message; then it is deleted, and its questions and ratings lose their link to it.
- Questions (redacted, with what was answered) and ratings are kept ``question_days`` for analytics,
  then deleted.
- WhatsApp messages and replies that are done (answered, sent or given up) are deleted after
  ``whatsapp_days``; nothing pending is ever purged.
- Rate-limit counts (``rate_counts``, pseudonymous client and session keys) of a minute that has ended.

Every step is a bounded ``DELETE``/``UPDATE`` on an indexed date: running it twice, or in two workers at
once, does nothing more; afterwards SQLite's write-ahead log is emptied (``bot.database.checkpoint``)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import asdict, dataclass

from sqlalchemy import Engine, delete, update

from bot.channels.whatsapp.inbox import wa_inbox
from bot.channels.whatsapp.outbox import wa_outbox
from bot.config import Settings
from bot.conversation import conversations, feedback, turns
from bot.coordination import Periodic, rate_counts
from bot.database import checkpoint, now
from bot.ratelimit import WINDOW_S

log = logging.getLogger("dalil.retention")

UNLINKED = ""  # the conversation id of a question kept after its conversation was deleted


@dataclass(frozen=True)
class Retention:
    conversation_days: int = 90
    question_days: int = 365
    whatsapp_days: int = 30

    @classmethod
    def from_settings(cls, settings: Settings) -> Retention:
        return cls(
            settings.retention_conversation_days, settings.retention_question_days, settings.retention_whatsapp_days
        )


@dataclass(frozen=True)
class Purged:
    conversations: int
    unlinked: int  # questions and ratings whose conversation was deleted
    questions: int
    ratings: int
    whatsapp_messages: int
    whatsapp_replies: int
    rate_counts: int  # rows of ended rate-limit windows

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def purge(engine: Engine, retention: Retention, at: dt.datetime | None = None) -> Purged:
    """Delete what is past its retention, as of ``at`` (now)."""
    at = at or now()
    talk = at - dt.timedelta(days=retention.conversation_days)
    kept = at - dt.timedelta(days=retention.question_days)
    delivered = at - dt.timedelta(days=retention.whatsapp_days)
    window = int(at.replace(tzinfo=dt.UTC).timestamp() // WINDOW_S)  # the current one (DatabaseRateCounter's)
    with engine.begin() as conn:
        unlinked = sum(
            conn.execute(
                update(table).where(table.c.created_at < talk, table.c.conversation_id != UNLINKED)
                .values(conversation_id=UNLINKED)
            ).rowcount
            for table in (turns, feedback)
        )
        purged = Purged(
            conversations=conn.execute(delete(conversations).where(conversations.c.updated_at < talk)).rowcount,
            unlinked=unlinked,
            questions=conn.execute(delete(turns).where(turns.c.created_at < kept)).rowcount,
            ratings=conn.execute(delete(feedback).where(feedback.c.created_at < kept)).rowcount,
            whatsapp_messages=conn.execute(
                delete(wa_inbox).where(wa_inbox.c.state.in_(["done", "failed"]), wa_inbox.c.received_at < delivered)
            ).rowcount,
            whatsapp_replies=conn.execute(
                delete(wa_outbox).where(wa_outbox.c.state.in_(["sent", "failed"]), wa_outbox.c.created_at < delivered)
            ).rowcount,
            rate_counts=conn.execute(delete(rate_counts).where(rate_counts.c.window < window)).rowcount,
        )
    checkpoint(engine)
    return purged


class Purger(Periodic):
    """Runs :func:`purge` every ``interval_s``, the first time at start (``bot.app`` runs it in the one
    process that holds the jobs lease)."""

    def __init__(self, engine: Engine, retention: Retention, interval_s: float) -> None:
        super().__init__("retention-purge", interval_s)
        self.engine = engine
        self.retention = retention

    def tick(self) -> None:  # a failure (a locked or full database) is logged; the next tick tries again
        purged = purge(self.engine, self.retention)
        log.info("retention purge", extra=purged.as_dict())
