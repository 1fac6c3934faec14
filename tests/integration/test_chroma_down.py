"""A Chroma server that goes away, or is away when Dalil starts: answers carry on (never a 5xx) with
the vectors already in memory or, failing those, the lexical signals; readiness says so; and the
dense signal comes back by itself once the server is back."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.app import Parts, collection_name
from bot.config import Settings
from bot.search.indexing import build_index
from tests.conftest import make_settings
from tests.servers import ChromaServer
from web.app import create_app

pytestmark = pytest.mark.integration
QUESTION = {"message": "comment renouveler mon passeport", "session_id": None, "lang": None}


@pytest.fixture(scope="module")
def chroma(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    server = ChromaServer(tmp_path_factory.mktemp("chroma-down")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def remote_settings(chroma: ChromaServer, tmp_path_factory: pytest.TempPathFactory, parts: Parts) -> Settings:
    from bot.adapters.chroma_store import ChromaStore

    settings = make_settings(
        tmp_path_factory.mktemp("remote-data"), chroma_host="127.0.0.1", chroma_port=chroma.port, knowledge_poll_s=0.3
    )
    store = ChromaStore.remote("127.0.0.1", chroma.port, collection_name(settings, parts.embedder))
    build_index(settings, parts.embedder, store, progress=False)
    return settings


def _client(settings: Settings, parts: Parts) -> TestClient:
    # The session's models; the store and the knowledge base are built from the settings (the server).
    return TestClient(create_app(settings, Parts(embedder=parts.embedder, transcriber=parts.transcriber)))


def _ask(client: TestClient) -> dict:
    response = client.post("/api/chat", json=QUESTION)
    assert response.status_code == 200, response.text
    return response.json()


def _wait_for(check, timeout_s: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def test_a_server_that_goes_away_costs_no_answer(remote_settings: Settings, parts: Parts, chroma: ChromaServer) -> None:
    with _client(remote_settings, parts) as client:
        assert _ask(client)["sources"][0]["id"] == "passport-renewal"
        chroma.stop()
        try:
            answer = _ask(client)
            assert answer["status"] == "answered" and answer["sources"][0]["id"] == "passport-renewal"
            health = client.get("/health")
            assert health.status_code == 200  # still ready: the vectors are in memory
            assert health.json()["vector_store"] == "unavailable" and health.json()["dense"] is True
        finally:
            chroma.start()
        assert _wait_for(lambda: client.get("/health").json()["vector_store"] == "ok")


def test_a_server_away_at_start_up_degrades_to_lexical_then_recovers(
    remote_settings: Settings, parts: Parts, chroma: ChromaServer
) -> None:
    chroma.stop()
    try:
        with _client(remote_settings, parts) as client:
            health = client.get("/health")
            assert health.status_code == 200 and health.json()["dense"] is False
            # Lexical signals alone: a question that names the procedure's words is still answered; a
            # French one whose scope the dense signal used to vouch for is not (out of scope, no guess).
            arabic = client.post("/api/chat", json=QUESTION | {"message": "تجديد جواز السفر"})
            assert arabic.status_code == 200 and arabic.json()["sources"][0]["id"] == "passport-renewal"
            assert _ask(client)["status"] in ("answered", "out_of_scope")
            chroma.start()
            # Within a poll and one load of the knowledge base (about 3 s on a quiet machine; a generous
            # bound here because the test machine is shared).
            assert _wait_for(lambda: client.get("/health").json()["dense"] is True, 90)
            answer = _ask(client)
            assert answer["status"] == "answered" and answer["sources"][0]["id"] == "passport-renewal"
    finally:
        if chroma.process is None:
            chroma.start()


def test_a_chroma_server_restarted_without_its_data_is_indexed_again(tmp_path: Path, parts: Parts) -> None:
    server = ChromaServer(tmp_path / "empty").start()  # no index at all: start-up builds it
    try:
        settings = make_settings(tmp_path / "data", chroma_host="127.0.0.1", chroma_port=server.port)
        with _client(settings, parts) as client:
            assert client.get("/health").json()["dense"] is True
            assert _ask(client)["sources"][0]["id"] == "passport-renewal"
    finally:
        server.stop()
