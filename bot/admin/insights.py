"""What citizens ask, read from the turns and ratings (questions are stored redacted): questions per
day by channel and style, the procedures most asked, and the queue of what went wrong (out of scope,
no answer, not covered, a clarification never resolved, a 👎), each row until someone turns it into a
fix or sets it aside."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Column, DateTime, Engine, String, Table, and_, exists, insert, select
from sqlalchemy.orm import aliased

from bot.conversation import conversations, feedback, turns
from bot.database import metadata, now

# A row of the queue once handled: it leaves the queue (the audit log says how).
queue_done = Table(
    "admin_queue_done",
    metadata,
    Column("key", String(40), primary_key=True),  # "turn:12" or "feedback:7"
    Column("action", String(24), nullable=False),  # question | alias | new | dismissed
    Column("by", String(40), nullable=False),
    Column("at", DateTime, nullable=False),
)

WRONG_STATUSES = ("out_of_scope", "no_answer", "not_covered")
SCAN_LIMIT = 100_000  # turns read for the top procedures (a month of a busy service)


@dataclass(frozen=True)
class Day:
    day: dt.date
    channel: str
    style: str
    count: int


@dataclass(frozen=True)
class QueueRow:
    key: str
    kind: str  # out_of_scope | no_answer | not_covered | clarification | thumbs_down
    at: dt.datetime
    question: str  # redacted
    status: str  # the answer given
    sources: list[str]
    style: str
    channel: str
    comment: str = ""


def _day(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


class Insights:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def per_day(self, days: int = 30) -> list[Day]:
        since = now() - dt.timedelta(days=days)
        query = (
            select(turns.c.created_at, conversations.c.channel, turns.c.style)
            .join(conversations, conversations.c.id == turns.c.conversation_id)
            .where(turns.c.created_at >= since)
        )
        counts: Counter[tuple[dt.date, str, str]] = Counter()
        with self.engine.connect() as conn:
            for row in conn.execute(query.limit(SCAN_LIMIT)):
                counts[(_day(row.created_at), row.channel, row.style)] += 1
        return [Day(d, c, s, n) for (d, c, s), n in sorted(counts.items())]

    def top_procedures(self, days: int = 30, limit: int = 10) -> list[tuple[str, int]]:
        """Procedures by how many answers cited them first (answers and clarifications)."""
        since = now() - dt.timedelta(days=days)
        query = select(turns.c.sources).where(turns.c.created_at >= since, turns.c.status.in_(("answered",)))
        counts: Counter[str] = Counter()
        with self.engine.connect() as conn:
            for (sources,) in conn.execute(query.limit(SCAN_LIMIT)):
                cited = json.loads(sources or "[]")
                if cited:
                    counts[cited[0]] += 1
        return counts.most_common(limit)

    def queue(self, limit: int = 100) -> list[QueueRow]:
        with self.engine.connect() as conn:
            done = {key for (key,) in conn.execute(select(queue_done.c.key))}
            rows = [*self._wrong_turns(conn), *self._unresolved(conn), *self._thumbs_down(conn)]
        rows = [r for r in rows if r.key not in done]
        return sorted(rows, key=lambda r: r.at, reverse=True)[:limit]

    def _turn_query(self):  # type: ignore[no-untyped-def]
        return select(turns, conversations.c.channel).join(conversations, conversations.c.id == turns.c.conversation_id)

    def _row(self, r, kind: str, key: str, comment: str = "") -> QueueRow:  # type: ignore[no-untyped-def]
        sources = json.loads(r.sources or "[]")
        return QueueRow(key, kind, r.created_at, r.question, r.status, sources, r.style, r.channel, comment)

    def _wrong_turns(self, conn) -> list[QueueRow]:  # type: ignore[no-untyped-def]
        query = self._turn_query().where(turns.c.status.in_(WRONG_STATUSES)).order_by(turns.c.id.desc()).limit(500)
        return [self._row(r, r.status, f"turn:{r.id}") for r in conn.execute(query)]

    def _unresolved(self, conn) -> list[QueueRow]:  # type: ignore[no-untyped-def]
        later = aliased(turns)
        same = and_(later.c.conversation_id == turns.c.conversation_id, later.c.id > turns.c.id)
        resolved = exists().where(same, later.c.status == "answered")
        query = self._turn_query().where(turns.c.status == "clarification", ~resolved)
        query = query.order_by(turns.c.id.desc()).limit(500)
        return [self._row(r, "clarification", f"turn:{r.id}") for r in conn.execute(query)]

    def _thumbs_down(self, conn) -> list[QueueRow]:  # type: ignore[no-untyped-def]
        query = (
            select(turns, conversations.c.channel, feedback.c.id.label("feedback_id"), feedback.c.comment)
            .join(feedback, feedback.c.answer_id == turns.c.answer_id)
            .join(conversations, conversations.c.id == turns.c.conversation_id)
            .where(feedback.c.rating < 0)
            .order_by(feedback.c.id.desc())
            .limit(500)
        )
        return [self._row(r, "thumbs_down", f"feedback:{r.feedback_id}", r.comment or "") for r in conn.execute(query)]

    def row(self, key: str) -> QueueRow | None:
        return next((r for r in self.queue(limit=10_000) if r.key == key), None)

    def handled(self, key: str, action: str, by: str) -> None:
        with self.engine.begin() as conn:
            if conn.execute(select(queue_done.c.key).where(queue_done.c.key == key)).first() is None:
                conn.execute(insert(queue_done).values(key=key, action=action, by=by, at=now()))
