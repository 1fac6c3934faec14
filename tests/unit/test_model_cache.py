"""Model folders are built aside and renamed into place: a failed build leaves nothing behind."""

from pathlib import Path

import pytest

from bot.adapters.model_cache import ensure_folder


def complete(folder: Path) -> bool:
    return (folder / "done").is_file()


def test_a_folder_is_built_once(tmp_path: Path) -> None:
    calls: list[Path] = []

    def build(work: Path) -> None:
        calls.append(work)
        (work / "done").write_text("ok")

    target = tmp_path / "model"
    assert ensure_folder(target, complete, build) is True
    assert ensure_folder(target, complete, build) is False
    assert len(calls) == 1 and complete(target) and [p.name for p in tmp_path.iterdir()] == ["model"]


def test_a_failed_build_leaves_no_folder_and_keeps_an_old_one_out_of_the_way(tmp_path: Path) -> None:
    def fail(work: Path) -> None:
        (work / "half").write_text("...")
        raise RuntimeError("disk full")

    target = tmp_path / "model"
    with pytest.raises(RuntimeError, match="disk full"):
        ensure_folder(target, complete, fail)
    assert list(tmp_path.iterdir()) == []

    target.mkdir()
    (target / "stale").write_text("from a hand copy")
    ensure_folder(target, complete, lambda work: (work / "done").write_text("ok"))
    assert sorted(p.name for p in target.iterdir()) == ["done"]
