"""A turn that points back with a pronoun stays on the conversation's procedure (bot/understand/pointing.py)."""

from __future__ import annotations

import pytest

from bot.understand.pointing import points_back


@pytest.mark.parametrize(
    "message",
    [
        "wach khassha tkon jdida ola l9dima tkfi?",
        "bghit ndirha lyoum",
        "ch7al fiha dyal lwa9t?",
        "comment la renouveler ?",
        "est-elle valable partout ?",
        "نديرها فين؟",
        "هل يمكن تجديدها عبر الإنترنت؟",
    ],
)
def test_a_pronoun_on_a_verb_or_a_preposition_points_back(message: str) -> None:
    assert points_back(message)


@pytest.mark.parametrize(
    "message",
    [
        "quel temps fera-t-il demain ?",
        "bonjour, la carte grise de ma voiture",
        "ana ghadi nsafer",
        "takhod chi wa9t?",
        "وإذا امتنعت إدارة عن الرد على مراسلاتي، أين أشتكي؟",
        "شنو هيا الوثائق اللازمة؟",
        "bghit nsokha dyal l3a9d",  # a copy: "kh" is one letter, no "-ha" pronoun
    ],
)
def test_a_question_without_a_pronoun_does_not(message: str) -> None:
    assert not points_back(message)


def test_ca_before_a_verb_points_back_but_not_an_ok() -> None:
    assert points_back("ça coûte combien ?")
    assert not points_back("ça marche merci")
