"""Alembic migrations, on SQLite and PostgreSQL: from an empty database, from a database the code
before migrations created and filled (nothing lost), and with several workers starting at once."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, func, insert, inspect, select

import bot.app  # noqa: F401 - the composition root imports every module that declares a table
from bot.admin.editor import KnowledgeEditor, kb_revisions
from bot.channels.whatsapp.inbox import Inbox, wa_inbox
from bot.channels.whatsapp.outbox import Outbox, wa_outbox
from bot.cli import main as cli
from bot.conversation import ConversationStore, conversations, feedback, turns
from bot.database import current_revision, head_revision, make_engine, metadata, migrate, open_database
from tests.legacy_schema import create_legacy

pytestmark = pytest.mark.integration
TABLES = {"conversations", "turns", "feedback", "kb_revisions", "wa_inbox", "wa_outbox"}
TABLES |= {"kb_versions", "leases", "rate_counts", "service_health"}
TABLES |= {"admin_users", "admin_sessions", "admin_tokens", "audit_log", "kb_drafts", "admin_queue_done"}
T0 = dt.datetime(2026, 11, 30, 9, 0)


def schema_differences(engine: Engine) -> list:
    """What separates the database from the tables the code declares (empty: they agree)."""
    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), metadata)


def test_an_empty_database_gets_the_schema_the_code_declares(database_url: str) -> None:
    engine = make_engine(database_url)
    assert current_revision(engine) is None
    assert migrate(engine) == (None, head_revision())
    assert set(inspect(engine).get_table_names()) >= TABLES
    assert schema_differences(engine) == []
    assert migrate(engine) == (head_revision(), head_revision())  # a second start has nothing to do
    engine.dispose()


def _fill_legacy(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(insert(conversations).values(
            id="s1", channel="web", procedure_id="passport-renewal", language="fr", created_at=T0, updated_at=T0))
        for n in range(2):
            conn.execute(insert(turns).values(
                conversation_id="s1", answer_id=f"a{n}", question=f"question {n}", status="answered",
                language="fr", style="fr", sources='["passport-renewal"]', trace="{}", created_at=T0))
        conn.execute(insert(feedback).values(
            conversation_id="s1", answer_id="a1", rating=1, comment="merci", created_at=T0))
        conn.execute(insert(kb_revisions).values(
            procedure_id="cnie-renewal", action="update", before="a", after="b", author="ed", created_at=T0))
        conn.execute(insert(wa_inbox).values(
            message_key="k1", sender_hash="h1", address="212600000000", kind="text", subtype="", text="passeport",
            state="pending", attempts=0, next_attempt_at=T0, received_at=T0))
        conn.execute(insert(wa_outbox).values(
            key="k0:0", inbound_key="k0", part=0, address="212600000001",
            payload='{"text": "réponse", "kind": "text", "choices": [], "button": ""}',
            state="pending", attempts=0, next_attempt_at=T0, created_at=T0))


def test_a_database_of_the_code_before_migrations_keeps_its_rows(database_url: str, tmp_path: Path) -> None:
    legacy = make_engine(database_url)
    create_legacy(legacy)  # as main created it before this change, then used for a while
    _fill_legacy(legacy)
    legacy.dispose()

    engine = open_database(database_url)
    assert current_revision(engine) == head_revision() and schema_differences(engine) == []
    with engine.connect() as conn:
        counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                  for t in (conversations, turns, feedback, kb_revisions, wa_inbox, wa_outbox)}
    assert counts == {"conversations": 1, "turns": 2, "feedback": 1, "kb_revisions": 1, "wa_inbox": 1,
                      "wa_outbox": 1}
    # The stores carry on with the rows they find.
    store = ConversationStore(engine)
    old = store.load("s1")
    assert old is not None and old.procedure_id == "passport-renewal"
    assert [t.answer_id for t in old.turns] == ["a0", "a1"]
    assert store.has_answer("s1", "a1") and store.feedback_rows()[0]["comment"] == "merci"
    row = Inbox(engine, "salt").claim(30, "w1")
    assert row is not None and row.message_key == "k1" and row.address == "212600000000"
    part = Outbox(engine).claim(30, "w1")
    assert part is not None and part.reply.text == "réponse"
    editor = KnowledgeEditor(tmp_path, engine, reload=lambda: None)  # type: ignore[arg-type,return-value]
    assert [r.author for r in editor.history("cnie-renewal")] == ["ed"]
    engine.dispose()


def test_several_workers_starting_at_once_migrate_once(database_url: str) -> None:
    engines = [make_engine(database_url) for _ in range(4)]
    results: list[tuple[str | None, str | None]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(len(engines))

    def worker(engine: Engine) -> None:
        start.wait()
        try:
            results.append(migrate(engine))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(e,)) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    head = head_revision()
    assert sorted(results, key=str) == sorted([(None, head)] + [(head, head)] * 3, key=str)  # one migrated
    for engine in engines:
        engine.dispose()


def test_dalil_migrate_upgrades_by_hand(database_url: str, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DALIL_DATABASE_URL", database_url)
    assert cli(["migrate"]) == 0
    assert f"-> {head_revision()}" in capsys.readouterr().out
    assert cli(["migrate"]) == 0
    assert "already at" in capsys.readouterr().out
