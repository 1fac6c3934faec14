"""The corpora reader: compressed and plain files give the same rows, and every corpus the scope model
names is readable (a renamed or broken file fails here, not at an app's start)."""

from pathlib import Path

import pytest

from bot.corpora import corpus_rows, jsonl_rows, write_jsonl
from bot.understand.scope import CORPORA

ROWS = [{"text": "شنو الجو غدا؟", "style": "darija"}, {"text": "wach kayn match", "style": "arabizi"}]


@pytest.mark.parametrize("name", ["rows.jsonl", "rows.jsonl.xz"])
def test_written_rows_read_back_the_same(tmp_path: Path, name: str) -> None:
    write_jsonl(tmp_path / name, ROWS)
    assert jsonl_rows(tmp_path / name) == ROWS


def test_a_compressed_file_is_smaller_than_its_text(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", ROWS * 50)
    write_jsonl(tmp_path / "a.jsonl.xz", ROWS * 50)
    assert (tmp_path / "a.jsonl.xz").stat().st_size < (tmp_path / "a.jsonl").stat().st_size / 5


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_every_corpus_of_the_scope_model_reads(name: str) -> None:
    rows = corpus_rows(name)
    assert rows and all(isinstance(r["text"], str) and r["text"] for r in rows)
