"""Retention (law 09-08) and one rating per answer (review finding 11), on a real SQLite database:
what is past its time is purged by ``dalil purge`` and by the server's own thread, nothing pending is,
a second purge does nothing more; rating an answer again replaces the first rating, and a database made
before that rule keeps the latest of its duplicate ratings."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, insert, select, update

from bot.channels.whatsapp.inbox import wa_inbox
from bot.channels.whatsapp.outbox import wa_outbox
from bot.cli import main
from bot.conversation import ConversationStore, conversations, feedback, turns
from bot.coordination import DatabaseRateCounter, rate_counts
from bot.database import make_engine, migrate, now
from bot.retention import Purger, Retention, purge
from bot.types import Answer, AnswerStatus

DAY = dt.timedelta(days=1)


def answer(session: str, answer_id: str) -> Answer:
    return Answer(
        session_id=session,
        status=AnswerStatus.ANSWERED,
        language="fr",
        text="…",
        answer_id=answer_id,
        redacted_question="passeport",
    )


def aged(engine: Engine, session: str, days: float) -> None:
    """Move a conversation, its turns and its rating ``days`` into the past."""
    then = now() - days * DAY
    with engine.begin() as conn:
        moved = update(conversations).where(conversations.c.id == session)
        conn.execute(moved.values(updated_at=then, created_at=then))
        for table in (turns, feedback):
            conn.execute(update(table).where(table.c.conversation_id == session).values(created_at=then))


def queued(engine: Engine, key: str, state: str, days: float) -> None:
    then = now() - days * DAY
    with engine.begin() as conn:
        conn.execute(
            insert(wa_inbox).values(
                message_key=key, sender_hash="h", address=None, kind="text", subtype="text", text="x",
                state=state, attempts=1, next_attempt_at=then, received_at=then,
            )
        )
        conn.execute(
            insert(wa_outbox).values(
                key=f"{key}:0", inbound_key=key, part=0, address=None, payload="{}",
                state="sent" if state == "done" else "pending", attempts=1, next_attempt_at=then, created_at=then,
            )
        )


def count(engine: Engine, table, *where) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


@pytest.fixture
def store(engine: Engine) -> ConversationStore:
    return ConversationStore(engine)  # SQLite, then PostgreSQL


def test_the_purge_deletes_what_is_past_its_time_and_nothing_else(store: ConversationStore) -> None:
    engine = store.engine
    for session, days in [("fresh", 1), ("idle", 100), ("old", 400)]:
        store.record(answer(session, f"a-{session}"), "web")
        store.add_feedback(session, f"a-{session}", 1, None)
        aged(engine, session, days)
    queued(engine, "done-old", "done", 40)
    queued(engine, "done-new", "done", 5)
    queued(engine, "pending-old", "pending", 40)  # never answered yet: never purged
    counter, minute = DatabaseRateCounter(engine), time.time()
    counter.hit("client-hash", 60, minute - 300)  # a minute that ended: purged
    counter.hit("client-hash", 60, minute + 60)  # a minute still to come (the clock may tick): kept

    purged = purge(engine, Retention(conversation_days=90, question_days=365, whatsapp_days=30))
    assert purged.as_dict() == {
        "conversations": 2, "unlinked": 4, "questions": 1, "ratings": 1, "whatsapp_messages": 1, "whatsapp_replies": 1,
        "rate_counts": 1,
    }
    assert store.load("fresh") is not None and store.load("idle") is None
    assert count(engine, turns, turns.c.answer_id == "a-idle", turns.c.conversation_id == "") == 1  # kept, unlinked
    assert count(engine, turns, turns.c.answer_id == "a-old") == 0
    assert count(engine, wa_inbox) == 2 and count(engine, wa_inbox, wa_inbox.c.message_key == "pending-old") == 1
    assert count(engine, rate_counts) == 1
    assert set(purge(engine, Retention()).as_dict().values()) == {0}  # idempotent


def test_dalil_purge_and_the_servers_thread(store: ConversationStore, tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    store.record(answer("idle", "a-1"), "web")
    aged(store.engine, "idle", 100)
    monkeypatch.setenv("DALIL_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DALIL_DATABASE_URL", store.engine.url.render_as_string(hide_password=False))
    assert main(["purge"]) == 0
    assert json.loads(capsys.readouterr().out)["conversations"] == 1

    store.record(answer("idle-2", "a-2"), "web")
    aged(store.engine, "idle-2", 100)
    purger = Purger(store.engine, Retention(), interval_s=0.05)
    purger.start()
    try:
        deadline = time.monotonic() + 10
        while store.load("idle-2") is not None:
            assert time.monotonic() < deadline, "the server's purge did not run"
            time.sleep(0.02)
    finally:
        purger.stop()


def test_rating_an_answer_again_replaces_the_rating(store: ConversationStore) -> None:
    store.record(answer("s", "a-1"), "web")
    for _ in range(40):
        store.add_feedback("s", "a-1", 1, "bien")
    store.add_feedback("s", "a-1", -1, "finalement non")
    rows = [r for r in store.feedback_rows() if r["answer_id"] == "a-1"]
    assert len(rows) == 1 and rows[0]["rating"] == -1 and rows[0]["comment"] == "finalement non"


def test_a_database_with_duplicate_ratings_keeps_the_latest(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine, "0002")  # the schema before one rating per answer
    with engine.begin() as conn:
        for rating in (1, 1, -1):
            conn.execute(insert(feedback).values(conversation_id="s", answer_id="a", rating=rating, created_at=now()))
    migrate(engine)
    store = ConversationStore(engine)
    assert [r["rating"] for r in store.feedback_rows()] == [-1]
    store.add_feedback("s", "a", 1, None)
    assert [r["rating"] for r in store.feedback_rows()] == [1]
