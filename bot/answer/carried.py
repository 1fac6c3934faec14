"""What a conversation carries from its earlier turns: the child it was about, the fact a clarification
was asked for.

A parent who asked about a child ("بغيت نسجل ولدي فالحالة المدنية", "passeport pour ma fille") and then
asks another family's document of "him" or "her" ("ومن بعد الباسبور ديالو؟", "et sa carte d'identité ?")
asks the minor's variant of that family."""

from __future__ import annotations

import re

from bot.answer.followup import Resolution
from bot.search.served import KnowledgeBase
from bot.understand.aspects import Aspect, detect_aspects
from bot.understand.normalize import normalize
from bot.understand.variants import variant_cues

# A third person's possessive or "for him/her", in every script.
_THEIR = re.compile(
    r"(?<![\w])(?:dyalo|dyalou|dialo|dialou|dyalha|dialha|lih|liha|son|sa|ses|pour lui|pour elle|"
    r"ديالو|ديالها|ليه|ليها|له|لها)(?![\w])"
)


def carry_child(found: Resolution, message: str, earlier: list[str], kb: KnowledgeBase) -> Resolution:
    """A switch to a family with a minor's variant, asked of "his" or "her" document when an earlier turn
    named a child and this one names no other variant: the minor's variant."""
    if found.reason != "switch" or found.procedure is None:
        return found
    minor = kb.family(found.procedure).get("minor")
    if minor is None or minor == found.procedure or variant_cues(message) - {"minor"}:
        return found
    if _THEIR.search(normalize(message)) and any("minor" in variant_cues(text) for text in earlier):
        return Resolution(minor, "switch")
    return found


def carried_aspects(picked: str | None, offered: list[str], asked: str) -> tuple[Aspect, ...]:
    """The facts the clarification's question (``asked``) was asked for, when the turn picks one of its
    options (tapped, by its variant or name, or its number): "quels papiers pour la carte nationale ?" ->
    "renouvellement" opens with the renewal's papers, not its summary."""
    return detect_aspects(asked) if picked in offered else ()
