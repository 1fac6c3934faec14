"""Arabizi -> Arabic transliteration and Darija -> MSA/French expansion, on the shipped lexicons."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.understand.arabizi import arabizi_to_arabic, transliterate_rules
from bot.understand.darija import Expansion, concept_ids, expand
from bot.understand.normalize import normalize_arabic


def _ar(text: str) -> str:
    return normalize_arabic(arabizi_to_arabic(text))


@pytest.mark.parametrize(
    ("arabizi", "arabic"),
    [
        ("bghit njdded lbtaka dyali ch7al katkhlles", "بغيت نجدد البطاقة ديالي شحال كاتخلص"),
        ("wach khassni nmchi l lmo9ata3a", "واش خاصني نمشي ل المقاطعة"),
        ("fin kayn lkonnach", "فين كاين الكناش"),
        ("3afak", "عافاك"),
        ("salam", "سلام"),
    ],
)
def test_lexicon_spellings(arabizi: str, arabic: str) -> None:
    assert _ar(arabizi) == normalize_arabic(arabic)


@pytest.mark.parametrize(
    ("word", "arabic"),
    [
        ("ch7al", "شحال"),  # 7 = ح, ch = ش
        ("3tini", "عتيني"),  # 3 = ع
        ("9hwa", "قهوة"),  # 9 = ق, final -a of a noun is ة
        ("5obz", "خوبز"),  # 5 = خ (short o is written: the rules cannot know it is short)
        ("bzzaf", "بزاف"),  # gemination is written once
        ("ddar", "الدار"),  # assimilated article on a sun letter
        ("lwra9", "الوراق"),  # l + consonant is the article
        ("daba", "دابا"),  # short function word: final -a is ا
        ("kanmchiw", "كانمشيو"),
        ("mchina", "مشينا"),  # -na suffix
        ("DaSr", "داصر"),  # a capital inside a word is emphatic (DODa convention); not the first
        ("2amn", "امن"),  # initial hamza
        ("ouad", "واد"),
    ],
)
def test_character_rules(word: str, arabic: str) -> None:
    assert normalize_arabic(transliterate_rules(word)) == normalize_arabic(arabic)


def test_french_words_stay_latin_inside_arabizi() -> None:
    out = arabizi_to_arabic("salam, le passeport dyali expiré, wach khassni nmchi l la préfecture?")
    assert "passeport" in out and "la prefecture" in out and "le passeport" in out
    assert "ديالي" in out and "واش" in out and "خاصني" in out


def test_arabic_script_passes_through() -> None:
    assert arabizi_to_arabic("واش خاصني") == "واش خاصني"
    assert arabizi_to_arabic("") == ""


@pytest.mark.parametrize("style", ["fr", "ar"])
def test_no_expansion_for_french_and_msa(style: str) -> None:
    assert expand("ch7al lbtaka", style) == Expansion()  # type: ignore[arg-type]


def test_expand_arabizi_id_card_and_price() -> None:
    found = expand("bghit njdded lbtaka dyali ch7al katkhlles", "arabizi")
    assert found.arabic.startswith("بغيت نجدد")
    assert {"want", "renew", "id_card", "q_how_much", "pay"} <= set(found.concepts)
    assert "البطاقة الوطنية للتعريف الإلكترونية" in found.msa
    assert "carte nationale d'identité électronique" in found.french
    assert "كم" in found.msa and "combien" in found.french
    assert "تجديد" in found.msa and "renouveler" in found.french


def test_expand_darija_arabic_script() -> None:
    found = expand("لاكارط ديالي تلفات، شحال د الوقت باش نخرج وحدة جديدة؟", "darija")
    assert found.arabic == ""  # already Arabic script
    assert {"id_card", "lost", "q_how_long"} <= set(found.concepts)
    assert "carte nationale d'identité électronique" in found.french and "délai" in found.french


def test_expand_matches_arabic_by_light_stem() -> None:
    assert "id_card" in expand("بطاقتي", "darija").concepts


def test_stop_words_are_not_matched_by_stem() -> None:
    # ولا is "or" in Darija; by stem it would read as الولاية (the wilaya) and expand to prefecture words.
    found = expand("نجدد البيرمي ولا ندوز الامتحان من جديد؟", "darija")
    assert "prefecture" not in found.concepts and "العمالة" not in found.msa


def test_expand_prefers_the_longer_overlapping_phrase() -> None:
    found = expand("tlfat liya la carte grise", "mixed")
    assert "car_registration" in found.concepts and "id_card" not in found.concepts
    assert "البطاقة الرمادية" in found.msa


def test_expand_multiword_darija_phrase() -> None:
    found = expand("kifach nakhod chahadat sokna", "arabizi")
    assert "residence_certificate" in found.concepts
    assert "شهادة السكنى" in found.msa and "certificat de résidence" in found.french


def test_grammar_words_are_recognised_but_not_expanded() -> None:
    found = expand("dyali m3a had", "arabizi")
    assert "of_genitive" in found.concepts
    assert found.msa == [] and found.french == []


def test_mixed_keeps_french_and_adds_arabic() -> None:
    found = expand("salam, le passeport dyali expiré, wach khassni nmchi l la préfecture?", "mixed")
    assert {"passport", "expired", "must_need", "prefecture"} <= set(found.concepts)
    assert "جواز السفر" in found.msa and "العمالة" in found.msa


def test_expand_strips_glued_darija_preposition() -> None:
    found = expand("بغيت نصحح الغلط فعقد الازدياد ديال ولدي", "darija")
    assert {"correct_error", "birth_certificate"} <= set(found.concepts)
    assert "extrait d'acte de naissance" in found.french


@pytest.mark.parametrize(
    ("text", "style", "concept"),
    [
        ("فين كنصوتو دابا بعدما رحلت؟", "darija", "elections"),  # aspect prefix and plural ending
        ("شحال كنخلص على الباسبور", "darija", "pay"),
        ("راجلي ماخدامش", "darija", "work"),  # negation circumfix
        ("kanvoti f had la ville", "arabizi", "elections"),
        ("kankhlles ch7al", "arabizi", "pay"),
    ],
)
def test_expand_peels_darija_verb_affixes(text: str, style: str, concept: str) -> None:
    assert concept in expand(text, style).concepts


def test_affixes_are_peeled_only_to_reach_a_lexicon_word() -> None:
    # الماتش ("the match") ends like a negated verb; read as مات ("died") it would bring death words.
    assert "death" not in expand("شكون ربح الماتش البارح؟", "darija").concepts
    # بطاقه starts like a glued ب and keeps its meaning.
    assert "id_card" in expand("البطاقه ديالي", "darija").concepts


@pytest.mark.parametrize(
    "text",
    ["بغيت نجدد الباسبور ديالي", "bghit njdded lbasbor dyali", "كيف أجدد جواز السفر؟", "بغيت نجدد جواز السفر"],
)
def test_concepts_are_one_vocabulary_for_every_script(text: str) -> None:
    assert {"renew", "passport"} <= set(concept_ids(text))


def test_concepts_leave_out_grammar_and_question_words() -> None:
    found = concept_ids("شنو خاصني ديال البطاقه")
    assert "id_card" in found and not {"q_what", "of_genitive"} & set(found)


def test_expand_matches_msa_words_inside_darija() -> None:
    found = expand("شنو هوما الوثائق اللي خاصني لجواز السفر", "darija")
    assert {"documents", "passport"} <= set(found.concepts)
    assert "passeport" in found.french


def test_runtime_data_is_small_and_carries_its_licences() -> None:
    data = Path(__file__).resolve().parents[2] / "bot" / "data"
    notice = (data / "NOTICE.md").read_text(encoding="utf-8")
    assert "This software includes data sourced from Darija Open Dataset." in notice
    assert "https://github.com/darija-open-dataset/dataset" in notice
    assert "Apache License, Version 2.0" in notice and (data / "LICENSE-3aransia.txt").is_file()
    assert sum(p.stat().st_size for p in data.iterdir()) < 1_000_000


def test_language_layer_never_reads_the_non_commercial_data() -> None:
    bot = Path(__file__).resolve().parents[2] / "bot" / "understand"
    for name in ("normalize.py", "analysis.py", "language.py", "lexicon.py", "arabizi.py", "darija.py"):
        source = (bot / name).read_text(encoding="utf-8")
        assert "shared/" not in source and "ccbync" not in source and "doda_v2" not in source, name


@pytest.mark.parametrize("text", ["lbatakha dyali", "lbata9a", "lbtaqa"])
def test_spellings_of_the_card_are_the_card(text: str) -> None:
    assert "id_card" in concept_ids(text)


@pytest.mark.parametrize("text", ["renouvler", "renoveler"])
def test_spellings_of_renew_stem_as_renouveler(text: str) -> None:
    from bot.understand.analysis import analyze

    assert analyze(text) == analyze("renouveler")
