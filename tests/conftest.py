"""Shared fixtures. One index is built per test session (in a temporary folder) and shared by all
tests; the embedding cache lives in ``var/`` so that rebuilding it costs seconds, not minutes. The
session's models and loaded knowledge base are built once (``parts``) and handed to every application
a test builds (``bot.app.build``, ``web.app.create_app``).

Every store test takes ``engine`` (or ``database_url``) and so runs twice: on SQLite and on a real
PostgreSQL, a fresh database each time, migrated by Alembic. The PostgreSQL cluster and the Chroma
server are the ones ``.ci/run`` started (``DALIL_TEST_POSTGRES_URL``, ``DALIL_TEST_CHROMA_URL``), or
throwaway ones started here (``tests/servers.py``)."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url, text

from bot.config import ROOT, Settings
from tests.servers import ChromaServer, PostgresCluster

SHARED = ROOT.parent / "shared"
EMBED_CACHE = ROOT / "var" / "embedding-cache"
MODEL_CACHE = ROOT / "var" / "models"
# Read once, before the fixture that clears DALIL_* from each test's environment.
POSTGRES_URL = os.environ.get("DALIL_TEST_POSTGRES_URL")
CHROMA_URL = os.environ.get("DALIL_TEST_CHROMA_URL")


def make_settings(tmp: Path, **overrides: object) -> Settings:
    base: dict[str, object] = {
        "data_dir": tmp,
        "embedding_cache_dir": EMBED_CACHE,
        "model_dir": MODEL_CACHE,
        "knowledge_dir": ROOT / "knowledge",
        # Tests ask the same questions of one session's Dalil, some with a part broken on purpose: each
        # must run the pipeline. The cache has its own tests (tests/integration/test_throughput.py).
        "answer_cache_size": 0,
        # One test client sends hundreds of questions a minute; the limits have their own tests.
        "web_rate_limit": 0,
    }
    base.update(overrides)
    return Settings(**base)  # type: ignore[arg-type]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test gets a node id of its own. Under pytest 9.2, Schemathesis's ten API-operation tests
    ("test_…[POST /api/chat]") all carry the function's node id; pytest-xdist schedules by node id and
    ran one of the ten (2,334 of 2,343 tests, silently). A duplicate that remains stops the run."""
    from _pytest.nodeid import NodeId

    for item in items:
        own = f"{item.parent.nodeid}::{item.name}" if item.parent is not None else item.nodeid
        if "[" in item.name and item.nodeid != own:
            item._id = NodeId.parse(own)  # type: ignore[attr-defined]
    seen: set[str] = set()
    twice = {item.nodeid for item in items if item.nodeid in seen or seen.add(item.nodeid)}
    if twice:
        raise pytest.UsageError(f"tests sharing a node id (pytest-xdist would run one of each): {sorted(twice)[:5]}")


@pytest.fixture(autouse=True)
def _no_dalil_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests build their settings explicitly: a developer's DALIL_* variables must not leak in.
    import os

    for key in list(os.environ):
        if key.startswith("DALIL_"):
            monkeypatch.delenv(key)


@pytest.fixture(scope="session", autouse=True)
def _models_trained_once_per_input() -> Iterator[None]:
    """Each application a test builds trains its knowledge base's scope model and question classifier
    (seconds of CPU each); most of them from the same procedures and vectors. Training is deterministic,
    so a model trained on identical inputs (texts, vectors, labels: hashed whole) is handed out again;
    any other input trains its own. The models are read-only once trained."""
    import hashlib

    import numpy as np

    from bot.search import retriever, scope_examples

    made: dict[tuple[str, str], object] = {}

    def once(kind: str, train, vectors: np.ndarray, *parts) -> object:  # type: ignore[no-untyped-def]
        digest = hashlib.sha256(np.ascontiguousarray(vectors, dtype=np.float32).tobytes())
        digest.update(repr([list(p) for p in parts]).encode())
        key = (kind, digest.hexdigest())
        if key not in made:
            made[key] = train()
        return made[key]

    classifier, scope_model = retriever.QuestionClassifier, scope_examples.ScopeModel
    mp = pytest.MonkeyPatch()
    mp.setattr(retriever, "QuestionClassifier",
               lambda vectors, labels: once("classifier", lambda: classifier(vectors, labels), vectors, labels))
    mp.setattr(scope_examples, "ScopeModel", lambda texts, vectors, labels: once(
        "scope", lambda: scope_model(texts, vectors, labels), vectors, texts, labels))
    yield
    mp.undo()


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with the index of the real knowledge base, built once per session."""
    from ingest.index import run_index

    folder = tmp_path_factory.mktemp("dalil-data")
    # Under pytest-xdist each worker builds its own index over the shared embedding cache: the first
    # embeds (minutes on a clean clone), the others wait for it and then read its vectors (seconds).
    EMBED_CACHE.mkdir(parents=True, exist_ok=True)
    with (EMBED_CACHE / ".build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        report = run_index(make_settings(folder), progress=False)
    assert report.procedures >= 50, report.summary()
    return folder


@pytest.fixture(scope="session")
def settings(index_dir: Path) -> Settings:
    return make_settings(index_dir)


@pytest.fixture(scope="session")
def parts(settings: Settings):  # type: ignore[no-untyped-def]
    """One embedding model, one store, one loaded knowledge base and one Whisper for the session."""
    from bot.app import Parts, make_transcriber, search_parts
    from bot.search.served import KnowledgeHolder, load_kb

    search = search_parts(settings)
    knowledge = KnowledgeHolder(load_kb(settings, search.embedder, search.store))
    transcriber = make_transcriber(search.settings, knowledge)
    return Parts(embedder=search.embedder, store=search.store, knowledge=knowledge, transcriber=transcriber)


@pytest.fixture(scope="session")
def kb(parts):  # type: ignore[no-untyped-def]
    """The knowledge base the session's applications serve (its retriever, its procedures)."""
    return parts.knowledge.current


@pytest.fixture(scope="session")
def dalil(settings: Settings, parts):  # type: ignore[no-untyped-def]
    from bot.app import build

    return build(settings, parts)


@pytest.fixture(scope="session")
def client(settings: Settings, parts) -> Iterator:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from web.app import create_app

    with TestClient(create_app(settings, parts)) as test_client:
        yield test_client


# --- databases and servers ------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL cluster for the session (its ``postgres`` database; tests make their own)."""
    if POSTGRES_URL:
        yield POSTGRES_URL
        return
    folder = Path(tempfile.mkdtemp(prefix="dalil-pg-"))  # not under pytest's 0700 folder: postgres must enter
    cluster = PostgresCluster(folder).start()
    try:
        yield cluster.url
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def fresh_postgres_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the cluster, dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database, on SQLite then on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'dalil.sqlite3'}"
        return
    with fresh_postgres_database(request.getfixturevalue("postgres_url")) as url:
        yield url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """The database with the schema migrated, as the application opens it."""
    from bot.database import open_database

    opened = open_database(database_url)
    yield opened
    opened.dispose()


@pytest.fixture(scope="session")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Chroma server (``chroma run``) for the session."""
    if CHROMA_URL:
        yield CHROMA_URL
        return
    server = ChromaServer(tmp_path_factory.mktemp("chroma-server")).start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def fake_app_parts(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Fakes in every seam over the real knowledge base (tests/fakes.py), built once for the tests of
    whole applications that need no model."""
    from tests.fakes import fake_parts, fake_settings

    return fake_parts(fake_settings(tmp_path_factory.mktemp("fake-index")))
