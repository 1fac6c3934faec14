"""bench/suite.py reads a folder of sets: the team's (bench/data) or a writer's never read (bench/data/held/…)."""

import json
from pathlib import Path

import bench.suite as suite

HELD = Path(suite.__file__).resolve().parent / "data" / "held"
KNOWLEDGE = Path(suite.__file__).resolve().parent.parent / "knowledge" / "procedures"


def test_a_folder_holding_some_sets_scores_the_others_empty(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(suite, "DATA", tmp_path)
    (tmp_path / "clarify.jsonl").write_text('{"id": "x-1", "split": "held"}\n\n', encoding="utf-8")
    assert suite.rows("redteam.jsonl", "all") == []
    assert [r["id"] for r in suite.rows("clarify.jsonl", "all")] == ["x-1"]
    assert suite.rows("clarify.jsonl", "test") == []


def test_the_held_out_writers_sets_name_procedures_of_the_base() -> None:
    ids = {p.stem for p in KNOWLEDGE.glob("*.yaml")}
    files = sorted(HELD.glob("*/*.jsonl"))
    assert len(files) >= 7
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            named = [row.get("expected_id")] + [t["expected_id"] for t in row.get("turns", [])] + row.get("family", [])
            assert {n for n in named if n} <= ids, (path.name, row["id"])


class _AnswersEverything:
    """A runner that answers every message with a card: every unseen-topic row is a miss."""

    def ask(self, text: str, session: str | None = None) -> dict:
        return {"status": "answered", "text": text, "sources": ["cnie-renewal"], "options": [], "details": ""}


def test_tune_runs_never_show_the_text_of_held_out_rows(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(suite, "DATA", tmp_path)
    (tmp_path / "scope_novel_topics.jsonl").write_text(
        json.dumps({"id": "nt-1", "text": "secret row", "topic": "t", "style": "fr"}) + "\n", encoding="utf-8"
    )
    (tmp_path / "near_domain.jsonl").write_text(
        json.dumps({"id": "nd-1", "text": "secret near", "procedure": "p", "style": "fr"}) + "\n", encoding="utf-8"
    )
    tune = suite.scope(_AnswersEverything(), "tune")  # type: ignore[arg-type]
    test = suite.scope(_AnswersEverything(), "test")  # type: ignore[arg-type]
    assert str(tune.cells["off-topic (unseen topics) abstained"]["all"]) == "0.000 (0/1)"
    assert not any("secret" in m for m in tune.misses)
    assert sum("secret" in m for m in test.misses) == 2
