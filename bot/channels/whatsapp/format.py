"""Dalil's Markdown answers -> messages WhatsApp renders well and accepts.

WhatsApp has its own light markup (``*bold*``, ``_italic_``, ``- `` lists) and no link syntax: links are
shown as plain URLs, which it makes clickable. Text messages are limited to 4,096 characters, the body of
an interactive message to 1,024, reply buttons to 3 with 20-character titles, lists to 10 rows with
24-character titles (Cloud API reference, "Interactive messages")."""

from __future__ import annotations

import re

from bot.texts import NATIONAL_PORTAL, say
from bot.types import Answer, AnswerLang, AnswerStatus, Choice, Option, Reply

TEXT_LIMIT = 4096
INTERACTIVE_BODY_LIMIT = 1024
MAX_BUTTONS = 3
BUTTON_TITLE_LIMIT = 20
MAX_ROWS = 10
ROW_TITLE_LIMIT = 24
ROW_DESCRIPTION_LIMIT = 72
LIST_BUTTON_LIMIT = 20
ID_LIMIT = 200

_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_ITALIC_STAR = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])")
_STAR_BULLET = re.compile(r"^(\s*)[*+]\s+", re.MULTILINE)


def to_whatsapp(markdown: str) -> str:
    text = markdown.replace("\r\n", "\n")
    text = _STAR_BULLET.sub(r"\1- ", text)  # "* item" would open a bold run in WhatsApp
    text = _ITALIC_STAR.sub(r"_\1_", text)  # Markdown *italic* is WhatsApp _italic_
    text = _LINK.sub(_plain_link, text)
    text = _HEADING.sub(lambda m: f"*{_unbold(m.group(1))}*", text)
    text = _BOLD.sub(lambda m: f"*{m.group(1) or m.group(2)}*", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _plain_link(match: re.Match[str]) -> str:
    label, url = match.group(1).strip(), match.group(2)
    if label == url or label.rstrip("/") in url:
        return url
    return f"{label}: {url}"


def _unbold(text: str) -> str:
    return text.replace("**", "").replace("__", "")


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Split on paragraph boundaries, then lines, then spaces; cut a word only when it alone is too long."""
    text = text.strip()
    if len(text) <= limit:
        return [text] if text else []
    for separator in ("\n\n", "\n", " "):
        pieces = text.split(separator)
        if len(pieces) == 1:
            continue
        chunks: list[str] = []
        current = ""
        for piece in pieces:
            candidate = f"{current}{separator}{piece}" if current else piece
            if len(candidate) <= limit:
                current = candidate
                continue
            chunks.append(current)
            if len(piece) <= limit:
                current = piece
            else:  # this piece alone is too long: split it at the next, finer boundary
                chunks.extend(split_text(piece, limit))
                current = ""
        chunks.append(current)
        return [c.strip() for c in chunks if c.strip()]
    return [text[i : i + limit] for i in range(0, len(text), limit)]


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def with_sources(text: str, answer: Answer, lang: AnswerLang) -> str:
    """Every answer names an official page: the sources' URLs, or the national portal for abstentions
    (a greeting's reply names none: nothing was asked yet)."""
    missing = [s.url for s in answer.sources if s.url and s.url not in text]
    if missing:
        text += f"\n\n*{say('source', lang)}* : " + " · ".join(dict.fromkeys(missing))
    elif not answer.sources and "http" not in text and answer.status is not AnswerStatus.SOCIAL:
        text += f"\n\n{NATIONAL_PORTAL}"
    return text


def choices_reply(body: str, options: list[Option], lang: AnswerLang) -> Reply:
    """Reply buttons when every title fits a button; otherwise a list whose rows carry the full title."""
    options = options[:MAX_ROWS]
    body = shorten(body, INTERACTIVE_BODY_LIMIT) if len(body) > INTERACTIVE_BODY_LIMIT else body
    titles = [" ".join(o.title.split()) for o in options]
    if (
        len(options) <= MAX_BUTTONS
        and all(len(t) <= BUTTON_TITLE_LIMIT for t in titles)
        and len(set(titles)) == len(titles)
    ):
        return Reply(body, "buttons", tuple(Choice(o.id[:ID_LIMIT], t) for o, t in zip(options, titles, strict=True)))
    rows = tuple(
        Choice(
            o.id[:ID_LIMIT],
            shorten(t, ROW_TITLE_LIMIT),
            shorten(t, ROW_DESCRIPTION_LIMIT) if len(t) > ROW_TITLE_LIMIT else "",
        )
        for o, t in zip(options, titles, strict=True)
    )
    return Reply(body, "list", rows, say("list_button", lang)[:LIST_BUTTON_LIMIT])


FRENCH_PREFIX = "fr:"  # reply id of the "Français" button under a Darija answer: "fr:<procedure id>"
DETAILS_PREFIX = "details:"  # reply id of the "Plus de détails" button: "details:<procedure id>"


def _with_buttons(text: str, buttons: list[Choice], lang: AnswerLang) -> list[Reply]:
    """The answer and its buttons in one message when it fits an interactive body, else the text then
    a short prompt carrying the buttons."""
    if len(text) <= INTERACTIVE_BODY_LIMIT:
        return [Reply(text, "buttons", tuple(buttons))]
    return [*(Reply(part) for part in split_text(text)), Reply(say("details_prompt", lang), "buttons", tuple(buttons))]


HEARD_PREFIX = "heard:"  # reply id of "Yes" under "I understood «…». Is that right?": "heard:<inbox row id>"
RETYPE_ID = "heard-retype"  # reply id of "I'll type it"


def answer_replies(answer: Answer, prefix: str = "") -> list[Reply]:
    """The messages that carry one answer: text parts, and the choices of a clarification."""
    lang = answer.language
    body = answer.text
    french = say("french_version", "darija")
    offer_french = lang == "darija" and answer.status is AnswerStatus.ANSWERED and bool(answer.sources)
    if offer_french:
        # The web page has a «Français» button under Darija answers; on WhatsApp it is a reply button.
        body = body.replace(f"_{french}_", "").replace(french, "")
    text = with_sources(to_whatsapp(body), answer, lang)
    if prefix:
        text = f"{prefix}\n\n{text}"
    # A clarification's options, or the procedures a social reply offers to start from: buttons.
    if answer.status in (AnswerStatus.CLARIFICATION, AnswerStatus.SOCIAL) and answer.options:
        if len(text) <= INTERACTIVE_BODY_LIMIT:
            return [choices_reply(text, answer.options, lang)]
        # The list of links does not fit an interactive body: send it first, then ask.
        prompt = say("clarify", lang)
        return [*(Reply(part) for part in split_text(text)), choices_reply(prompt, answer.options, lang)]
    if answer.status is AnswerStatus.ANSWERED and answer.details and answer.sources:
        # The short answer, with the card one tap away (and, under Darija, the same answer in French).
        pid = answer.sources[0].id
        buttons = [Choice(DETAILS_PREFIX + pid, say("details_button", lang))]
        if offer_french:
            buttons.append(Choice(FRENCH_PREFIX + pid, say("french_button", lang)))
        return _with_buttons(text, buttons, lang)
    replies = [Reply(part) for part in split_text(text)]
    if offer_french:
        button = Choice(FRENCH_PREFIX + answer.sources[0].id, say("french_button", lang))
        replies.append(Reply(french, "buttons", (button,)))
    return replies


def details_replies(answer: Answer) -> list[Reply]:
    """The card behind a short answer (what the details button sends), in text messages."""
    french = say("french_version", "darija")
    card = answer.details.replace(f"_{french}_", "").replace(french, "")
    return [Reply(part) for part in split_text(with_sources(to_whatsapp(card), answer, answer.language))]


def confirm_replies(answer: Answer, row_id: int) -> list[Reply]:
    """ "I understood «…». Is that right?" with Yes (answers the stored transcript) and Retype buttons."""
    lang = answer.language
    body = shorten(to_whatsapp(answer.text), INTERACTIVE_BODY_LIMIT)
    yes = Choice(f"{HEARD_PREFIX}{row_id}", say("confirm_yes", lang)[:BUTTON_TITLE_LIMIT])
    retype = Choice(RETYPE_ID, say("confirm_retype", lang)[:BUTTON_TITLE_LIMIT])
    return [Reply(body, "buttons", (yes, retype))]


def plain_replies(text: str) -> list[Reply]:
    return [Reply(part) for part in split_text(to_whatsapp(text))]
