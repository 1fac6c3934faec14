"""Ask between close neighbours, or not: when the message does not settle which of a few close
procedures it means, Dalil asks with options instead of picking one.

- **Families** (knowledge files' ``family`` / ``variant``: passport, cnie, driving licence, carte grise):
  when the best hits belong to one family, the message's variant words decide ("renouveler",
  "njdded", "ضاع", "awel merra", an age under 18: ``bot.understand.variants``); without any, a short
  message (``DALIL_CLARIFY_MAX_WORDS``) gets a question with every variant of the family as an option.
- **Near ties**: a short message that matches a few procedures almost equally ("cnss", "attestation
  fiscale").
- **A document not named**: "un papier du consulat", "chi wra9a", "وثيقة تثبت…", "بغيت شهادة".
- **One or the other**: "une société wla auto-entrepreneur".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.search.served import KnowledgeBase
from bot.types import Hit
from bot.understand.aspects import detect_aspects
from bot.understand.normalize import normalize
from bot.understand.variants import named_variant, variant_cues

# Nouns that name no document in particular; after an indefinite article, "some", or alone in Arabic.
_GENERIC = "papier|papiers|document|attestation|certificat|wra9a|wra9|war9a|wer9a|ورقه|وثيقه|شهاده|وراق"
_NO_DOCUMENT_NAMED = re.compile(
    rf"(?<!\w)(?:(?:un|une|des|d' un|d' une|chi|شي)\s+(?:{_GENERIC})(?!\w)"
    r"|(?:ورقه|وثيقه|شهاده)(?=\s+(?:من|تثبت|تبين|كتبين|ل|على|عن)(?!\w)|\s*[?؟.!]*$))"
)
_OR = re.compile(r"(?<!\w)(?:wla|ولا|او|ou bien|ou alors)(?!\w)")
# "X or Y" names two procedures when the second is about as good a match and matches by its names.
OR_SCORE_RATIO = 0.6
OR_MIN_NAMES = 2.0


@dataclass(frozen=True)
class Neighbours:
    """What the message says about close procedures: ``ask`` between options, or ``choose`` one."""

    ask: tuple[str, ...] = ()
    choose: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class ClarifyLimits:
    """From the settings (``DALIL_CLARIFY_*``)."""

    tie_ratio: float  # a hit within this share of the top's score is a tie
    max_words: int  # content words of a message short enough to be a bare name
    candidate_ratio: float  # options offered for "a document" come within this share of the top
    max_options: int


def _ordered(family: dict[str, str], hits: list[Hit]) -> tuple[str, ...]:
    """A family's procedures, those the search ranked first first."""
    rank = {h.procedure_id: i for i, h in enumerate(hits)}
    return tuple(sorted(family.values(), key=lambda pid: rank.get(pid, len(rank))))


def between_neighbours(
    message: str, words: int, hits: list[Hit], kb: KnowledgeBase, limits: ClarifyLimits
) -> Neighbours:
    """Whether to ask, which procedure a variant word names, or nothing to say (``Neighbours()``)."""
    if not hits:
        return Neighbours()
    top = hits[0]
    family = kb.family(top.procedure_id)
    if family and sum(h.procedure_id in family.values() for h in hits[:3]) >= 2:
        variant = named_variant(variant_cues(message), set(family))
        if variant is not None:
            return Neighbours(choose=family[variant], reason=f"variant:{variant}")
        if words <= limits.max_words:  # a longer message says more than the family's noun: let search decide
            return Neighbours(ask=_ordered(family, hits)[: limits.max_options], reason="family")
        return Neighbours()
    text = normalize(message)
    within = [h.procedure_id for h in hits[1 : limits.max_options] if h.score >= limits.tie_ratio * top.score]
    if words <= limits.max_words and within:
        return Neighbours(ask=(top.procedure_id, *within), reason="tie")
    if words <= 2 * limits.max_words and _NO_DOCUMENT_NAMED.search(text):
        close = [h.procedure_id for h in hits[1 : limits.max_options] if h.score >= limits.candidate_ratio * top.score]
        if close:
            return Neighbours(ask=(top.procedure_id, *close), reason="no_document_named")
    if words <= 2 * limits.max_words and _OR.search(text) and not detect_aspects(message) and len(hits) > 1:
        second = hits[1]
        if second.score >= OR_SCORE_RATIO * top.score and second.names >= OR_MIN_NAMES:
            return Neighbours(ask=(top.procedure_id, second.procedure_id), reason="one_or_the_other")
    return Neighbours()
