"""Schema validation: a broken file is reported (file, field, what is wrong) and skipped."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from bot.config import ROOT
from bot.knowledge.loading import load_knowledge
from ingest.__main__ import main as ingest_main

GOOD = ROOT / "knowledge" / "procedures" / "cnie-renewal.yaml"


def _kb(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "knowledge" / "procedures"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return tmp_path / "knowledge"


def _good(**changes: object) -> str:
    data = yaml.safe_load(GOOD.read_text(encoding="utf-8"))
    data["related"] = []
    data.update(changes)
    return yaml.safe_dump(data, allow_unicode=True)


def test_a_valid_file_loads(tmp_path: Path) -> None:
    result = load_knowledge(_kb(tmp_path, {"cnie-renewal.yaml": _good()}))
    assert [p.id for p in result.procedures] == ["cnie-renewal"]
    assert result.errors == []


def test_a_broken_file_is_reported_and_the_others_are_served(tmp_path: Path) -> None:
    broken = _good(id="passport-renewal", title={"fr": "Passeport"})  # no Arabic title
    kb = _kb(tmp_path, {"cnie-renewal.yaml": _good(), "passport-renewal.yaml": broken, "bad.yaml": "a: [1"})
    result = load_knowledge(kb)
    assert [p.id for p in result.procedures] == ["cnie-renewal"]
    messages = [str(e) for e in result.errors]
    assert any(m.startswith("passport-renewal.yaml: title.ar:") for m in messages), messages
    assert any(m.startswith("bad.yaml: (file): not valid YAML") for m in messages), messages


def test_a_weakly_sourced_fee_is_rejected(tmp_path: Path) -> None:
    data = yaml.safe_load(_good())
    data["fees"] = {"fr": "75 DH", "ar": "75 درهم"}
    data["provenance"]["fees"] = {"sources": ["P-telecontact-cin"], "tier": "C"}
    text = yaml.safe_dump(data, allow_unicode=True)
    result = load_knowledge(_kb(tmp_path, {"cnie-renewal.yaml": text}))
    assert result.procedures == []
    assert "too weak for a fees" in str(result.errors[0])


def test_facts_without_provenance_are_rejected(tmp_path: Path) -> None:
    result = load_knowledge(_kb(tmp_path, {"cnie-renewal.yaml": _good(provenance={})}))
    assert result.procedures == []
    assert "provenance" in str(result.errors[0])


def test_id_must_match_the_file_name(tmp_path: Path) -> None:
    result = load_knowledge(_kb(tmp_path, {"other-name.yaml": _good()}))
    assert result.errors and result.errors[0].field == "id"


def test_unknown_related_id_is_reported(tmp_path: Path) -> None:
    result = load_knowledge(_kb(tmp_path, {"cnie-renewal.yaml": _good(related=["nope"])}))
    assert result.errors[0].field == "related"


def test_check_command_exit_code(tmp_path: Path, capsys) -> None:
    good = _kb(tmp_path / "a", {"cnie-renewal.yaml": _good()})
    assert ingest_main(["check", "--dir", str(good)]) == 0
    shutil.copy(good / "procedures" / "cnie-renewal.yaml", good / "procedures" / "x.yaml")
    assert ingest_main(["check", "--dir", str(good)]) == 1
    assert "x.yaml: id:" in capsys.readouterr().err


def test_questions_carry_no_amount_and_no_link(tmp_path: Path) -> None:
    for i, bad in enumerate(("wach kayn chi 75dh f lmo9ata3a?", "est-ce que www.cnie.ma marche ?")):
        text = _good(questions={"darija": [bad]})
        result = load_knowledge(_kb(tmp_path / str(i), {"cnie-renewal.yaml": text}))
        assert result.procedures == [], bad
        assert "questions carry no facts" in str(result.errors[0])
    ok = _good(questions={"fr": ["ma carte expire le mois prochain, que faire ?"], "darija": ["bghit njdded lbtaka"]})
    assert load_knowledge(_kb(tmp_path / "ok", {"cnie-renewal.yaml": ok})).errors == []


def test_question_chunks_are_searchable_on_their_own() -> None:
    from bot.knowledge.chunking import chunk_procedure
    from bot.knowledge.schema import Procedure
    from bot.search.documents import lexical_document

    proc = Procedure.model_validate(
        yaml.safe_load(_good(questions={"fr": ["ma carte expire bientot"], "darija": ["bghit nbdl lbtaka"]}))
    )
    questions = [c for c in chunk_procedure(proc) if c.section == "question"]
    assert [(c.lang, c.text) for c in questions] == [("fr", "ma carte expire bientot"), ("darija", "bghit nbdl lbtaka")]
    # Latin-letter Darija also reaches BM25 in Arabic script, so either spelling of a question meets it.
    assert "البطاقة" in lexical_document(proc) or "لبطاقة" in lexical_document(proc)
