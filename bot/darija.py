"""Darija helpers: Arabizi -> Arabic script, and Darija -> MSA / French query expansion.

The lexicons are derived data in ``bot/data`` (built by ``ingest/build_lexicon.py``), loaded once
on first use. Keys are stored normalised (``bot.normalize``) so lookups need no further folding.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from bot.analysis import stem_arabic
from bot.language import is_french_word
from bot.normalize import normalize
from bot.types import Style

_MAX_NGRAM = 4
_TOKEN = re.compile(r"[a-z0-9]+|[\u0621-\u064a]+")
# Latin words with the apostrophe of "l'3tba" kept, plus everything in between (to rebuild text).
_WORD_OR_GAP = re.compile(r"([a-z0-9\u00e0-\u00ff\u0153]+)|([^a-z0-9\u00e0-\u00ff\u0153]+)")


@dataclass(frozen=True)
class Concept:
    id: str
    arabic: tuple[str, ...]  # Darija in Arabic script, preferred first
    msa: tuple[str, ...]
    french: tuple[str, ...]


@dataclass
class Expansion:
    arabic: str = ""  # Arabic-script rendering of Latin Darija; "" for Arabic-script input
    msa: list[str] = field(default_factory=list)
    french: list[str] = field(default_factory=list)
    concepts: list[str] = field(default_factory=list)  # ids of the recognised lexicon concepts


@dataclass(frozen=True)
class _Lexicon:
    concepts: tuple[Concept, ...]
    phrases: dict[str, tuple[int, ...]]  # normalised phrase (either script) -> concept indexes
    stems: dict[str, tuple[int, ...]]  # light Arabic stem of one-word Arabic forms -> concepts
    translit: dict[str, str]  # normalised Arabizi word -> Arabic-script word


def _split(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split("|") if v.strip())


def _data_rows(name: str) -> list[dict[str, str]]:
    path = resources.files("bot") / "data" / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def _lexicon() -> _Lexicon:
    concepts: list[Concept] = []
    phrases: dict[str, list[int]] = {}
    stems: dict[str, list[int]] = {}
    for row in _data_rows("darija_lexicon.tsv"):
        index = len(concepts)
        arabic = _split(row["arabic"])
        concepts.append(Concept(row["id"], arabic, _split(row["msa"]), _split(row["french"])))
        for form in _split(row["latin"]) + arabic:
            key = " ".join(_TOKEN.findall(normalize(form)))
            if key:
                phrases.setdefault(key, []).append(index)
        for form in arabic:
            key = normalize(form)
            if " " not in key and len(stem := stem_arabic(key)) >= 3:
                stems.setdefault(stem, []).append(index)
    translit = {normalize(r["latin"]): r["arabic"] for r in _data_rows("arabizi_words.tsv")}
    return _Lexicon(
        tuple(concepts),
        {k: tuple(dict.fromkeys(v)) for k, v in phrases.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in stems.items()},
        translit,
    )


# --- Arabizi -> Arabic: character rules (curated/arabizi_char_map.tsv, first candidates) ---------

_DIGRAPHS = {"ch": "ش", "sh": "ش", "kh": "خ", "gh": "غ", "ou": "و", "oo": "و", "th": "ت", "dh": "ض"}
_LETTERS = {
    "b": "ب", "t": "ت", "j": "ج", "d": "د", "r": "ر", "z": "ز", "s": "س", "f": "ف", "q": "ق",
    "k": "ك", "l": "ل", "m": "م", "n": "ن", "h": "ه", "w": "و", "y": "ي", "g": "ڭ", "v": "ڤ",
    "p": "پ", "x": "ش", "c": "ك", "3": "ع", "7": "ح", "9": "ق", "2": "ء", "5": "خ", "8": "ه",
    "6": "ط", "a": "ا", "i": "ي", "o": "و", "u": "و", "e": "",
}  # fmt: skip
_FRENCH_ARTICLES = frozenset({"la", "le", "les", "de", "des", "du", "l", "d"})
_SUN = set("tdrzsnl") | {"ch"}
_VOWELS = set("aeiou")


def _unit_at(word: str, i: int) -> str:
    pair = word[i : i + 2]
    return pair if pair in _DIGRAPHS else word[i]


def _units(word: str) -> list[str]:
    units: list[str] = []
    i = 0
    while i < len(word):
        unit = _unit_at(word, i)
        if not units or unit != units[-1] or unit in _VOWELS:
            units.append(unit)  # a doubled consonant is gemination: one letter in Arabic script
        i += len(unit)
    return units


def _transliterate_word(word: str) -> str:
    """Rule-based fallback for one normalised Arabizi word."""
    out: list[str] = []
    units = _units(word)
    start = 0
    # Definite article: l + consonant (lbtaka -> البطاقة) or a doubled sun letter (ddar -> الدار).
    if len(word) > 3 and word[0] == "l" and word[1] not in _VOWELS:
        out.append("ال")
        start = 1
    elif len(word) > 3 and word[0] == word[1] and word[0] in _SUN:
        out.append("ال")
    for pos in range(start, len(units)):
        unit = units[pos]
        first, last = pos == start, pos == len(units) - 1
        if unit in _DIGRAPHS:
            out.append(_DIGRAPHS[unit])
        elif unit in _VOWELS:
            if first:
                out.append("ا" if unit in "aei" else "او")
            elif last and unit == "a":
                out.append("ة" if _feminine(units) else "ا")
            elif pos > 0 and units[pos - 1] in _VOWELS:
                continue  # "ai", "ia": the vowel is already written
            else:
                out.append(_LETTERS[unit])
        elif unit == "2" and first:
            out.append("أ")
        else:
            out.append(_LETTERS.get(unit, unit))
    return "".join(out)


def _feminine(units: list[str]) -> bool:
    """Final -a is ة on nouns with three or more consonants (khdma, btaka) but ا on short function
    words and on -ya/-ha endings (daba, hna, m3aya, dyalha)."""
    consonants = [u for u in units if u not in _VOWELS]
    return len(consonants) >= 3 and units[-2] not in {"y", "h"}


def _word_to_arabic(word: str, next_is_french: bool) -> str:
    lexicon = _lexicon()
    if word in lexicon.translit:
        return lexicon.translit[word]
    if word.isdigit() or is_french_word(word) or (word in _FRENCH_ARTICLES and next_is_french):
        return word  # French inside Darija stays Latin
    return _transliterate_word(word)


def arabizi_to_arabic(text: str) -> str:
    """Arabizi (Latin Darija) to Arabic script: lexicon first, character rules as a fallback.
    French words stay in Latin letters; Arabic-script text passes through (normalised)."""
    parts = _WORD_OR_GAP.findall(normalize(text))
    words = [w for w, _ in parts if w]
    out: list[str] = []
    k = 0
    for word, gap in parts:
        if not word:
            out.append(gap)
            continue
        k += 1
        next_is_french = k < len(words) and is_french_word(words[k])
        out.append(_word_to_arabic(word, next_is_french))
    return "".join(out)


def _match(tokens: list[str]) -> list[int]:
    """Greedy longest n-gram match of lexicon phrases; single Arabic words also match by stem."""
    lexicon = _lexicon()
    found: list[int] = []
    i = 0
    while i < len(tokens):
        for n in range(min(_MAX_NGRAM, len(tokens) - i), 0, -1):
            hits = lexicon.phrases.get(" ".join(tokens[i : i + n]))
            if hits:
                found.extend(hits)
                i += n
                break
        else:
            stem = stem_arabic(tokens[i]) if "\u0621" <= tokens[i][0] <= "\u064a" else ""
            found.extend(lexicon.stems.get(stem, ()))
            i += 1
    return list(dict.fromkeys(found))


def expand(text: str, style: Style) -> Expansion:
    """MSA and French equivalents of the Darija words recognised in ``text`` (for retrieval), and
    the Arabic-script rendering of Latin Darija. Empty for "fr" and "ar" styles."""
    if style in ("fr", "ar"):
        return Expansion()
    lexicon = _lexicon()
    found = _match(_TOKEN.findall(normalize(text)))
    msa: dict[str, None] = {}
    french: dict[str, None] = {}
    for index in found:
        concept = lexicon.concepts[index]
        msa.update(dict.fromkeys(concept.msa))
        french.update(dict.fromkeys(concept.french))
    arabic = arabizi_to_arabic(text) if style in ("arabizi", "mixed") else ""
    return Expansion(arabic, list(msa), list(french), [lexicon.concepts[i].id for i in found])


__all__ = ["Concept", "Expansion", "arabizi_to_arabic", "expand"]
