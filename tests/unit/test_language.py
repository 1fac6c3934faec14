"""Style detection: five writing styles, three answer languages."""

from __future__ import annotations

import pytest

from bot.understand.language import Detection, detect

FRENCH = [
    "Bonjour, comment renouveler mon permis de conduire ?",
    "salam, je voudrais savoir le prix du passeport",  # a greeting does not make it Darija
    "Quels documents pour un extrait d'acte de naissance à Marrakech ?",
    "carte grise perdue",
    "délai casier judiciaire",
    "Mon fils Khalid a 18 ans, il doit faire sa CNIE où ?",  # a name is not Darija
    "inscription RSU en ligne",
    "Est-ce que je peux payer la vignette sur internet ?",
    "3afak, je voudrais savoir comment renouveler mon passeport",  # politeness word only
    "Bonjour inchallah je dépose le dossier demain",
    "Demande sur formulaire n° AAC310",  # a form code is not Arabizi
    "consultez www.minhaty.ma",  # nor is a web address
]
MSA = [
    "كيف يمكنني تجديد جواز السفر؟",
    "ما هي الوثائق المطلوبة للحصول على شهادة السكنى؟",
    "أين أودع طلب البطاقة الوطنية؟",
    "كم تكلفة استخراج السجل العدلي",
    "ما هي كيفية التسجيل في السجل الاجتماعي الموحد",  # كيفية is not Darija كيفاش
    "فقدت بطاقتي الوطنية فماذا أفعل",
    "هل هذا الكائن الحي خاص بالقطاع الخاص",  # كائن -> كاين and خاص are MSA here
    "ما هي مدة صلاحية رخصة السياقة وكم تكلفة تجديدها عبر بوابة CNSS",
]
DARIJA = [
    "شحال كيتخلص الباسبور؟",
    "فين نمشي باش نجدد لاكارط؟",
    "ضاعت ليا البطاقة الوطنية شنو ندير",
    "واش خاصني نمشي للمقاطعة",
    "بغيت شهادة السكنى",
    "كيفاش نسجل ولدي فالحالة المدنية",
    "ماكاينش شي حل آخر؟",
    "عندي مشكل ف la carte grise ديال الطوموبيل",
]
ARABIZI = [
    "ch7al kaykhlles lpasspor?",
    "fin nmchi bach njdded lbtaka",
    "tlfat lia lbtaka chno ndir",
    "wach khassni nmchi l lmo9ata3a",
    "bghit chahadat sokna",
    "kifach nsjjel weldi f l7ala lmadania",
    "salam 3afak chhal d lwe9t bach tkhrej lbtaka",
    "BGHIT NJDDED LPERMI DYALI",
]
MIXED = [
    "salam, le passeport dyali expiré, wach khassni nmchi l la préfecture?",
    "bghit ndir la carte grise dyal tomobil jdida",
    "wach l'extrait d'acte de naissance kayt3ta f la commune?",
    "ch7al les frais dyal le permis?",
    "3afak chno homa les documents li khasni pour le casier judiciaire",
]


@pytest.mark.parametrize("text", FRENCH)
def test_french(text: str) -> None:
    found = detect(text)
    assert (found.style, found.answer_lang) == ("fr", "fr"), found


@pytest.mark.parametrize("text", MSA)
def test_msa(text: str) -> None:
    found = detect(text)
    assert (found.style, found.answer_lang) == ("ar", "ar"), found


@pytest.mark.parametrize("text", DARIJA)
def test_darija_arabic_script(text: str) -> None:
    found = detect(text)
    assert (found.style, found.answer_lang) == ("darija", "darija"), found


@pytest.mark.parametrize("text", ARABIZI)
def test_arabizi(text: str) -> None:
    found = detect(text)
    assert (found.style, found.answer_lang) == ("arabizi", "darija"), found


@pytest.mark.parametrize("text", MIXED)
def test_mixed(text: str) -> None:
    found = detect(text)
    assert (found.style, found.answer_lang) == ("mixed", "darija"), found


@pytest.mark.parametrize("text", ["", "   ", "???", "12345", "👍", "\u200b"])
def test_empty_or_garbage_is_french(text: str) -> None:
    assert detect(text) == Detection("fr", "fr", 0.0, 0, 0)


def test_evidence_is_reported() -> None:
    found = detect("salam, le passeport dyali expiré, wach khassni nmchi?")
    assert found.arabic_ratio == 0.0
    assert found.darija_markers >= 3  # dyali, wach, khassni, nmchi
    assert found.french_markers >= 2  # le, passeport, expiré
    assert detect("واش خاصني نمشي").arabic_ratio == 1.0


def test_numbers_with_units_are_not_arabizi() -> None:
    assert detect("rendez-vous le 2eme jour, 30dh et 15jours de délai").style == "fr"


def test_detection_is_frozen() -> None:
    found = detect("bonjour")
    with pytest.raises(AttributeError):
        found.style = "ar"  # type: ignore[misc]


@pytest.mark.parametrize(
    "text",
    [
        "البطاقة سالات",  # Darija verb forms
        "ولدي تزاد فالدار",  # "in the" written on the word
        "حتى لإمتى؟",
        "عطيوني الوراق",
        "الرجوع النهائي والديوانة",  # the conjunction written on a Darija noun
        "شي ورقة من السبيطار",
        "فاتت الداطة",
    ],
)
def test_short_darija_messages_are_darija_not_msa(text: str) -> None:
    assert detect(text).style == "darija"
