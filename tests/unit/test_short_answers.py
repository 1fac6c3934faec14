"""Answers that answer the question: the asked fact first and short, the card behind it, Darija framing
in Darija, weak items flagged, every quoted fact traced to its sources, and a question between close
neighbours only when the message does not settle which (fakes in every seam, the real knowledge base)."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest

from bot.answer.clarify import each_side_names
from bot.app import Parts, build
from bot.assistant import Dalil
from bot.texts import TEXTS, say
from bot.types import AnswerStatus, Hit
from bot.understand.language import detect
from bot.understand.normalize import normalize
from tests.unit.test_pipeline import fake_settings

FIRST_SCREEN = 350


@pytest.fixture(scope="module")
def dalil(tmp_path_factory: pytest.TempPathFactory, fake_app_parts: Parts) -> Iterator[Dalil]:
    # The session's fakes over the real knowledge base (nothing here publishes or changes it).
    yield build(fake_settings(tmp_path_factory.mktemp("short")), fake_app_parts)


def test_a_fee_question_opens_with_the_fee_and_the_card_is_behind_it(dalil: Dalil) -> None:
    answer = dalil.answer("combien coûte l'attestation de résidence fiscale ?")
    proc = dalil.procedure("attestation-residence-fiscale")
    assert answer.status is AnswerStatus.ANSWERED and answer.sources[0].id == proc.id
    assert answer.aspects == ["fees"] and answer.text.startswith("**Frais** : ")
    assert proc.fees.fr.split()[0] in answer.text[:FIRST_SCREEN]
    assert f"[{proc.title.fr}]({proc.primary_url})" in answer.text  # the procedure and its official link
    assert len(answer.text.split()) < 80 < len(answer.details.split())
    assert proc.title.fr in answer.details and proc.summary.fr[:60] in answer.details
    assert answer.to_dict()["details"] == answer.details and answer.to_dict()["aspects"] == ["fees"]
    quoted = answer.trace["quoted"]
    assert quoted == [{"procedure": proc.id, "field": "fees", "item": 0, "sources": proc.fees.sources, "tier": "B"}]


def test_what_the_base_lacks_is_said_honestly_with_the_official_page(dalil: Dalil) -> None:
    answer = dalil.answer("combien coûte le renouvellement du passeport biométrique ?")
    assert answer.sources[0].id == "passport-renewal" and dalil.procedure("passport-renewal").fees is None
    assert answer.text.startswith(say("short_missing_fees", "fr")) and "https://www.passeport.ma" in answer.text
    assert answer.trace["quoted"] == []


def test_a_general_question_gets_what_it_is_the_steps_and_where(dalil: Dalil) -> None:
    answer = dalil.answer("comment renouveler mon passeport")
    proc = dalil.procedure("passport-renewal")
    assert answer.aspects == [] and answer.text.startswith(proc.summary.fr[:40])
    assert "**Étapes** :\n1. " in answer.text and "**Où s'adresser** : " in answer.text
    assert [q["field"] for q in answer.trace["quoted"]] == ["summary", "steps", "steps", "steps", "where"]
    assert len(answer.text.split()) <= 150


def test_weak_items_say_to_confirm_them_strong_ones_do_not(dalil: Dalil) -> None:
    weak = dalil.answer("quels documents pour renouveler ma CNIE ?")  # press and guides only (tier C)
    assert weak.aspects == ["documents"] and weak.sources[0].id == "cnie-renewal"
    assert weak.text.startswith(f"**Documents à fournir** _{say('to_confirm', 'fr')}_")
    strong = dalil.answer("quels documents pour l'attestation de résidence fiscale ?")  # idarati (B)
    assert strong.text.startswith("**Documents à fournir** :") and say("to_confirm", "fr") not in strong.text


def test_a_followup_gets_the_asked_aspect_short(dalil: Dalil) -> None:
    dalil.answer("comment renouveler mon passeport", "short-followup")
    answer = dalil.answer("et les documents ?", "short-followup")
    assert answer.sources[0].id == "passport-renewal" and answer.aspects == ["documents"]
    assert answer.text.startswith(say("short_missing_documents", "fr")) and len(answer.text.split()) < 60


def test_darija_framing_is_darija_and_the_facts_are_quoted(dalil: Dalil) -> None:
    answer = dalil.answer("chno lwra9 dyal l'attestation de résidence fiscale ?")
    proc = dalil.procedure("attestation-residence-fiscale")
    assert answer.language == "darija" and answer.aspects == ["documents"]
    assert answer.text.startswith("**الوراق اللي خاصك**") and proc.documents[0].ar[:30] in answer.text
    assert "**الصفحة الرسمية**" in answer.text
    assert proc.summary.ar[:30] in answer.details  # the card stays in MSA


@pytest.mark.parametrize("key", [k for k in TEXTS if k.startswith(("short_", "to_confirm")) and k != "short_source"])
def test_the_darija_glossary_reads_as_darija(key: str) -> None:
    assert detect(say(key, "darija")).style == "darija", say(key, "darija")


def test_a_family_noun_alone_is_asked_about_with_every_variant(dalil: Dalil) -> None:
    answer = dalil.answer("passeport")
    assert answer.status is AnswerStatus.CLARIFICATION and answer.trace["neighbours"] == "family"
    assert {o.id for o in answer.options} == {"passport-first", "passport-renewal", "passport-lost", "passport-minor"}


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("bghit n3awed lpassport", "passport-renewal"),
        ("j'ai perdu mon permis de conduire", "driving-license-duplicate"),
        ("passeport pour mon fils de 8 ans", "passport-minor"),
        ("lkart griz da3t lia", "carte-grise-renewal-duplicate"),
    ],
)
def test_a_variant_word_settles_it_without_asking(dalil: Dalil, message: str, expected: str) -> None:
    answer = dalil.answer(message)
    assert answer.status is AnswerStatus.ANSWERED and answer.sources[0].id == expected, answer.trace["hits"]
    assert answer.trace["neighbours"].startswith("variant:")


def test_a_document_not_named_is_asked_about(dalil: Dalil) -> None:
    answer = dalil.answer("j'ai besoin d'un papier de la commune")
    assert answer.status is AnswerStatus.CLARIFICATION and answer.trace["neighbours"] == "no_document_named"
    assert len(answer.options) >= 2


def test_a_moroccan_abroad_asking_for_a_consulate_paper_is_asked_which(dalil: Dalil) -> None:
    answer = dalil.answer("je suis MRE, j'ai besoin d'un papier du consulat")
    assert answer.status is AnswerStatus.CLARIFICATION and answer.trace["neighbours"] == "topic"
    assert {"consular-registration", "laissez-passer-mre"} <= {o.id for o in answer.options}


def test_dalil_eval_measures_the_answers_per_style(dalil: Dalil, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from bot.evaluate import evaluate, load_rows

    rows = [
        {
            "id": "a",
            "text": "combien coûte l'attestation de résidence fiscale ?",
            "style": "fr",
            "expected_id": "attestation-residence-fiscale",
            "aspects": ["fees"],
            "split": "test",
        },
        {"id": "b", "text": "passeport", "style": "fr", "expected_id": None, "split": "test"},
        {"id": "c", "text": "hors du split", "style": "fr", "expected_id": "cnie-renewal", "split": "tune"},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    loaded = load_rows(path, "test")
    assert [r["kind"] for r in loaded] == ["single", "clarify"]
    report = evaluate(loaded, lambda q, s: dalil.answer(q, s), dalil.procedure)
    fr = report.answers.styles["fr"]
    assert (fr.aspect_questions, fr.aspect_first) == (1, 1) and fr.in_scope == 2 and fr.clarified == 1
    assert fr.messages == [1, 1] and len(fr.words) == 1 and fr.words[0] < 60
    table = report.render()
    assert "aspect 1st screen" in table and "1.000 (1/1)" in table


def test_the_answers_table_renders_a_style_without_aspect_questions() -> None:
    from bot.evaluate import StyleAnswers

    assert StyleAnswers().row("fr").split()[1:] == ["0", "-", "-", "-", "-", "-"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("شهادة السكنى ولا شهادة الحياة؟", {"residence-certificate", "life-certificate"}),
        ("certificat de vie ou certificat de résidence ?", {"residence-certificate", "life-certificate"}),
        ("auto-entrepreneur ou société ?", {"auto-entrepreneur", "company-creation"}),
    ],
)
def test_one_or_the_other_each_side_naming_its_own_is_asked_about(
    dalil: Dalil, message: str, expected: set[str]
) -> None:
    answer = dalil.answer(message)
    assert answer.status is AnswerStatus.CLARIFICATION and answer.trace["neighbours"] == "one_or_the_other"
    assert expected <= {o.id for o in answer.options}, answer.trace["hits"]


@pytest.mark.parametrize(
    "message",
    [
        "certificat de vie, c'est où ?",  # one side names nothing
        "lpasspor ou lakart, chno lwra9 li khassin?",  # a fact asked ("ou" is "and" in Latin Darija)
        "شهادة السكنى ولا الحياة، شحال كتاخد؟",
    ],
)
def test_or_naming_one_procedure_or_asking_a_fact_is_not_asked_about(dalil: Dalil, message: str) -> None:
    answer = dalil.answer(message)
    assert answer.trace["neighbours"] != "one_or_the_other"


@pytest.mark.parametrize("message", ["khassni chi chahada mn l9iyada", "khassni certificat mn l9iyada bach nkhdem"])
def test_a_certificate_not_named_in_latin_letters_is_asked_about(dalil: Dalil, message: str) -> None:
    answer = dalil.answer(message)
    assert answer.status is AnswerStatus.CLARIFICATION and answer.trace["neighbours"] == "no_document_named"


@pytest.mark.parametrize("message", ["chi wra9a dyal sawabi9"])  # no procedure's name, a topic's
def test_a_topic_named_with_nothing_more_is_ours_however_short(dalil: Dalil, message: str) -> None:
    answer = dalil.answer(message)
    assert answer.status is AnswerStatus.CLARIFICATION and answer.trace["neighbours"] == "topic", answer.trace


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("chahadat sokna wla chahadat l7ayat?", {"residence-certificate", "life-certificate"}),
        # "wla" is also "became": a side that is a clause names no procedure by itself.
        ("lpasspor dyal wldi sghir wla m9tou3 w bghit nbeddel lih chahadat sokna", set()),
    ],
)
def test_each_side_of_or_names_its_own(dalil: Dalil, message: str, expected: set[str]) -> None:
    kb = dalil._knowledge.current
    hits = [Hit(pid, 1.0) for pid in kb.procedures]
    assert set(each_side_names(normalize(message), hits, kb)) == expected


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        ("lpasseport 3afak", "family"),  # the article glued on
        ("lcin", "family"),
        ("la carte svp", "topic"),  # which card
        ("البطاقة", "topic"),
        ("الازدياد", "topic"),  # a birth
        ("أريد الاستفسار عن الضمان الاجتماعي", "topic"),  # "I would like to ask about" names nothing
        ("وثيقة إدارية", "no_document_named"),
        ("chi wr9a dyal naissance mn l baladiya", "no_document_named"),
        ("wra9a mn lmo9ata3a", "topic"),  # a paper from the local authority: its certificates
        ("bghit wra9a", "no_document_named"),
        ("bghit nmchi nlegalisi lwra9 dyali", "topic"),  # a French verb conjugated the Darija way
    ],
)
def test_a_bare_noun_in_any_style_is_asked_about(dalil: Dalil, message: str, reason: str) -> None:
    answer = dalil.answer(message)
    assert answer.status is AnswerStatus.CLARIFICATION, answer.trace["hits"]
    assert answer.trace["neighbours"] == reason and len(answer.options) >= 2



def test_a_fact_that_differs_between_variants_is_asked_and_the_pick_opens_with_it(dalil: Dalil) -> None:
    asked = dalil.answer("c'est pour la carte nationale, quels papiers je dois préparer ?", "asked-fact")
    assert asked.status is AnswerStatus.CLARIFICATION and asked.trace["neighbours"] == "family"
    picked = dalil.answer("renouvellement", "asked-fact")
    assert picked.sources[0].id == "cnie-renewal" and picked.aspects == ["documents"]
    assert picked.text.startswith("**Documents à fournir**")
    options = [o.id for o in dalil.answer("الوثائق المطلوبة لجواز السفر", "by-number").options]
    second = dalil.answer("2", "by-number")  # the second option, its documents
    assert len(options) >= 2 and second.sources[0].id == options[1] and second.aspects == ["documents"]
    assert second.language == "ar"  # a number has no language: the conversation's


def test_a_fact_the_same_in_every_variant_is_answered_for_all_of_them(dalil: Dalil) -> None:
    from bot.answer.clarify import same_facts

    answer = dalil.answer("combien coûte le permis de conduire ?")
    variants = tuple(o.id for o in answer.options)
    cards = SimpleNamespace(procedures={pid: dalil.procedure(pid) for pid in variants})
    same = same_facts(cards, variants, ("fees",))  # type: ignore[arg-type]
    assert len(variants) >= 3 and answer.trace["neighbours"] == ("family_same" if same else "family")
    if same:  # no licence's fee in our base: said once for all, the variants offered
        assert answer.status is AnswerStatus.ANSWERED and say("short_same_for_all", "fr") in answer.text
