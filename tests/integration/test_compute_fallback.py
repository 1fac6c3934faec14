"""The whole path — index, query, answer, /health — on hardware this machine is not, for real:
CTranslate2's answer about this CPU is replaced by what another CPU offers, and everything then runs
on the type chosen for it, which this machine really computes in. And vectors of two compute types
never meet."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.adapters import compute
from bot.app import Parts, SearchParts, build, search_parts
from bot.assistant import Dalil
from bot.config import ROOT
from tests.conftest import make_settings
from web.app import create_app

NO_INT16 = frozenset({"int8", "int8_float32", "float32"})  # an AVX2-only x86 CPU
FLOAT_ONLY = frozenset({"float32"})  # the last resort of the order, which a default machine never takes
SOME = ["passport-renewal", "passport-first", "cnie-renewal", "cnie-lost", "birth-certificate", "criminal-record"]


@pytest.fixture
def small_kb(tmp_path: Path) -> Path:
    """A few procedures (related ids that point outside are reported, not fatal): a cold index in seconds."""
    folder = tmp_path / "knowledge"
    (folder / "procedures").mkdir(parents=True)
    for pid in SOME:
        shutil.copy(ROOT / "knowledge" / "procedures" / f"{pid}.yaml", folder / "procedures")
    return folder


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This module's embedding cache: the vectors are computed here, not read from an earlier run, and
    each compute type's (the scope examples' thousands of queries above all) once for the module's
    tests, not once per test. Each test's index (its data folder) is its own."""
    return tmp_path_factory.mktemp("compute-fallback-cache")


def settings_for(tmp_path: Path, kb: Path, cache: Path, **overrides: object):  # type: ignore[no-untyped-def]
    return make_settings(tmp_path / "data", knowledge_dir=kb, embedding_cache_dir=cache, **overrides)


def dalil_on(settings) -> tuple[Dalil, SearchParts]:  # type: ignore[no-untyped-def]
    """Dalil, and the embedder and vector store it runs on (to look into the store)."""
    search = search_parts(settings)
    return build(settings, Parts(embedder=search.embedder, store=search.store)), search


def test_a_cpu_without_int16_indexes_answers_and_reports_its_choice(
    monkeypatch, tmp_path: Path, small_kb, cache
) -> None:
    monkeypatch.setattr(compute, "supported_compute_types", lambda device: NO_INT16)
    dalil = build(settings_for(tmp_path, small_kb, cache))
    assert dalil.readiness().embedder.endswith("-int8")
    assert dalil.answer("bghit njdded lpaspor dyali").sources[0].id == "passport-renewal"


def test_the_last_fallback_indexes_answers_and_shows_in_health(monkeypatch, tmp_path: Path, small_kb, cache) -> None:
    monkeypatch.setattr(compute, "supported_compute_types", lambda device: FLOAT_ONLY)
    settings = settings_for(tmp_path, small_kb, cache)
    dalil = build(settings)  # no index yet: built on the way
    assert dalil.readiness().embedder.endswith("-float32")
    answer = dalil.answer("comment renouveler mon passeport ?")
    assert answer.sources and answer.sources[0].id == "passport-renewal"
    with TestClient(create_app(settings)) as client:
        health = client.get("/health").json()
    assert health["compute_types"]["embedder"] == "float32"
    assert health["compute_types"]["whisper"] == "float32"
    assert health["embedder"].endswith("-float32")


def test_switching_compute_type_reembeds_instead_of_mixing_vectors(
    monkeypatch, tmp_path: Path, small_kb, cache
) -> None:
    monkeypatch.setattr(compute, "supported_compute_types", lambda device: NO_INT16)
    _, first = dalil_on(settings_for(tmp_path, small_kb, cache, embedder_compute_type="float32"))
    float32_store = first.store
    built = float32_store.count()
    # The same data folder on a machine that computes in int8 (an upgraded VM, a copied volume).
    second_dalil, second = dalil_on(settings_for(tmp_path, small_kb, cache))
    assert second.embedder.name.endswith("-int8")
    assert second.store.count() == built  # its own collection, fully embedded
    assert float32_store.count() == built  # the other one untouched
    int8_ids = second.store.ids()
    assert int8_ids == float32_store.ids()  # same chunks (content hashes) ...
    vector8 = second.store.export()[1][0]
    vector32 = float32_store.export()[1][0]
    assert vector8 != vector32  # ... but vectors of their own type
    assert second_dalil.answer("bghit njdded lpaspor dyali").sources[0].id == "passport-renewal"


def test_starting_with_a_type_this_cpu_cannot_do_is_a_clear_refusal(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DALIL_")}
    env |= {"DALIL_DATA_DIR": str(tmp_path), "DALIL_EMBEDDER_COMPUTE_TYPE": "float16", "PORT": "8799"}
    for command in (["serve"], ["ingest"]):
        run = subprocess.run(
            [sys.executable, "-m", "bot.cli", *command], env=env, capture_output=True, text=True, timeout=120
        )
        assert run.returncode == 2, run.stderr
        assert "DALIL_EMBEDDER_COMPUTE_TYPE=float16" in run.stderr and "it supports" in run.stderr
        assert "Traceback" not in run.stderr
