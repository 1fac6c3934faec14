"""Conversation basics: which messages are only social, of which kind, and in which language."""

from __future__ import annotations

import pytest

from bot.understand.social import social_kind, without_social


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
    ],
)
def test_messages_that_ask_something_are_not_social(message: str) -> None:
    assert social_kind(message, "fr") is None


def test_greetings_are_taken_out_for_search() -> None:
    assert without_social("Salam, kifach njdded lbtaka?") == "kifach njdded lbtaka"
    assert without_social("salam") == "salam"
