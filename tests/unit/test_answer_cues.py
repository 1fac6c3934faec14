"""The cues behind answering what was asked: "how long" in Darija and Arabizi is a delay, not a fee;
two asked facts both start on the first screen; a topic named with nothing more is asked about."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answer.clarify import TOPICS, topic_only
from bot.answer.short import facts_for, short_answer
from bot.evaluate import FIRST_SCREEN, plain
from bot.knowledge.loading import load_knowledge
from bot.knowledge.schema import Procedure
from bot.texts import pick, say
from bot.understand.aspects import detect_aspects


@pytest.mark.parametrize(
    "message",
    [
        "ch7al d nhar bach tkhrej lakart",  # how much + a unit of time
        "شحال من سيمانة باش يوجد الباسبور",
        "combien de semaines pour avoir le permis",
        "ch7al khassni ntsenna l passport",  # waiting
        "شحال خاصني نتسنى باش توجد",
        "fo9ach tkon wajda lakart",  # when + ready
        "إمتا تكون واجدة البطاقة",
        "ch7al kattowel l'opération",  # lasting
    ],
)
def test_how_long_in_every_script_is_a_delay_question(message: str) -> None:
    assert detect_aspects(message) == ("delay",)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("ch7al kaykhlles lpaspor", ("fees",)),
        ("mon bébé a 6 mois, combien coûte son passeport", ("fees",)),  # an age is not a duration asked
        ("ch7al d nhar w ch7al kaykhlles", ("delay", "fees")),
        ("كم سنة صالح جواز السفر", ("validity",)),
    ],
)
def test_money_and_validity_stay_what_they_are(message: str, expected: tuple[str, ...]) -> None:
    assert detect_aspects(message) == expected


@pytest.fixture(scope="module")
def procedures() -> list[Procedure]:
    return load_knowledge(Path(__file__).resolve().parents[2] / "knowledge").procedures


@pytest.mark.parametrize("other", ["validity", "proxy", "eligibility", "where", "online", "delay", "fees"])
@pytest.mark.parametrize("asked", ["fees", "delay"])
def test_with_two_aspects_the_fee_and_the_delay_start_on_the_first_screen(
    procedures: list[Procedure], asked: str, other: str
) -> None:
    if asked == other:
        return
    for proc in procedures:
        for lang in ("fr", "ar", "darija"):
            head = plain(short_answer(proc, lang, (other, asked)).text)[:FIRST_SCREEN]  # type: ignore[arg-type]
            facts = facts_for(proc, asked)  # type: ignore[arg-type]
            expected = pick(facts[0][2], lang) if facts else say(f"short_missing_{asked}", lang)
            assert plain(expected)[:40] in head, (proc.id, lang)


@pytest.mark.parametrize(
    ("message", "top", "topic"),
    [
        ("l'acte de naissance svp", "birth-certificate", None),  # "acte" names the copy
        ("شهادة ديال الولادة عافاك", "administrative-birth-certificate", "birth"),
        ("question sur la naissance", "birth-declaration", "birth"),
        ("déclarer la naissance de mon fils", "birth-declaration", None),
        ("الشهادة الضريبية", "tax-compliance-certificate", "tax_certificate"),
        ("attestation de non imposition", "non-taxation-certificate", None),
        ("kayna ghalta f smiti", "civil-status-rectification", "record_error"),
        ("erreur dans mon nom", "civil-status-rectification", "record_error"),
        ("تاريخ ولادتي غالط فالضمان", "cnss-birthdate-correction", None),
        ("bghit n7ell charika", "company-creation", "business"),
        ("créer une SARL", "company-creation", None),
        ("الضمان الاجتماعي", "cnss-quitus", "social_security"),
        ("cnss dyal mrati bach tkhrej retraite", "retirement-pension", None),
        ("bghit da3m", "direct-social-aid", "state_aid"),
        ("الدعم ديال السكن", "housing-aid", None),
        ("smiti ghalta", "passport-first", None),  # the best hit is not one of the topic's procedures
    ],
)
def test_a_topic_named_with_nothing_more_is_asked_about(message: str, top: str, topic: str | None) -> None:
    assert topic_only(message, top) == (TOPICS[topic].procedures if topic else ())
