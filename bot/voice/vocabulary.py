"""The words Whisper should expect: what citizens call the procedures of the knowledge base, in the
script Whisper writes them (French; Arabic script for Arabic and Darija speech).

Whisper reads a short *prompt* as text said just before the note, which primes its decoder towards
those words and spellings (CNIE, carte grise, لاكارط, الباسبور). A family of procedures (the
passport, the ID card, the driving licence…) is named once, by the name its members' names contain
most, and comes first, the largest first; then each other procedure by the same rule; the Darija
lexicon adds its documents and offices in Arabic script. The recogniser keeps as many as fit its
token budget (``bot/adapters/stt.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.knowledge.schema import ARABIC_RE, Procedure
from bot.understand.lexicon import data_rows

# Lexicon concepts whose Darija forms are worth priming: the documents and offices citizens name.
LEXICON_TYPES = ("document", "institution")


def vocabulary(procedures: Iterable[Procedure]) -> dict[str, list[str]]:
    """Prompt names per Whisper language (``fr``, ``ar``), the most important first, no duplicates."""
    groups: dict[str, list[Procedure]] = {}
    for p in procedures:
        groups.setdefault(p.family or p.id, []).append(p)  # a family is named once: "permis", not each variant
    ordered = sorted(groups.values(), key=lambda g: (-len(g), g[0].family or g[0].id))
    french = [_name([p.aliases.fr for p in g]) or g[0].title.fr for g in ordered]
    arabic = [_name([_arabic(p.aliases.darija) for p in g]) for g in ordered]
    for row in data_rows("darija_lexicon.tsv"):
        if row["type"] in LEXICON_TYPES:
            arabic.append(row["arabic"].split("|")[0])
    return {"fr": _unique(french), "ar": _unique(arabic)}


def _arabic(names: list[str]) -> list[str]:
    return [n for n in names if ARABIC_RE.search(n)]


def _name(aliases: list[list[str]]) -> str:
    """What a group is called: the alias found inside most of its members' aliases ("carte grise" is
    in "duplicata carte grise", "mutation de carte grise"…), the shorter on a tie."""
    every = [a.lower() for names in aliases for a in names]
    inside = lambda a: sum(f" {a.lower()} " in f" {other} " for other in every)  # noqa: E731
    return min((a for names in aliases for a in names), key=lambda a: (-inside(a), len(a)), default="")


def _unique(names: list[str]) -> list[str]:
    kept: dict[str, str] = {}
    for name in names:
        name = " ".join(name.split())
        if name:
            kept.setdefault(name.lower(), name)
    return list(kept.values())
