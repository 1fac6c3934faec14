"""Normalisation and the BM25 analyser: the shared ground of detection, expansion and search."""

from __future__ import annotations

import pytest

from bot.understand.analysis import analyze, conjugated_stems, stem_arabic, tokenize
from bot.understand.normalize import normalize, normalize_arabic, normalize_latin


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("مُحَمَّدٌ", "محمد"),  # harakat and shadda
        ("الإجراءات", "الاجراءات"),  # hamza under alef
        ("أين آخر ٱسم", "اين اخر اسم"),  # أ آ ٱ
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("البطاقة الوطنية", "البطاقه الوطنيه"),  # ta marbuta
        ("مسؤول", "مسوول"),
        ("رئيس", "رييس"),
        ("الســـلام", "السلام"),  # tatweel
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),
        ("شحال؟ واش، لا؛", "شحال? واش, لا;"),
        ("لا\u200bكارط\u200f", "لاكارط"),  # zero-width space, right-to-left mark
        ("ﻻ", "لا"),  # presentation form, folded by NFKC
        ("الڭريزة", "الكريزه"),  # Moroccan gaf
    ],
)
def test_normalize_arabic(raw: str, expected: str) -> None:
    assert normalize_arabic(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Préfecture", "prefecture"),
        ("L'État", "l' etat"),
        ("d’identité", "d' identite"),  # typographic apostrophe
        ("qu'il", "qu' il"),
        ("jusqu'à", "jusqu' a"),
        ("aujourd'hui", "aujourd'hui"),  # not an elision
        ("Œuvre ça", "oeuvre ca"),
        ("ch7al", "ch7al"),  # Arabizi digits stay inside words
        ("3AFAK", "3afak"),
    ],
)
def test_normalize_latin(raw: str, expected: str) -> None:
    assert normalize_latin(raw) == expected


def test_normalize_mixed_text_collapses_spaces() -> None:
    text = "  Salam,   le passeport  dyali expiré؟ واش خاصني نمشي  "
    assert normalize(text) == "salam, le passeport dyali expire? واش خاصني نمشي"


def test_tokenize_splits_scripts_and_keeps_arabizi_digits() -> None:
    assert tokenize("bghit njdded lbtaka, ch7al?") == ["bghit", "njdded", "lbtaka", "ch7al"]
    assert tokenize("la CNIEالبطاقة") == ["la", "cnie", "البطاقه"]


@pytest.mark.parametrize(
    ("token", "stem"),
    [
        ("البطاقة", "بطاق"),
        ("بطاقتي", "بطاق"),  # my card meets the card
        ("والوثائق", "وثايق"),
        ("الموظفون", "موظف"),
        ("للتسجيل", "تسجيل"),
        ("بيت", "بيت"),  # too short to strip anything
        ("ولد", "ولد"),  # و is part of the root when stripping would leave < 3 letters
    ],
)
def test_stem_arabic(token: str, stem: str) -> None:
    assert stem_arabic(normalize_arabic(token)) == stem


def test_analyze_french_drops_stop_words_and_stems() -> None:
    assert analyze("Je voudrais renouveler ma carte d'identité") == ["voudr", "renouvel", "cart", "identit"]
    # Plural, derived and accent-less forms meet on one stem.
    assert analyze("renouvellement des cartes") == analyze("renouveler la carte") == ["renouvel", "cart"]
    assert analyze("prefecture") == analyze("Préfecture")


def test_analyze_msa_and_darija_share_stems() -> None:
    msa = analyze("ما هي الوثائق المطلوبة لتجديد البطاقة الوطنية؟")
    darija = analyze("شنو هوما الوثائق باش نجدد البطاقة ديالي")
    assert "بطاق" in msa and "بطاق" in darija
    assert "وثايق" in msa and "وثايق" in darija
    assert "شنو" not in darija and "ديالي" not in darija  # Darija function words are stop words


def test_analyze_keeps_arabizi_digit_words_whole() -> None:
    # Digit-letters are Arabizi, not French: the Snowball stemmer would cut them at random.
    assert analyze("wach ch7al n9der 3afak") == ["ch7al", "n9der"]


def test_analyze_is_deterministic_for_query_and_chunk() -> None:
    text = "Casier judiciaire : السجل العدلي, délai 48h"
    assert analyze(text) == analyze(text)
    assert analyze("") == []


@pytest.mark.parametrize(
    ("text", "stem"),
    [("wach khassni ndéclari l'IR?", "declar"), ("bghit nlégalisi chi wra9", "legalis"), ("kandeposi", "depos")],
)
def test_french_verbs_conjugated_in_darija_meet_the_knowledge_base(text: str, stem: str) -> None:
    known = set(analyze("déclaration de revenus, légalisation de signature, déposer le dossier"))
    assert conjugated_stems(text, known) == [stem]


def test_conjugated_stems_leave_known_and_unconjugated_words_alone() -> None:
    known = set(analyze("déclaration, commune, nmchi, wra9a"))
    assert conjugated_stems("nmchi l la commune, déclaration, wra9a", known) == []
