"""Faults (review finding 9 and the issue's fault tests), on a whole application with fakes in every seam
and the real SQLite database: a database locked by another process, a full disk (a small tmpfs, filled
for real), the Graph API timing out, speech recognition busy. Each is answered with a 503 (or 4xx) and a
reason, loses nothing it accepted, and recovers by itself once the fault is gone."""

from __future__ import annotations

import errno
import logging
import re
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bot.app import Parts
from bot.channels.whatsapp.channel import WhatsAppChannel
from bot.channels.whatsapp.config import WhatsAppConfig
from bot.channels.whatsapp.graph import GraphClient
from bot.channels.whatsapp.worker import WorkerOptions
from bot.config import Settings
from bot.types import Transcript
from tests import whatsapp_payloads as wp
from tests.fake_graph import FakeGraph
from tests.fakes import fake_settings
from tests.fuzz import recording
from web.app import create_app

QUICK = WorkerOptions(lease_s=1.0, send_lease_s=1.0, backoff_base_s=0.1, backoff_cap_s=0.3, poll_s=0.05)


@pytest.fixture(scope="module")
def graph() -> Iterator[FakeGraph]:
    server = FakeGraph(phone_number_id=wp.PHONE_ID).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def parts(fake_app_parts: Parts) -> Parts:
    return fake_app_parts


def settings_for(folder: Path, graph: FakeGraph, **overrides: Any) -> Settings:
    return fake_settings(
        folder,
        web_rate_limit=0,
        db_busy_timeout_s=0.3,
        whatsapp_token=graph.token,
        whatsapp_app_secret=wp.SECRET,
        whatsapp_verify_token="verify",
        whatsapp_phone_number_id=wp.PHONE_ID,
        whatsapp_api_base=graph.base_url,
        **overrides,
    )


def app(folder: Path, graph: FakeGraph, parts: Parts, **overrides: Any) -> TestClient:
    settings = settings_for(folder, graph, **overrides)
    return TestClient(create_app(settings, replace(parts, whatsapp_options=QUICK)), raise_server_exceptions=False)


def until(condition: Callable[[], bool], seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the service did not recover"
        time.sleep(0.05)


def webhook(client: TestClient, text: str, sender: str) -> Any:
    raw, headers = wp.signed(wp.text(text, sender=sender))
    return client.post("/webhooks/whatsapp", content=raw, headers=headers)


@contextmanager
def locked(database: Path) -> Iterator[None]:
    """Another process holds SQLite's write lock (BEGIN EXCLUSIVE), as a backup tool or a stuck writer."""
    holder = sqlite3.connect(database, timeout=0.1, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MB tmpfs for the data folder, so that it can really be filled (the tests run as root)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True)
    assert done.returncode == 0, f"mounting a tmpfs needs root: {done.stderr.decode()}"
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@contextmanager
def full(database: Path) -> Iterator[None]:
    """The disk is full: the write-ahead log is emptied (so any write must grow it), then a file takes
    every byte left. Deleting the file frees the disk."""
    sqlite3.connect(database).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    filler = database.parent / "filler"
    with filler.open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    try:
        yield
    finally:
        filler.unlink()


def ask_and_rate(client: TestClient) -> tuple[dict[str, Any], Any]:
    answer = client.post("/api/chat", json={"message": "extrait d'acte de naissance"}).json()
    body = {"session_id": answer["session_id"], "answer_id": answer["answer_id"], "rating": 1, "comment": "x" * 900}
    return answer, body


@pytest.mark.parametrize("fault", [locked, full])
def test_a_database_that_cannot_write_is_a_503_then_recovers(
    small_disk: Path, graph: FakeGraph, parts: Parts, fault: Callable, caplog: pytest.LogCaptureFixture
) -> None:
    graph.reset()
    database = small_disk / "dalil.sqlite3"
    with app(small_disk, graph, parts) as client:
        answer, rating = ask_and_rate(client)
        sender = "212600000042"
        logging.getLogger("dalil").addHandler(caplog.handler)
        try:
            with fault(database):
                time.sleep(2.1)  # the health probe's cache has expired
                health = client.get("/health")  # answers are still given: degraded, not out of service
                assert health.json()["status"] == "degraded" and health.json()["database"] in ("locked", "full")
                refused = client.post("/api/feedback", json=rating)
                assert refused.status_code == 503 and refused.headers["retry-after"]
                assert "nothing was saved" in refused.json()["detail"]
                delivery = webhook(client, "casier judiciaire", sender)
                assert delivery.status_code == 503 and delivery.headers["retry-after"]  # Meta retries it
                chat = client.post("/api/chat", json={"message": "passeport", "session_id": answer["session_id"]})
                assert chat.status_code == 200 and chat.json()["answer"]  # the citizen still gets the answer
        finally:
            logging.getLogger("dalil").removeHandler(caplog.handler)
        lost = [r for r in caplog.records if r.getMessage().startswith("turn lost")]
        assert lost and lost[0].answer_id == chat.json()["answer_id"]  # type: ignore[attr-defined]
        assert re.search(r'dalil_turns_lost_total\{problem="(locked|full)"\} [1-9]', client.get("/metrics").text)

        time.sleep(2.1)
        assert client.get("/health").json()["database"] == "ok"
        assert client.post("/api/feedback", json=rating).status_code == 201
        assert webhook(client, "casier judiciaire", sender).json()["new"] == 1  # Meta's retry is stored
        until(lambda: any(s.to == sender for s in graph.sent))  # and answered


def test_a_graph_api_that_times_out_is_retried_and_the_reply_arrives(
    tmp_path: Path, graph: FakeGraph, parts: Parts
) -> None:
    graph.reset()
    graph.fail("slow:1.5", "slow:1.5")  # two sends time out, the third gets through
    config = WhatsAppConfig.from_settings(settings_for(tmp_path, graph))
    assert config is not None
    impatient = WhatsAppChannel(config, GraphClient(graph.base_url, graph.token, wp.PHONE_ID, timeout_s=0.5))
    client = app(tmp_path, graph, replace(parts, whatsapp_channel=impatient))
    with client:
        sender = "212600000043"
        assert webhook(client, "renouveler mon passeport", sender).json()["new"] == 1
        until(lambda: any(s.to == sender for s in graph.sent), seconds=30)
        outbox = client.app.state.dalil.whatsapp.outbox  # type: ignore[attr-defined]
        until(lambda: set(outbox.counts()) == {"sent"})  # retried until delivered: nothing pending, nothing failed


class HeldTranscriber:
    """Speech recognition that takes as long as the test wants."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Semaphore(0)

    def transcribe(
        self, audio: bytes, mime_type: str, language: str | None = None, prior: str | None = None
    ) -> Transcript:
        self.started.release()
        self.release.wait(30)
        return Transcript(text="renouveler mon passeport", language="fr", duration_s=1.0)


def test_busy_speech_recognition_is_a_503_with_retry_after_then_recovers(
    tmp_path: Path, graph: FakeGraph, parts: Parts
) -> None:
    transcriber = HeldTranscriber()
    note = recording("ogg")
    with app(tmp_path, graph, replace(parts, transcriber=transcriber), whisper_workers=1) as client:

        def send() -> Any:
            return client.post("/api/voice", files={"audio": ("note.ogg", note, "audio/ogg")})

        with ThreadPoolExecutor(max_workers=10) as pool:
            first = pool.submit(send)
            assert transcriber.started.acquire(timeout=20)  # one note is being transcribed
            waiting = [pool.submit(send) for _ in range(8)]  # eight wait their turn
            until(lambda: client.app.state.dalil._voice._limiter.statistics().tasks_waiting >= 8)  # type: ignore[attr-defined]
            refused = send()
            assert refused.status_code == 503 and refused.headers["retry-after"] and "retry" in refused.json()["detail"]
            transcriber.release.set()
            assert first.result(30).status_code == 200
            assert [w.result(30).status_code for w in waiting] == [200] * 8  # nothing accepted was lost
        assert send().status_code == 200
