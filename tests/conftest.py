"""Shared fixtures. One index is built per test session (in a temporary folder) and shared by all
tests; the embedding cache lives in ``var/`` so that rebuilding it costs seconds, not minutes. The
session's models and loaded knowledge base are built once (``parts``) and handed to every application
a test builds (``bot.app.build``, ``web.app.create_app``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import ROOT, Settings

SHARED = ROOT.parent / "shared"
EMBED_CACHE = ROOT / "var" / "embedding-cache"
MODEL_CACHE = ROOT / "var" / "models"


def make_settings(tmp: Path, **overrides: object) -> Settings:
    base: dict[str, object] = {
        "data_dir": tmp,
        "embedding_cache_dir": EMBED_CACHE,
        "model_dir": MODEL_CACHE,
        "knowledge_dir": ROOT / "knowledge",
    }
    base.update(overrides)
    return Settings(**base)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _no_dalil_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests build their settings explicitly: a developer's DALIL_* variables must not leak in.
    import os

    for key in list(os.environ):
        if key.startswith("DALIL_"):
            monkeypatch.delenv(key)


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with the index of the real knowledge base, built once per session."""
    from ingest.index import run_index

    folder = tmp_path_factory.mktemp("dalil-data")
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
    knowledge = KnowledgeHolder(load_kb(settings.knowledge_dir, search.embedder, search.store))
    transcriber = make_transcriber(search.settings)
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
