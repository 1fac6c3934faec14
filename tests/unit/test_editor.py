"""The admin edit transaction without an index: validate, write, re-index (faked), record; a failed
re-index puts the file back and records nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sqlalchemy import Engine

from bot.admin.editor import EditError, KnowledgeEditor
from bot.config import ROOT
from bot.search.served import Reloaded

ORIGINAL = (ROOT / "knowledge" / "procedures" / "cnie-renewal.yaml").read_text(encoding="utf-8")


class FakeReload:
    """Stands for re-indexing and swapping: counts its calls, fails the ones it is told to."""

    def __init__(self, fail: int = 0) -> None:
        self.calls = 0
        self.fail = fail

    def __call__(self) -> Reloaded:
        self.calls += 1
        if self.calls <= self.fail:
            raise RuntimeError("embedder down")
        return Reloaded(procedures=1, errors=[], version=self.calls + 1)


def editor(tmp_path: Path, reload: FakeReload, engine: Engine) -> KnowledgeEditor:
    folder = tmp_path / "knowledge" / "procedures"
    folder.mkdir(parents=True)
    (folder / "cnie-renewal.yaml").write_text(_with(related=[]), encoding="utf-8")
    return KnowledgeEditor(tmp_path / "knowledge", engine, reload)


def _with(**changes: object) -> str:
    data = yaml.safe_load(ORIGINAL)
    data.update(changes)
    return yaml.safe_dump(data, allow_unicode=True)


def test_an_edit_is_served_then_recorded_and_can_be_undone(tmp_path: Path, engine: Engine) -> None:
    reload = FakeReload()
    kb = editor(tmp_path, reload, engine)
    before = kb.current("cnie-renewal")
    edited = kb.save("cnie-renewal", _with(related=[], aliases={"fr": ["carte d'identité"]}), "editor-1")
    assert (edited.change.action, edited.knowledge.version, reload.calls) == ("update", 2, 1)
    assert [(r.action, r.author) for r in kb.history("cnie-renewal")] == [("update", "editor-1")]
    kb.undo("cnie-renewal", "editor-2")
    assert kb.current("cnie-renewal") == before
    assert [r.action for r in kb.history("cnie-renewal")] == ["undo", "update"]


def test_a_failed_reindex_puts_the_file_back_and_records_nothing(tmp_path: Path, engine: Engine) -> None:
    reload = FakeReload(fail=1)
    kb = editor(tmp_path, reload, engine)
    before = kb.current("cnie-renewal")
    with pytest.raises(EditError) as err:
        kb.save("cnie-renewal", _with(related=[], aliases={"fr": ["CIN"]}), "editor-1")
    assert (err.value.code, err.value.status_code) == ("reindex_failed", 503)
    assert "previous version is still serving" in err.value.reason
    assert kb.current("cnie-renewal") == before and kb.history("cnie-renewal") == []
    assert reload.calls == 2  # the failed re-index, then the one that restores the old file


@pytest.mark.parametrize(
    ("change", "code", "status"),
    [
        (lambda kb: kb.save("cnie-renewal", "a: [1", "x"), "invalid", 422),
        (lambda kb: kb.save("Not An Id", _with(), "x"), "invalid", 422),
        (lambda kb: kb.delete("no-such-procedure", "x"), "not_found", 404),
        (lambda kb: kb.undo("cnie-renewal", "x"), "not_found", 404),
    ],
)
def test_refused_changes_touch_nothing(tmp_path: Path, engine: Engine, change, code: str, status: int) -> None:  # type: ignore[no-untyped-def]
    reload = FakeReload()
    kb = editor(tmp_path, reload, engine)
    with pytest.raises(EditError) as err:
        change(kb)
    assert (err.value.code, err.value.status_code) == (code, status)
    assert reload.calls == 0 and kb.current("cnie-renewal") == _with(related=[])
