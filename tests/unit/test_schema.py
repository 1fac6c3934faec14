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


def _loads(tmp_path: Path, **changes: object) -> list[str]:
    """The errors of cnie-renewal.yaml with ``changes``; [] when it loads."""
    result = load_knowledge(_kb(tmp_path, {"cnie-renewal.yaml": _good(**changes)}))
    assert bool(result.procedures) == (not result.errors)
    return [str(e) for e in result.errors]


def _fact(text_fr: str, text_ar: str, sources: list[str], tier: str, **extra: object) -> dict:
    return {"fr": text_fr, "ar": text_ar, "sources": sources, "tier": tier, **extra}


def test_a_weakly_sourced_fee_is_rejected_even_unconfirmed(tmp_path: Path) -> None:
    for i, extra in enumerate(({}, {"unconfirmed": True})):
        fees = _fact("75 DH", "75 درهم", ["P-telecontact-cin"], "C", **extra)
        errors = _loads(tmp_path / str(i), fees=fees)
        assert errors and "cnie-renewal.yaml: fees: tier C is too weak for a fees" in errors[0]


def test_every_fact_and_item_names_its_sources(tmp_path: Path) -> None:
    data = yaml.safe_load(_good())
    data["documents"][0].pop("sources")
    assert any("documents.0.sources" in e for e in _loads(tmp_path / "a", documents=data["documents"]))
    where = dict(data["where"], sources=[])
    assert any("where.sources" in e for e in _loads(tmp_path / "b", where=where))
    # The old per-field map is gone: a file that still carries it is refused, not half-read.
    assert any("provenance" in e for e in _loads(tmp_path / "c", provenance={"where": {"sources": ["x"], "tier": "A"}}))


def test_tier_general_goes_with_the_source_general_alone(tmp_path: Path) -> None:
    data = yaml.safe_load(_good())
    assert _loads(tmp_path / "a", where=dict(data["where"], sources=["general"], tier="general")) == []
    errors = _loads(tmp_path / "b", where=dict(data["where"], sources=["general"], tier="A"))
    assert errors and "tier 'general' goes with the source 'general' alone" in errors[0]
    errors = _loads(tmp_path / "c", where=dict(data["where"], sources=["S2:s003", "general"], tier="B"))
    assert errors and "'general' stands alone" in errors[0]


def test_an_amount_or_a_duration_needs_a_strong_source_or_the_unconfirmed_mark(tmp_path: Path) -> None:
    data = yaml.safe_load(_good())
    weak = _fact("Acte de naissance de moins de 3 mois", "عقد الازدياد لا يتجاوز تاريخه 3 أشهر", ["P-expert-cin"], "C")
    errors = _loads(tmp_path / "a", documents=[*data["documents"], weak])
    assert errors and "documents: item" in errors[0] and "'3 mois' with tier C sources only" in errors[0]
    # In any fact field, not only fees and delays: a summary stating a duration with no source at all.
    summary = _fact("Une carte valable dix ans.", "بطاقة صالحة لمدة عشر سنوات.", ["general"], "general")
    assert any("summary: it states 'dix ans'" in e for e in _loads(tmp_path / "b", summary=summary))
    assert _loads(tmp_path / "c", documents=[*data["documents"], dict(weak, unconfirmed=True)]) == []
    assert _loads(tmp_path / "d", documents=[*data["documents"], dict(weak, sources=["S2:s003"], tier="B")]) == []
    # Unconfirmed still needs a source to come from.
    bare = dict(weak, sources=["general"], tier="general", unconfirmed=True)
    assert any("still names the source" in e for e in _loads(tmp_path / "e", documents=[bare]))


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


def test_check_enforces_the_glossary_on_what_is_shown_not_on_citizens_words(tmp_path: Path, capsys) -> None:
    data = yaml.safe_load(_good())
    data["documents"][0]["ar"] = "نسخة من عقد الازدياد وصورتان شمسيتان"
    data["aliases"] = {"ar": ["عقد الازدياد"], "darija": ["صور شمسية"]}
    kb = _kb(tmp_path, {"cnie-renewal.yaml": yaml.safe_dump(data, allow_unicode=True)})
    assert load_knowledge(kb).errors == []  # served: a term is a review problem, not a broken file
    assert ingest_main(["check", "--dir", str(kb)]) == 1
    err = capsys.readouterr().err
    assert "cnie-renewal.yaml: documents.0: 'عقد الازدياد': write 'رسم الولادة'" in err
    assert "'صورتان شمسيتان': write 'صورة فوتوغرافية'" in err
    assert "cnie-renewal.yaml: aliases" not in err and err.count("ERROR") == 2
