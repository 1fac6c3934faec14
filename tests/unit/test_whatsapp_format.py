"""Answers shaped for WhatsApp: its markup, its size limits, its buttons and lists, always a source."""

from __future__ import annotations

import pytest

from bot.channels.whatsapp.format import (
    BUTTON_TITLE_LIMIT,
    INTERACTIVE_BODY_LIMIT,
    ROW_TITLE_LIMIT,
    TEXT_LIMIT,
    answer_replies,
    choices_reply,
    details_replies,
    split_text,
    to_whatsapp,
)
from bot.channels.whatsapp.graph import message_payload
from bot.texts import NATIONAL_PORTAL
from bot.types import Answer, AnswerStatus, Option, Reply, Source


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("### Renouvellement du passeport", "*Renouvellement du passeport*"),
        ("## **Titre** gras", "*Titre gras*"),
        ("**Frais** : 200 DH", "*Frais* : 200 DH"),
        ("__Délai__ : 1 mois", "*Délai* : 1 mois"),
        ("un *mot* en italique", "un _mot_ en italique"),
        ("_déjà italique_", "_déjà italique_"),
        ("[Portail CNIE](https://www.cnie.ma)", "Portail CNIE: https://www.cnie.ma"),
        ("[https://www.cnie.ma](https://www.cnie.ma)", "https://www.cnie.ma"),
        ("[www.cnie.ma](https://www.cnie.ma/)", "https://www.cnie.ma/"),
        ("* un\n* deux", "- un\n- deux"),
        ("1. un\n2. deux", "1. un\n2. deux"),
        ("a\n\n\n\nb", "a\n\nb"),
        ("**المصدر**: [بوابة](https://www.cnie.ma)", "*المصدر*: بوابة: https://www.cnie.ma"),
    ],
)
def test_markdown_to_whatsapp(markdown: str, expected: str) -> None:
    assert to_whatsapp(markdown) == expected


def test_split_keeps_paragraphs_whole_and_every_part_under_the_limit() -> None:
    paragraphs = [(f"Paragraphe {i} " + "mot " * 300).strip() for i in range(12)]  # ~1,200 chars each
    text = "\n\n".join(paragraphs)
    parts = split_text(text)
    assert len(parts) > 1 and all(len(p) <= TEXT_LIMIT for p in parts)
    assert "\n\n".join(parts).split("\n\n") == paragraphs  # nothing lost, no paragraph cut


def test_split_falls_back_to_lines_words_then_characters() -> None:
    lines = "\n".join("ligne " * 100 for _ in range(20))  # one paragraph of 12,000 chars
    assert all(len(p) <= TEXT_LIMIT for p in split_text(lines))
    words = "mot " * 3000
    assert all(len(p) <= TEXT_LIMIT for p in split_text(words))
    assert "".join(split_text("x" * 10000)) == "x" * 10000
    assert split_text("   ") == [] and split_text("court") == ["court"]


def _answer(**kw: object) -> Answer:
    base: dict[str, object] = {
        "status": AnswerStatus.ANSWERED,
        "language": "fr",
        "text": "### Passeport\n\n**Frais** : voir la page.",
        "sources": [Source("passport-renewal", "Passeport", "https://www.passeport.ma")],
    }
    base.update(kw)
    return Answer(**base)  # type: ignore[arg-type]


def test_every_answer_carries_its_official_link() -> None:
    [reply] = answer_replies(_answer())
    assert reply.kind == "text" and "https://www.passeport.ma" in reply.text
    assert reply.text.startswith("*Passeport*")
    already = answer_replies(_answer(text="Voir [le portail](https://www.passeport.ma)."))
    assert already[0].text.count("https://www.passeport.ma") == 1
    abstained = answer_replies(_answer(status=AnswerStatus.OUT_OF_SCOPE, text="Hors sujet.", sources=[]))
    assert NATIONAL_PORTAL in abstained[0].text


def test_a_long_answer_is_split_and_the_link_is_in_the_last_part() -> None:
    long_text = "\n\n".join("Étape " + "détail " * 150 for _ in range(8))
    replies = answer_replies(_answer(text=long_text))
    assert len(replies) >= 2 and all(len(r.text) <= TEXT_LIMIT for r in replies)
    assert "https://www.passeport.ma" in replies[-1].text


def test_short_options_become_reply_buttons() -> None:
    options = [Option("cnie-renewal", "Renouveler la CNIE"), Option("cnie-first", "Première CNIE")]
    reply = choices_reply("Laquelle ?", options, "fr")
    assert reply.kind == "buttons"
    assert [(c.id, c.title) for c in reply.choices] == [
        ("cnie-renewal", "Renouveler la CNIE"),
        ("cnie-first", "Première CNIE"),
    ]
    payload = message_payload("212600000000", reply)
    assert payload["interactive"]["type"] == "button"
    buttons = payload["interactive"]["action"]["buttons"]
    assert len(buttons) <= 3 and all(len(b["reply"]["title"]) <= BUTTON_TITLE_LIMIT for b in buttons)


def test_long_or_many_options_become_a_list_within_limits() -> None:
    options = [Option(f"proc-{i}", f"Renouvellement de la carte nationale d'identité n°{i}") for i in range(12)]
    reply = choices_reply("Laquelle ?", options, "darija")
    assert reply.kind == "list" and len(reply.choices) == 10 and reply.button == "ختار"
    assert all(len(c.title) <= ROW_TITLE_LIMIT and len(c.description) <= 72 for c in reply.choices)
    assert reply.choices[0].description.startswith("Renouvellement de la carte nationale")
    payload = message_payload("212600000000", reply)
    rows = payload["interactive"]["action"]["sections"][0]["rows"]
    assert payload["interactive"]["type"] == "list" and [r["id"] for r in rows][:2] == ["proc-0", "proc-1"]


def test_a_clarification_is_one_interactive_message_with_the_links() -> None:
    answer = _answer(
        status=AnswerStatus.CLARIFICATION,
        text="Laquelle ?\n\n- [Renouveler la CNIE](https://www.cnie.ma)\n- [Première CNIE](https://www.cnie.ma)",
        options=[Option("cnie-renewal", "Renouveler la CNIE"), Option("cnie-first", "Première CNIE")],
        sources=[Source("cnie-renewal", "Renouveler la CNIE", "https://www.cnie.ma")],
    )
    [reply] = answer_replies(answer)
    assert reply.kind == "buttons" and "https://www.cnie.ma" in reply.text
    assert len(reply.text) <= INTERACTIVE_BODY_LIMIT


def test_a_clarification_too_long_for_one_body_sends_the_text_then_asks() -> None:
    links = "\n".join(f"- [Démarche {i} " + "x" * 60 + f"](https://www.cnie.ma/{i})" for i in range(15))
    answer = _answer(
        status=AnswerStatus.CLARIFICATION,
        text=f"Votre question peut concerner plusieurs démarches. Laquelle vous intéresse ?\n\n{links}",
        options=[Option(f"p{i}", f"Démarche {i}") for i in range(3)],
        sources=[],
    )
    replies = answer_replies(answer)
    assert [r.kind for r in replies] == ["text", "buttons"]
    assert len(replies[-1].text) <= INTERACTIVE_BODY_LIMIT


def test_a_social_reply_offers_its_procedures_as_buttons_without_a_link() -> None:
    options = [Option("cnie-renewal", "تجديد البطاقة"), Option("passport-renewal", "تجديد الجواز")]
    answer = _answer(status=AnswerStatus.SOCIAL, language="darija", text="أهلا وسهلا!", options=options, sources=[])
    [reply] = answer_replies(answer)
    assert reply.kind == "buttons" and [c.id for c in reply.choices] == ["cnie-renewal", "passport-renewal"]
    assert reply.text == "أهلا وسهلا!"


def test_a_darija_answer_offers_french_with_a_button() -> None:
    french = "بغيتي هاد الجواب بالفرنسية؟ اختار «Français»."
    answer = _answer(language="darija", text=f"### تجديد\n\nالمصدر: https://www.passeport.ma\n\n_{french}_")
    replies = answer_replies(answer)
    assert french not in replies[0].text
    assert replies[-1] == Reply(french, "buttons", replies[-1].choices)
    assert [(c.id, c.title) for c in replies[-1].choices] == [("fr:passport-renewal", "Français")]


def test_reply_round_trips_through_the_outbox_json() -> None:
    reply = choices_reply("Laquelle ?", [Option("a", "Un"), Option("b", "Deux")], "ar")
    assert Reply.from_json(reply.to_json()) == reply


def test_an_answer_with_details_is_one_message_with_the_details_button() -> None:
    [reply] = answer_replies(_answer(text="**Frais** : 20 DH", details="### Passeport\n\nTout le détail."))
    assert reply.kind == "buttons" and reply.text.startswith("*Frais* : 20 DH")
    assert "https://www.passeport.ma" in reply.text
    assert [(c.id, c.title) for c in reply.choices] == [("details:passport-renewal", "Plus de détails")]
    darija = answer_replies(_answer(language="darija", text="**شحال خاصك تخلص**: 20 درهم", details="### جواز"))
    assert [(c.id, c.title) for c in darija[0].choices] == [
        ("details:passport-renewal", "تفاصيل"),
        ("fr:passport-renewal", "Français"),
    ]
    card = details_replies(_answer(details="### Passeport\n\n**Frais** : 20 DH"))
    assert [r.kind for r in card] == ["text"] and card[0].text.startswith("*Passeport*")


def test_a_short_answer_too_long_for_a_button_body_sends_the_text_then_the_button() -> None:
    replies = answer_replies(_answer(text="détail " * 300, details="### Passeport"))
    assert [r.kind for r in replies] == ["text", "buttons"] and len(replies[-1].text) <= INTERACTIVE_BODY_LIMIT
