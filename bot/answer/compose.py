"""Procedure cards in Markdown, written only from the knowledge base.

Fields the knowledge base lacks are never guessed: a line sends the citizen to the official page.
"""

from __future__ import annotations

from bot.knowledge.schema import Fact, Procedure
from bot.texts import pick, say
from bot.types import AnswerLang
from bot.understand.intent import ASPECTS, Aspect


def _one(field: Fact | None, lang: AnswerLang) -> str | None:
    return pick(field, lang) if field is not None else None


def _many(field: list[Fact] | None, lang: AnswerLang) -> list[str]:
    return [pick(item, lang) for item in field] if field is not None else []


def _section(proc: Procedure, aspect: Aspect | str, lang: AnswerLang) -> str:
    heading = f"**{say(aspect, lang)}**"
    field = getattr(proc, aspect)
    if isinstance(field, list):
        items = _many(field, lang)
        bullets = (
            [f"{i}. {item}" for i, item in enumerate(items, 1)]
            if aspect == "steps"
            else [f"- {item}" for item in items]
        )
        return "\n".join([heading, *bullets])
    return f"{heading}{say('colon', lang)}{_one(field, lang)}"


def _missing(aspect: str, lang: AnswerLang) -> str:
    return f"**{say(aspect, lang)}**{say('colon', lang)}{say(f'missing_{aspect}', lang)}"


def source_line(proc: Procedure, lang: AnswerLang) -> str:
    links = " · ".join(f"[{pick(link.label, lang)}]({link.url})" for link in proc.official_urls)
    return (
        f"**{say('source', lang)}**{say('colon', lang)}{links} — {say('verified', lang)} "
        f"{proc.verified_on.isoformat()}"
    )


def _aspect_block(proc: Procedure, aspect: Aspect, lang: AnswerLang) -> str:
    return _section(proc, aspect, lang) if getattr(proc, aspect) is not None else _missing(aspect, lang)


def card(proc: Procedure, lang: AnswerLang, focus: Aspect | None = None) -> str:
    """The full card, or — for a follow-up about one aspect — that aspect first, then the essentials."""
    parts: list[str] = []
    if lang == "darija":
        parts.append(say("darija_intro", lang))
    parts.append(f"### {pick(proc.title, lang)}")
    if focus is not None:
        parts.append(_aspect_block(proc, focus, lang))
        if focus in ("fees", "delay") and getattr(proc, focus) is None and proc.notes is not None:
            parts.append(_section(proc, "notes", lang))
    else:
        parts.append(pick(proc.summary, lang))
        parts.append(f"**{say('who', lang)}**{say('colon', lang)}{pick(proc.audience, lang)}")
        for aspect in ASPECTS:
            if getattr(proc, aspect) is not None:
                parts.append(_section(proc, aspect, lang))
        absent = [a for a in ("documents", "fees", "delay") if getattr(proc, a) is None]
        parts.extend(_missing(a, lang) for a in absent)
        if proc.notes is not None:
            parts.append(_section(proc, "notes", lang))
    parts.append(source_line(proc, lang))
    if lang == "darija":
        parts.append(f"_{say('french_version', lang)}_")
    return "\n\n".join(p for p in parts if p)
