"""The Darija lexicon as the service reads it: concepts (Darija in both scripts, MSA and French forms),
their phrases and stems, and the Arabizi spellings of Arabic-script words. Derived data in ``bot/data``
(built by ``ingest/lexicon.py``), loaded once on first use. Keys are stored normalised
(``normalize.py``) so lookups need no further folding."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from bot.understand.analysis import STOP_WORDS, stem_arabic
from bot.understand.normalize import normalize

MAX_NGRAM = 4
TOKEN = re.compile(r"[a-z0-9]+|[\u0621-\u064a]+")


@dataclass(frozen=True)
class Concept:
    id: str
    arabic: tuple[str, ...]  # Darija in Arabic script, preferred first
    msa: tuple[str, ...]
    french: tuple[str, ...]
    expands: bool = True  # False for grammar words (dyal, had, m3a): their equivalents are noise


@dataclass(frozen=True)
class Lexicon:
    concepts: tuple[Concept, ...]
    phrases: dict[str, tuple[int, ...]]  # normalised phrase (either script) -> concept indexes
    stems: dict[str, tuple[int, ...]]  # light Arabic stem of one-word Arabic forms -> concepts
    translit: dict[str, str]  # normalised Arabizi word -> Arabic-script word
    longest: dict[str, int]  # first token of a phrase -> longest phrase length starting with it


def _split(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split("|") if v.strip())


def data_rows(name: str) -> list[dict[str, str]]:
    path = resources.files("bot") / "data" / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _useful_msa(row: dict[str, str]) -> tuple[str, ...]:
    """MSA forms worth matching in Arabic-script Darija (users mix in MSA: البطاقة الوطنية). Question
    and grammar words (كم, هل, لـ) are left out: they are stop words or too ambiguous."""
    if row["type"] in ("function", "word", "translit"):
        return ()
    return tuple(m for m in _split(row["msa"]) if len(m) >= 4 and normalize(m) not in STOP_WORDS)


@cache
def lexicon() -> Lexicon:
    concepts: list[Concept] = []
    phrases: dict[str, list[int]] = {}
    stems: dict[str, list[int]] = {}
    for row in data_rows("darija_lexicon.tsv"):
        index = len(concepts)
        arabic = _split(row["arabic"])
        # Question words stay: they carry the intent (price, delay, place) that picks a section.
        expands = row["type"] != "function" or row["id"].startswith("q_")
        concepts.append(Concept(row["id"], arabic, _split(row["msa"]), _split(row["french"]), expands))
        for form in _split(row["latin"]) + arabic + _useful_msa(row):
            key = " ".join(TOKEN.findall(normalize(form)))
            if key:
                phrases.setdefault(key, []).append(index)
        for form in arabic:
            key = normalize(form)
            if " " not in key and len(stem := stem_arabic(key)) >= 3:
                stems.setdefault(stem, []).append(index)
    translit = {normalize(r["latin"]): r["arabic"] for r in data_rows("arabizi_words.tsv")}
    longest: dict[str, int] = {}
    for phrase in phrases:
        words = phrase.split()
        if len(words) <= MAX_NGRAM:
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return Lexicon(
        tuple(concepts),
        {k: tuple(dict.fromkeys(v)) for k, v in phrases.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in stems.items()},
        translit,
        longest,
    )
