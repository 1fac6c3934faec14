"""What an answer shows, written only from the knowledge base: the short answer first (``short.py``),
the full procedure card behind it (``details``), and which facts were quoted, with their sources.

Fields the knowledge base lacks are never guessed: a line sends the citizen to the official page.
Each fact or item supported only by a paraphrase or the press carries "to be confirmed".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.answer.short import items_block, short_answer, shown
from bot.knowledge.schema import Fact, Procedure
from bot.texts import pick, say
from bot.types import AnswerLang
from bot.understand.aspects import CARD_ASPECTS, Aspect


def _section(proc: Procedure, name: str, lang: AnswerLang) -> str:
    value = getattr(proc, name)
    if isinstance(value, list):
        return items_block(say(name, lang), value, lang, numbered=name == "steps")
    return f"**{say(name, lang)}**{say('colon', lang)}{shown(value, lang)}"


def _missing(aspect: str, lang: AnswerLang) -> str:
    return f"**{say(aspect, lang)}**{say('colon', lang)}{say(f'missing_{aspect}', lang)}"


def source_line(proc: Procedure, lang: AnswerLang) -> str:
    links = " · ".join(f"[{pick(link.label, lang)}]({link.url})" for link in proc.official_urls)
    return (
        f"**{say('source', lang)}**{say('colon', lang)}{links} — {say('verified', lang)} {proc.verified_on.isoformat()}"
    )


def card(proc: Procedure, lang: AnswerLang) -> str:
    """The full card: what it is, who, documents, steps, fees, delay, where, online, notes, sources."""
    parts: list[str] = []
    if lang == "darija":
        parts.append(say("darija_intro", lang))
    parts.append(f"### {pick(proc.title, lang)}")
    parts.append(shown(proc.summary, lang))
    parts.append(f"**{say('who', lang)}**{say('colon', lang)}{shown(proc.audience, lang)}")
    parts.extend(_section(proc, aspect, lang) for aspect in CARD_ASPECTS if getattr(proc, aspect) is not None)
    parts.extend(_missing(a, lang) for a in ("documents", "fees", "delay") if getattr(proc, a) is None)
    if proc.notes is not None:
        parts.append(_section(proc, "notes", lang))
    parts.append(source_line(proc, lang))
    if lang == "darija":
        parts.append(f"_{say('french_version', lang)}_")
    return "\n\n".join(p for p in parts if p)


def see_also(others: list[Procedure], lang: AnswerLang) -> str:
    if not others:
        return ""
    links = "\n".join(f"- [{pick(p.title, lang)}]({p.primary_url})" for p in others)
    return f"**{say('see_also', lang)}**\n{links}"


@dataclass(frozen=True)
class Composed:
    text: str  # the short answer
    details: str  # the card, then close relatives worth a look
    # Every fact the short answer quotes, with its sources: any item of any answer traces to a source.
    quoted: list[dict[str, object]] = field(default_factory=list)


def _trace(proc: Procedure, name: str, index: int, fact: Fact) -> dict[str, object]:
    return {"procedure": proc.id, "field": name, "item": index, "sources": list(fact.sources), "tier": fact.tier}


def same_for_all(variants: list[Procedure], lang: AnswerLang) -> str:
    """The variants of a family an answer holds for, each linked: the citizen picks one for the rest."""
    if not variants:
        return ""
    links = "\n".join(f"- [{pick(p.title, lang)}]({p.primary_url})" for p in variants)
    return f"**{say('short_same_for_all', lang)}**{say('colon', lang).rstrip()}\n{links}"


def compose_answer(
    main: Procedure,
    others: list[Procedure],
    lang: AnswerLang,
    aspects: tuple[Aspect, ...],
    variants: list[Procedure] | None = None,
) -> Composed:
    """``variants``: the family's procedures the asked fact is the same in, listed after it."""
    short = short_answer(main, lang, aspects)
    text = "\n\n".join(p for p in (short.text, same_for_all(variants or [], lang)) if p)
    details = "\n\n".join(p for p in (card(main, lang), see_also(others, lang)) if p)
    return Composed(text, details, [_trace(main, name, i, fact) for name, i, fact in short.quoted])
