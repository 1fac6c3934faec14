"""Faults a national deployment meets, each recovered without an operator: a worker process killed
with SIGKILL mid-answer and mid-send (another process finishes the message, once), PostgreSQL
restarted under load, and a model cache on a read-only disk. (A Chroma server that goes away:
test_chroma_down.py.)"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.app import Parts, build
from bot.config import ROOT
from bot.types import AnswerStatus
from tests import whatsapp_payloads as wp
from tests.conftest import EMBED_CACHE, MODEL_CACHE, make_settings
from tests.fake_graph import FakeGraph
from tests.servers import PostgresCluster
from tests.unit.test_whatsapp_worker import FAST, StubDalil, deliver, runtime

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def graph() -> Iterator[FakeGraph]:
    server = FakeGraph(phone_number_id=wp.PHONE_ID).start()
    yield server
    server.stop()


@pytest.mark.parametrize("step", ["answered", "sending"])
def test_a_worker_process_killed_mid_way_loses_nothing_and_sends_once(
    engine: Engine, database_url: str, graph: FakeGraph, step: str
) -> None:
    from bot.channels.whatsapp.config import WhatsAppConfig
    from bot.coordination import Lease, Singleton

    graph.reset()
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.fault_child", "whatsapp", database_url, graph.base_url, step],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "started"
    config = WhatsAppConfig(
        token=graph.token, app_secret=wp.SECRET, verify_token="verify", phone_number_id=wp.PHONE_ID,
        api_base=graph.base_url, rate_per_minute=15, salt="test-salt", max_audio_bytes=1_000_000,
        max_message_chars=2000,
    )
    web = runtime(config, engine)  # this process is a web worker: it only stores what the webhook receives
    time.sleep(0.5)  # the child has taken the jobs lease
    deliver(web, wp.text("renouveler ma CNIE"))
    assert child.wait(timeout=60) == -9  # SIGKILL at the step, mid-way
    assert graph.sent == []
    survivor = runtime(config, engine, StubDalil())
    jobs = Singleton(Lease(engine, "jobs", "survivor", ttl_s=1.0), survivor.worker.start, survivor.worker.stop)
    jobs.start()  # takes the dead child's lease once it expires, then its row once that lease expires
    try:
        graph.wait_for(1, timeout_s=30)
        time.sleep(FAST.lease_s * 3)
    finally:
        jobs.stop()
    assert len(graph.sent) == 1 and "renouveler ma CNIE" in graph.sent[0].text
    assert survivor.inbox.counts() == {"done": 1} and survivor.outbox.counts() == {"sent": 1}


@pytest.fixture
def own_postgres() -> Iterator[PostgresCluster]:
    """A cluster of this test's own: restarting the session's would disturb the other tests."""
    folder = Path(tempfile.mkdtemp(prefix="dalil-pg-restart-"))
    cluster = PostgresCluster(folder).start()
    yield cluster
    cluster.stop()
    shutil.rmtree(folder, ignore_errors=True)


def test_postgres_restarted_under_load_costs_no_answer(
    own_postgres: PostgresCluster, parts: Parts, tmp_path: Path
) -> None:
    dalil = build(make_settings(tmp_path, database_url=own_postgres.url, knowledge_poll_s=0.2), parts)
    dalil.start()
    answers: list[AnswerStatus] = []
    failures: list[BaseException] = []
    stop = threading.Event()

    def citizen() -> None:
        while not stop.is_set():
            try:
                answers.append(dalil.answer("comment renouveler mon passeport").status)
            except BaseException as exc:  # answer() must never raise
                failures.append(exc)

    threads = [threading.Thread(target=citizen) for _ in range(3)]
    try:
        for thread in threads:
            thread.start()
        time.sleep(1)
        own_postgres.restart()
        time.sleep(1)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert failures == [] and set(answers) == {AnswerStatus.ANSWERED}
    # Back to normal without a restart of Dalil: turns are recorded and read again.
    later = dalil.answer("comment renouveler mon passeport", session_id="after-restart")
    assert dalil.feedback("after-restart", later.answer_id, 1, None)
    dalil.stop()


@pytest.mark.parametrize("cache", ["complete", "empty"])
def test_a_read_only_model_cache_still_serves(tmp_path: Path, cache: str) -> None:
    source = MODEL_CACHE if cache == "complete" else tmp_path / "empty-cache"
    source.mkdir(exist_ok=True)
    mount = tmp_path / "models"
    mount.mkdir()
    data = tmp_path / "data"
    shutil.copytree(EMBED_CACHE, data / "embedding-cache")  # the index builds from cached vectors
    # A private mount namespace: the read-only bind mount is seen by the child only.
    script = (f"mount --bind {source} {mount} && mount -o remount,ro,bind {mount} && "
              f"exec {sys.executable} -m tests.fault_child answer {mount} {data}")
    env = {"PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "HOME": str(tmp_path), "TMPDIR": str(tmp_path)}
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["status"] == "answered" and answer["sources"][0]["id"] == "passport-renewal"
    if cache == "empty":  # built aside, in the temporary folder
        assert "model cache not writable" in done.stderr and (tmp_path / "dalil-models").is_dir()
