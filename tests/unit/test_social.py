"""Conversation basics: which messages are only social, of which kind, and in which language."""

from __future__ import annotations

import pytest

from bot.understand.social import question_mark, social_kind, without_social
from bot.understand.social_fallback import opening_social, social_fallback


@pytest.mark.parametrize(
    ("message", "kind", "lang"),
    [
        ("Bonjour !", "greeting", "fr"),
        ("salam", "greeting", "darija"),
        ("salaaam 3likom, labas?", "greeting", "darija"),
        ("السلام عليكم ورحمة الله", "greeting", "ar"),
        ("سلام خويا", "greeting", "darija"),
        ("merci beaucoup, bonne journée", "thanks", "fr"),
        ("chokran bzaf", "thanks", "darija"),
        ("merci khoya", "thanks", "darija"),
        ("شكرا جزيلا", "thanks", "ar"),
        ("بسلامة", "goodbye", "darija"),
        ("au revoir", "goodbye", "fr"),
        ("t'es qui ?", "who", "fr"),
        ("هل أنت إنسان أم برنامج؟", "who", "ar"),
        ("wach nta robot wla bnadem?", "who", "darija"),
        ("qu'est-ce que tu peux faire ?", "capabilities", "fr"),
        ("peux-tu déposer ma demande de passeport à ma place ?", "capabilities", "fr"),
        ("aide", "help", "fr"),
        ("3afak 3awni", "help", "darija"),
        # General forms in every style (issue 14, session 3).
        ("slm", "greeting", "darija"),
        ("mrhba", "greeting", "darija"),
        ("bonsoir", "greeting", "fr"),
        ("cc", "greeting", "fr"),
        ("coucou !", "greeting", "fr"),
        ("hi", "greeting", "fr"),
        ("واش كاين شي حد؟", "greeting", "darija"),
        ("بارك الله فيك", "thanks", "ar"),
        ("merci bcp", "thanks", "fr"),
        ("yatik se77a", "thanks", "darija"),
        ("tbarkallah 3lik khoya", "thanks", "darija"),
        ("thanks", "thanks", "fr"),
        ("الله يعطيك الصحة", "thanks", "darija"),
        ("chkoun nta?", "who", "darija"),
        ("what can you do?", "capabilities", "fr"),
        ("شنو تقدر تدير؟", "capabilities", "darija"),
        # Acknowledgements, leave-takings and "I have a question" (issue 14, session 4).
        ("bonne journée à vous", "goodbye", "fr"),
        ("ok merci pour la réponse", "thanks", "fr"),
        ("شكرا على الرد", "thanks", "ar"),
        ("safi fhmt, chokran", "thanks", "darija"),
        ("j'ai une question", "help", "fr"),
        ("3ndi wa7ed so2al", "help", "darija"),
        ("عندي سؤال من فضلك", "help", "ar"),
    ],
)
def test_social_messages(message: str, kind: str, lang: str) -> None:
    found = social_kind(message, "fr" if lang == "fr" else "ar")
    assert found is not None and (found.kind, found.lang) == (kind, lang)


@pytest.mark.parametrize(
    "message",
    [
        "bonjour, comment renouveler ma CIN ?",
        "salam, kifach njdded lbtaka?",
        "merci, et ça coûte combien ?",
        "السلام عليكم، ما هي وثائق جواز السفر؟",
        "quel temps fera-t-il demain ?",
        "c'est qui le ministre de l'intérieur ?",
        "comment ça marche le renouvellement du passeport ?",
        "yatik se77a, w ch7al kayswa lpasspor?",
        "j'ai une question sur la carte grise",
        "3ndi so2al 3la lpermis",
        "à quelle heure ouvre la commune ?",
        # Someone else depositing for the citizen is a proxy question, not a request to Dalil.
        "هل يمكن لزوجتي إيداع الملف نيابة عني؟",
    ],
)
def test_messages_that_ask_something_are_not_social(message: str) -> None:
    assert social_kind(message, "fr") is None


def test_greetings_are_taken_out_for_search() -> None:
    assert without_social("Salam, kifach njdded lbtaka?") == "kifach njdded lbtaka"
    assert without_social("salam") == "salam"
    # A Latin Darija greeting spelt as heard, when it opens the message; not a word elsewhere ("Maroc", "merci").
    assert without_social("salamo alaykom kifach n3awd lbitaqa dyali?") == "kifach n3awd lbitaqa dyali"
    assert without_social("slm, bghit njdded lpaspor") == "bghit njdded lpaspor"


def test_what_is_left_keeps_its_apostrophes_and_a_first_name() -> None:
    from bot.understand.pointing import points_back

    # The thanks are blanked where they stand: the elided pronoun stays a pronoun ("l'obtenir").
    assert without_social("Merci. Et si je ne l'ai plus ?", apostrophes=True) == "et si je ne l' ai plus"
    assert points_back(without_social("Merci ! Et comment l'obtenir ?", apostrophes=True))
    # One word read without vowels as a greeting ("slm") is as often a first name: kept unless a comma follows.
    assert without_social("Salma bghat tjdded lpasspor dyalha") == "Salma bghat tjdded lpasspor dyalha"
    assert without_social("Selma a perdu sa CIN, que faire ?") == "Selma a perdu sa CIN, que faire ?"
    assert without_social("Comment créer une société au Maroc ?") == "Comment créer une société au Maroc ?"
    assert question_mark("salam, kifach n3awd lbitaqa dyali?") == "?" and question_mark("السلام، كيف؟") == "؟"
    assert question_mark("bonjour, je voudrais un passeport") == ""


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("salam khoya, ça va la famille ?", "greeting"),
        ("merci pour tout, vous êtes au top", "thanks"),
        ("tu sais parler anglais ?", "capabilities"),
        ("wach kat3ref tjaweb b tachelhit?", "capabilities"),
        ("هل تستطيع مساعدتي في أي شيء؟", "capabilities"),
    ],
)
def test_a_social_message_with_words_around_is_caught_before_an_off_topic_reply(message: str, kind: str) -> None:
    assert social_kind(message, "fr") is None  # not social alone: search and the scope go first
    found = social_fallback(message, "fr")
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    "message", ["quel temps fera-t-il demain ?", "bonjour, qui a gagné le match de foot hier soir à Casablanca ?"]
)
def test_an_off_topic_question_with_a_greeting_stays_off_topic(message: str) -> None:
    assert social_fallback(message, "fr") is None


@pytest.mark.parametrize(
    ("message", "opened"),
    [
        ("Bonjour, les turbulences c'est dangereux ?", "greeting"),
        ("السلام عليكم، كم يعيش الفيل؟", "greeting"),
        ("slt tu connais une appli pour jouer aux echecs en ligne gratuit", "greeting"),
        ("merci, et sinon vous connaissez un bon tatoueur a Casablanca ?", "thanks"),
        ("kifach nktb cv mzyan", None),  # a CV, not "ça va"
    ],
)
def test_a_request_after_a_greeting_is_declined_with_the_greeting_returned(message: str, opened: str | None) -> None:
    assert social_fallback(message, "fr") is None
    assert opening_social(message) == opened


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        # Darija in Latin letters spelt as heard: vowels and doubled letters vary (session 6).
        ("llah y7fdek", "thanks"),
        ("barak allah fik", "thanks"),
        ("tsbe7 3la khir", "goodbye"),
        ("m3a ssalama khoya", "goodbye"),
        ("nta robot?", "who"),
        ("chno kadir?", "capabilities"),
    ],
)
def test_arabizi_social_phrases_however_spelt(message: str, kind: str) -> None:
    found = social_kind(message, "fr")
    assert found is not None and (found.kind, found.lang) == (kind, "darija")
