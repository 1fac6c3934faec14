"""Shared fixtures. One index is built per test session (in a temporary folder) and shared by all
tests; the embedding cache lives in ``var/`` so that rebuilding it costs seconds, not minutes."""

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
def dalil(settings: Settings):  # type: ignore[no-untyped-def]
    from bot.assistant import Dalil

    return Dalil.create(settings)


@pytest.fixture(scope="session")
def client(dalil) -> Iterator:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from web.app import create_app

    with TestClient(create_app(dalil.settings, dalil=dalil)) as test_client:
        yield test_client
