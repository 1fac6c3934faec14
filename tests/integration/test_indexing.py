"""Incremental indexing with the real embedder and Chroma on disk."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import ROOT
from ingest.index import run_index
from tests.conftest import make_settings

pytestmark = pytest.mark.integration

SOME = ["cnie-renewal", "passport-renewal", "birth-certificate"]


@pytest.fixture()
def small_kb(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge" / "procedures"
    folder.mkdir(parents=True)
    for pid in SOME:
        text = (ROOT / "knowledge" / "procedures" / f"{pid}.yaml").read_text(encoding="utf-8")
        # Keep the files self-contained: related ids point to procedures outside this small set.
        lines = [line for line in text.splitlines() if not line.startswith("related:")]
        (folder / f"{pid}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path / "knowledge"


def test_rebuild_reuses_the_cache_and_removed_procedures_disappear(tmp_path: Path, small_kb: Path) -> None:
    settings = make_settings(tmp_path / "data", knowledge_dir=small_kb, embedding_cache_dir=tmp_path / "cache")
    first = run_index(settings, progress=False)
    assert first.procedures == 3 and first.embedded == first.chunks > 0 and first.added == first.chunks

    again = run_index(settings, progress=False)
    assert again.embedded == 0 and again.added == 0 and again.deleted == 0

    (small_kb / "procedures" / "birth-certificate.yaml").unlink()
    shrunk = run_index(settings, progress=False)
    assert shrunk.procedures == 2 and shrunk.deleted > 0 and shrunk.embedded == 0

    from bot.app import search_parts

    store = search_parts(settings).store
    assert store.count() == shrunk.chunks
    metas = {m["procedure_id"] for _, _, m in store.search([0.0] * 383 + [1.0], k=100)}
    assert "birth-certificate" not in metas


def test_a_broken_file_is_skipped_and_reported(tmp_path: Path, small_kb: Path) -> None:
    shutil.copy(small_kb / "procedures" / "cnie-renewal.yaml", small_kb / "procedures" / "broken.yaml")
    settings = make_settings(tmp_path / "data", knowledge_dir=small_kb)
    report = run_index(settings, progress=False)
    assert report.procedures == 3
    assert any(err.file == "broken.yaml" for err in report.errors)
    assert "skipped: broken.yaml" in report.summary()
