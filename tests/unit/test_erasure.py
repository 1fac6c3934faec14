"""Erased means erased (review finding 14): once a reply is sent, the citizen's number is in neither the
SQLite database file nor its write-ahead log (secure_delete overwrites freed space, a checkpoint empties
the log)."""

from __future__ import annotations

from pathlib import Path

from bot.database import open_database
from tests import whatsapp_payloads as wp
from tests.unit.test_whatsapp_worker import config, deliver, drain, graph, runtime  # noqa: F401 (fixtures)

NUMBER = "212661234569"


def test_a_sent_reply_leaves_the_number_in_no_file(config, graph, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    rt = runtime(config, open_database(f"sqlite:///{tmp_path / 'wa.sqlite3'}"))
    deliver(rt, wp.text("renouveler ma CNIE", sender=NUMBER))
    drain(rt)
    assert graph.sent and graph.sent[0].to == NUMBER
    files = [p for p in tmp_path.iterdir() if p.name.startswith("wa.sqlite3")]
    assert files
    for path in files:
        assert NUMBER.encode() not in path.read_bytes(), path.name
