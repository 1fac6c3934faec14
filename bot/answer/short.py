"""The short answer: what was asked, first and short enough for a phone; the card is one tap away.

An aspect question (the fee, the documents, who may ask…) opens with that fact, or with the honest
"not in our base: see the official page"; a general question gets what the procedure is, its steps one
line each and where to go. Both end with the procedure's name and official link. Facts are quoted from
the knowledge base; each one supported only by a paraphrase or the press, or marked unconfirmed,
carries "to be confirmed on the official page". Framing words come from ``bot/texts.py`` (Darija in
Darija); facts stay in the knowledge base's French or MSA (:func:`bot.texts.pick`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.knowledge.schema import Fact, Procedure
from bot.texts import pick, say
from bot.types import AnswerLang
from bot.understand.aspects import Aspect
from bot.understand.normalize import normalize

# Aspects without a field of their own are found among the notes by these words (normalised).
_NOTE_CUES: dict[str, re.Pattern[str]] = {
    "validity": re.compile(r"valable|validite|valide|صالح|صلاحيه"),
    "proxy": re.compile(
        r"procuration|mandataire|representant|a sa place|pour le compte|en personne|presence|"
        r"وكاله|الوكيل|ينوب|نيابه|الممثل|شخصيا|حضور"
    ),
}
# A general answer quotes the summary whole up to this many words, else its first sentence.
SUMMARY_MAX_WORDS = 35
# With two aspects asked, the block shown first keeps at most this many characters (whole lines, or
# its first line cut at a word): the second block's first fact then starts on the first screen (350
# characters on a 360 px phone). The card keeps everything.
FIRST_BLOCK_MAX = 200


@dataclass
class Short:
    """The short text and the facts it quotes (for the trace: every item traceable to its sources)."""

    text: str
    quoted: list[tuple[str, int, Fact]] = field(default_factory=list)  # (field, index, fact)


def facts_for(proc: Procedure, aspect: Aspect) -> list[tuple[str, int, Fact]]:
    """The facts that answer ``aspect``: its field, the audience for eligibility, or the notes that
    speak of it (validity, someone acting on one's behalf). Empty when the knowledge base is silent."""
    if aspect == "eligibility":
        return [("audience", 0, proc.audience)]
    if aspect in _NOTE_CUES:
        cue = _NOTE_CUES[aspect]
        return [
            ("notes", i, note)
            for i, note in enumerate(proc.notes or [])
            if cue.search(normalize(note.fr)) or cue.search(normalize(note.ar))
        ]
    return [(aspect, i, fact) for i, fact in enumerate(proc.facts(aspect))]


def shown(fact: Fact, lang: AnswerLang) -> str:
    """A fact as quoted, with "to be confirmed" when only a weak source supports it."""
    text = " ".join(pick(fact, lang).split())
    return f"{text} _{say('to_confirm', lang)}_" if fact.weak else text


def _label(key: str, lang: AnswerLang) -> str:
    return f"**{say(key, lang)}**{say('colon', lang)}"


def _aspect_block(proc: Procedure, aspect: Aspect, lang: AnswerLang, out: Short) -> None:
    out.text += _block(proc, aspect, lang, out.quoted) + "\n"


def _block(proc: Procedure, aspect: Aspect, lang: AnswerLang, quoted: list[tuple[str, int, Fact]]) -> str:
    """One aspect's lines; the facts it quotes are added to ``quoted``."""
    facts = facts_for(proc, aspect)
    if not facts:
        return say(f"short_missing_{aspect}", lang)
    quoted.extend(facts)
    if len(facts) == 1 and aspect not in ("documents", "steps"):
        return f"{_label(f'short_{aspect}', lang)}{shown(facts[0][2], lang)}"
    return items_block(say(f"short_{aspect}", lang), [f for _, _, f in facts], lang, aspect == "steps")


def items_block(heading: str, facts: list[Fact], lang: AnswerLang, numbered: bool) -> str:
    """A list under its heading; when every item is weak, one "to be confirmed" on the heading says it
    for all of them (shorter on a phone), else each weak item carries its own."""
    marks = [f"{i}. " if numbered else "- " for i in range(1, len(facts) + 1)]
    all_weak = all(f.weak for f in facts)
    head = f"**{heading}** _{say('to_confirm', lang)}_" if all_weak else f"**{heading}**"
    items = [
        f"{m}{' '.join(pick(f, lang).split()) if all_weak else shown(f, lang)}"
        for m, f in zip(marks, facts, strict=True)
    ]
    return "\n".join([head + say("colon", lang).rstrip(), *items])


def capped(block: str, limit: int) -> str:
    """A block's first lines within ``limit`` characters, "…" when some were left out; a first line
    longer than the limit is cut at a word."""
    kept: list[str] = []
    for line in block.split("\n"):
        if sum(len(k) + 1 for k in kept) + len(line) > limit:
            if not kept:
                cut = line[: line.rfind(" ", 0, limit)] if " " in line[:limit] else line[:limit]
                kept.append(cut + "_" * (cut.count("_") % 2))  # close an emphasis the cut opened
            return "\n".join(kept) + " …"
        kept.append(line)
    return block


def _summary(proc: Procedure, lang: AnswerLang) -> str:
    text = " ".join(pick(proc.summary, lang).split())
    if len(text.split()) > SUMMARY_MAX_WORDS:
        first = re.split(r"(?<=[.!?؟])\s", text, maxsplit=1)[0]
        text = first if len(first) < len(text) else text
    return f"{text} _{say('to_confirm', lang)}_" if proc.summary.weak else text


def source_link(proc: Procedure, lang: AnswerLang) -> str:
    return f"{_label('short_source', lang)}[{pick(proc.title, lang)}]({proc.primary_url})"


def short_answer(proc: Procedure, lang: AnswerLang, aspects: tuple[Aspect, ...]) -> Short:
    """The short answer to a question about ``aspects`` of ``proc`` (none: a general question)."""
    out = Short("")
    if aspects:
        # The shorter block first: with "the documents and the fee" or "the fee and how long it stays
        # valid" (a long note), both start on the first screen (350 characters).
        blocks = sorted((_block(proc, a, lang, out.quoted) for a in aspects), key=len)
        blocks = [capped(b, FIRST_BLOCK_MAX) for b in blocks[:-1]] + blocks[-1:]
        out.text += "".join(b + "\n" for b in blocks)
        if "steps" in aspects and "where" not in aspects:  # how to do it ends with where to go
            _aspect_block(proc, "where", lang, out)
    else:
        out.text += _summary(proc, lang) + "\n"
        out.quoted.append(("summary", 0, proc.summary))
        if proc.steps:
            _aspect_block(proc, "steps", lang, out)
        _aspect_block(proc, "where", lang, out)
    out.text = out.text.strip() + "\n\n" + source_link(proc, lang)
    return out
