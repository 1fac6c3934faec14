"""Conversations, their turns and the citizens' feedback, in the application's database.

Only redacted text is ever written here (see :mod:`bot.privacy`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Index,
    Integer,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)

from bot.database import metadata, now, probe, upsert
from bot.sessions import SESSION_ID_LENGTH
from bot.types import Answer

conversations = Table(
    "conversations",
    metadata,
    Column("id", String(SESSION_ID_LENGTH), primary_key=True),
    Column("channel", String(16), nullable=False, default="web"),
    Column("procedure_id", String(80)),  # the procedure being discussed, for follow-ups
    Column("language", String(8)),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Index("ix_conversations_updated_at", "updated_at"),
)

turns = Table(
    "turns",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation_id", String(SESSION_ID_LENGTH), nullable=False, index=True),
    Column("answer_id", String(64), nullable=False, unique=True),
    Column("question", Text, nullable=False),  # redacted
    Column("status", String(24), nullable=False),
    Column("language", String(8), nullable=False),
    Column("style", String(8), nullable=False),
    Column("sources", Text, nullable=False),  # JSON list of procedure ids
    Column("trace", Text, nullable=False),  # JSON: step timings and scores
    Column("created_at", DateTime, nullable=False),
    Index("ix_turns_created_at", "created_at"),  # the retention purge
)

feedback = Table(
    "feedback",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation_id", String(SESSION_ID_LENGTH), nullable=False, index=True),
    Column("answer_id", String(64), nullable=False),
    Column("rating", Integer, nullable=False),  # +1 / -1
    Column("comment", Text),  # redacted
    Column("created_at", DateTime, nullable=False),
    Index("ux_feedback_answer_id", "answer_id", unique=True),  # one rating per answer: a new one replaces it
    Index("ix_feedback_created_at", "created_at"),
)


@dataclass(frozen=True)
class Turn:
    answer_id: str
    question: str
    status: str
    language: str
    sources: list[str]


@dataclass(frozen=True)
class Conversation:
    id: str
    procedure_id: str | None
    language: str | None
    turns: list[Turn]


class ConversationStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def load(self, conversation_id: str, last: int = 6) -> Conversation | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(conversations).where(conversations.c.id == conversation_id)).first()
            if row is None:
                return None
            rows = conn.execute(
                select(turns)
                .where(turns.c.conversation_id == conversation_id)
                .order_by(turns.c.id.desc())
                .limit(last)
            ).all()
        history = [
            Turn(r.answer_id, r.question, r.status, r.language, json.loads(r.sources)) for r in reversed(rows)
        ]
        return Conversation(row.id, row.procedure_id, row.language, history)

    def record(self, answer: Answer, channel: str) -> None:
        """One turn of ``answer.session_id``: the redacted question, what was answered and how."""
        stamp = now()
        conversation_id = answer.session_id
        with self.engine.begin() as conn:
            exists = conn.execute(
                select(conversations.c.id).where(conversations.c.id == conversation_id)
            ).first()
            values = {"language": answer.language, "updated_at": stamp}
            if answer.procedure_id:
                values["procedure_id"] = answer.procedure_id
            if exists:
                conn.execute(
                    update(conversations).where(conversations.c.id == conversation_id).values(**values)
                )
            else:
                conn.execute(
                    insert(conversations).values(
                        id=conversation_id, channel=channel, created_at=stamp, **values
                    )
                )
            conn.execute(
                insert(turns).values(
                    conversation_id=conversation_id,
                    answer_id=answer.answer_id,
                    question=answer.redacted_question,
                    status=answer.status.value,
                    language=answer.language,
                    style=answer.style,
                    sources=json.dumps([s.id for s in answer.sources]),
                    trace=json.dumps(answer.trace, default=str),
                    created_at=stamp,
                )
            )

    def has_answer(self, conversation_id: str, answer_id: str) -> bool:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(turns.c.id).where(
                    turns.c.conversation_id == conversation_id, turns.c.answer_id == answer_id
                )
            ).first()
        return row is not None

    def add_feedback(self, conversation_id: str, answer_id: str, rating: int, comment: str | None) -> None:
        """The citizen's rating of one answer; rating it again replaces the first (one vote per answer)."""
        values = {
            "conversation_id": conversation_id,
            "answer_id": answer_id,
            "rating": rating,
            "comment": comment,
            "created_at": now(),
        }
        with self.engine.begin() as conn:
            upsert(conn, feedback, values, ["answer_id"])

    def probe(self) -> None:
        """A small write: raises when the database cannot take one (locked, full, down)."""
        probe(self.engine)

    def feedback_rows(self, limit: int = 100) -> list[dict[str, object]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(feedback).order_by(feedback.c.id.desc()).limit(limit)).all()
        return [dict(r._mapping) for r in rows]

