"""Procedure cards in Markdown, written only from the knowledge base.

Fields the knowledge base lacks are never guessed: a line sends the citizen to the official page.
"""

from __future__ import annotations

from typing import Literal

from bot.canned import label, text
from bot.types import AnswerLang
from ingest.schema import Procedure, Text, TextList

Aspect = Literal["documents", "steps", "fees", "delay", "where", "online"]
ASPECTS: tuple[Aspect, ...] = ("documents", "steps", "fees", "delay", "where", "online")


def facts_lang(lang: AnswerLang) -> Literal["fr", "ar"]:
    # Darija answers carry the procedure facts in Arabic script (MSA), as reviewed in the KB.
    return "fr" if lang == "fr" else "ar"


def _one(field: Text | None, lang: AnswerLang) -> str | None:
    return getattr(field, facts_lang(lang)) if field is not None else None


def _many(field: TextList | None, lang: AnswerLang) -> list[str]:
    return list(getattr(field, facts_lang(lang))) if field is not None else []


def _section(proc: Procedure, aspect: Aspect | str, lang: AnswerLang) -> str:
    heading = f"**{label(aspect, lang)}**"
    field = getattr(proc, aspect)
    if isinstance(field, TextList):
        items = _many(field, lang)
        bullets = (
            [f"{i}. {item}" for i, item in enumerate(items, 1)]
            if aspect == "steps"
            else [f"- {item}" for item in items]
        )
        return "\n".join([heading, *bullets])
    sep = " : " if lang == "fr" else ": "
    return f"{heading}{sep}{_one(field, lang)}"


def _missing(aspect: str, lang: AnswerLang) -> str:
    sep = " : " if lang == "fr" else ": "
    return f"**{label(aspect, lang)}**{sep}{label('missing', lang)}"


def source_line(proc: Procedure, lang: AnswerLang) -> str:
    fl = facts_lang(lang)
    links = " · ".join(f"[{getattr(link.label, fl)}]({link.url})" for link in proc.official_urls)
    sep = " : " if lang == "fr" else ": "
    return (
        f"**{label('source', lang)}**{sep}{links} — {label('verified', lang)} {proc.verified_on.isoformat()}"
    )


def _aspect_block(proc: Procedure, aspect: Aspect, lang: AnswerLang) -> str:
    return _section(proc, aspect, lang) if getattr(proc, aspect) is not None else _missing(aspect, lang)


def card(proc: Procedure, lang: AnswerLang, focus: Aspect | None = None) -> str:
    """The full card, or — for a follow-up about one aspect — that aspect first, then the essentials."""
    fl = facts_lang(lang)
    parts: list[str] = []
    if lang == "darija":
        parts.append(text("darija_intro", lang))
    parts.append(f"### {getattr(proc.title, fl)}")
    if focus is not None:
        parts.append(_aspect_block(proc, focus, lang))
        if focus in ("fees", "delay") and getattr(proc, focus) is None and proc.notes is not None:
            parts.append(_section(proc, "notes", lang))
    else:
        parts.append(getattr(proc.summary, fl))
        parts.append(f"**{label('who', lang)}**{' : ' if lang == 'fr' else ': '}{getattr(proc.audience, fl)}")
        for aspect in ASPECTS:
            if getattr(proc, aspect) is not None:
                parts.append(_section(proc, aspect, lang))
        absent = [a for a in ("documents", "fees", "delay") if getattr(proc, a) is None]
        parts.extend(_missing(a, lang) for a in absent)
        if proc.notes is not None:
            parts.append(_section(proc, "notes", lang))
    parts.append(source_line(proc, lang))
    if lang == "darija":
        parts.append(f"_{text('french_version', lang)}_")
    return "\n\n".join(p for p in parts if p)
