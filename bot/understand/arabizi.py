"""Arabizi (Darija in Latin letters) to Arabic script: the lexicon's spellings first, character rules
as a fallback; French words inside Darija stay in Latin letters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from bot.understand.language import is_french_word
from bot.understand.lexicon import data_rows, lexicon
from bot.understand.normalize import normalize_arabic, normalize_latin

# Latin words with the apostrophe of "l'3tba" kept, plus everything in between (to rebuild text).
_LATIN_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u00ff\u0152\u0153]+")
_PIECES = re.compile(r"[A-Za-z0-9\u00c0-\u00ff\u0152\u0153]+|\s+|[^A-Za-z0-9\u00c0-\u00ff\u0152\u0153\s]+")
_SPACES = re.compile(r"\s+")

# --- Arabizi -> Arabic: character rules (after curated/arabizi_char_map.tsv) --------------------

# Plain letters and vowels (the curated map lists only the letters Arabizi writers disagree on).
_BASE = {
    "b": "ب", "t": "ت", "j": "ج", "d": "د", "r": "ر", "z": "ز", "s": "س", "f": "ف", "q": "ق",
    "k": "ك", "l": "ل", "m": "م", "n": "ن", "h": "ه", "w": "و", "y": "ي", "c": "ك", "4": "ش",
    "a": "ا", "i": "ي", "o": "و", "u": "و", "e": "", "Z": "ظ",
    "ch": "ش", "sh": "ش", "kh": "خ", "gh": "غ", "ou": "و",
}  # fmt: skip
# Digraphs read as one letter. th/dh/oo from the map are left out: they are mostly French t/d/o.
_DIGRAPHS = frozenset({"ch", "sh", "kh", "gh", "ou"})
_MAPPED_KEY = re.compile(r"[b-df-hj-np-tv-z3-9]|ch|sh|kh|gh|ou|[TSDHZ]")


@cache
def _letters() -> dict[str, str]:
    """Letter table: base letters, overridden by the first candidate of each unambiguous row of
    arabizi_char_map.tsv (digits 3 7 9 5 8 6, g v p x..., and the capital emphatics as "T")."""
    table = dict(_BASE)
    for row in data_rows("arabizi_char_map.tsv"):
        key, first = row["latin"], row["arabic_candidates"].split("|")[0]
        if _MAPPED_KEY.fullmatch(key) and len(first) == 1 and "\u0621" <= first <= "\u06ff":
            table[key] = first
    return table


# DODa convention: a capital T, S, D, Z, H inside a word is the emphatic letter (ط ص ض ظ ح).
_EMPHATIC = frozenset("tsdzh")
# Short words that are French when a French word follows ("la carte", "ma fille").
_FRENCH_ARTICLES = frozenset({"la", "le", "les", "de", "des", "du", "l", "d", "ma", "mon", "mes", "ta", "sa", "a"})
_SUN = frozenset({"t", "d", "r", "z", "s", "n", "ch"})
_VOWELS = frozenset({"a", "e", "i", "o", "u", "ou"})
# Verb-like prefixes (progressive ka-/ta-, future gha-): their final -a is ا, not ة.
_VERB_PREFIX = re.compile(r"^(?:ka|ta|gha)[nty]|^(?:kan|kay|kat|tan|tay|tat|ghan|ghat|ghay)")


@dataclass(frozen=True)
class _Unit:
    text: str  # one Latin letter or digraph, lowercased
    emphatic: bool = False
    geminate: bool = False


def _units(word: str) -> list[_Unit]:
    """Letters and digraphs; a doubled consonant becomes one geminate unit (Arabic writes it once)."""
    lower = word.lower()
    units: list[_Unit] = []
    i = 0
    while i < len(lower):
        text = lower[i : i + 2] if lower[i : i + 2] in _DIGRAPHS else lower[i]
        emphatic = i > 0 and word[i].isupper()
        prev = units[-1] if units else None
        same_case = i > 0 and word[i].isupper() == word[i - 1].isupper()
        if prev and text == prev.text and text not in _VOWELS and same_case:
            units[-1] = _Unit(text, prev.emphatic or emphatic, True)
        elif prev and text == prev.text and text == "a":
            pass  # "aa" is one long a
        else:
            units.append(_Unit(text, emphatic))
        i += len(text)
    return units


def _final_a(units: list[_Unit], word: str) -> str:
    """Final -a: ة on nouns (khdma, btaka), ا on verbs, function words and -na/-ha suffixes."""
    before = units[-2].text if len(units) > 1 else ""
    if before in {"n", "h"} or _VERB_PREFIX.match(word):
        return "ا"
    consonants = sum(1 for u in units if u.text not in _VOWELS)
    return "ة" if consonants >= 3 else "ا"


def _vowel(units: list[_Unit], pos: int, word: str) -> str:
    unit, first, last = units[pos].text, pos == 0, pos == len(units) - 1
    nxt = units[pos + 1].text if not last else ""
    if first:
        if unit in {"o", "u", "ou"}:
            return "و" if last or nxt in _VOWELS else "او"  # "ouad" -> واد, "ouled" -> اولد
        return "ا"
    if last and unit == "a":
        return _final_a(units, word)
    prev = units[pos - 1].text
    if nxt == "2" or (unit == "a" and prev == "2"):
        return ""  # the hamza's seat carries the vowel: ta2min -> تأمين, 2ana -> أنا
    if (unit in {"i", "e"} and nxt == "y") or (unit in {"o", "u", "ou"} and nxt == "w"):
        return ""  # "iy" and "ow" are one long vowel: miyyzi -> ميزي
    if prev == unit:
        return ""
    return _letters().get(unit, "")


def _hamza(units: list[_Unit], pos: int) -> str:
    """The seat of a hamza (2) follows its vowels: i/e -> ئ, o/u -> ؤ, a or word start -> أ."""
    near = {units[p].text for p in (pos - 1, pos + 1) if 0 <= p < len(units)}
    if near & {"i", "e"} and pos > 0:
        return "ئ"
    if near & {"o", "u", "ou"} and pos > 0:
        return "ؤ"
    return "أ" if pos == 0 or "a" in near else "ء"


def transliterate_rules(word: str) -> str:
    """Character rules alone for one Arabizi word (case kept: a capital inside marks an emphatic)."""
    units = _units(word)
    out: list[str] = []
    start = 0
    # Definite article: l + consonant (lbtaka -> البطاقة) or a doubled sun letter (ddar -> الدار).
    if len(units) > 2 and units[0].text == "l" and units[1].text not in _VOWELS:
        out.append("ال")
        start = 1
    elif len(units) > 2 and units[0].geminate and units[0].text in _SUN:
        out.append("ال")
    lower = word.lower()
    for pos in range(start, len(units)):
        unit = units[pos]
        if unit.text in _VOWELS:
            out.append(_vowel(units, pos, lower))
        elif unit.text == "2":
            out.append(_hamza(units, pos))
        elif unit.emphatic and unit.text in _EMPHATIC:
            out.append(_letters().get(unit.text.upper(), _letters()[unit.text]))
        elif unit.text == "c":
            out.append("س" if pos + 1 < len(units) and units[pos + 1].text in {"e", "i"} else "ك")
        else:
            out.append(_letters().get(unit.text, unit.text))
    return "".join(out)


@lru_cache(maxsize=100_000)
def _word_to_arabic(raw: str, next_is_french: bool) -> str:
    word = normalize_latin(raw)
    translit = lexicon().translit
    if word in translit:
        return translit[word]
    if word.isdigit() or is_french_word(word) or (word in _FRENCH_ARTICLES and next_is_french):
        return word  # French inside Darija stays Latin
    return transliterate_rules(raw if len(raw) == len(word) else word)


@lru_cache(maxsize=100_000)
def _is_french_raw(raw: str) -> bool:
    return is_french_word(normalize_latin(raw))


def arabizi_to_arabic(text: str) -> str:
    """Arabizi (Latin Darija) to Arabic script: lexicon first, character rules as a fallback.
    French words stay in Latin letters; Arabic-script words pass through normalised."""
    text = normalize_arabic(text)
    words = _LATIN_WORD.findall(text)
    out: list[str] = []
    k = 0
    for piece in _PIECES.findall(text):
        if not _LATIN_WORD.fullmatch(piece):
            out.append(" " if piece.isspace() else normalize_latin(piece).replace("'", " "))
            continue
        k += 1
        next_is_french = k < len(words) and _is_french_raw(words[k])
        out.append(_word_to_arabic(piece, next_is_french))
    return _SPACES.sub(" ", "".join(out)).strip()


# Darija in Latin letters is spelt as heard: vowels and doubled letters vary ("chokran", "choukrane",
# "chkran"; "lah y7fdek", "llah y7fdek"). Its words compared without them.
_SKELETON_WORD = re.compile(r"(?<![\w'])[a-z0-9]{3,}(?![\w'])")


def latin_skeleton(text: str) -> str:
    """Normalised text with each Latin word of three letters or more written without its vowels and
    doubled letters ("salamo 3alikom" -> "slm 3lkm"), unless fewer than two letters would be left."""

    def bare(m: re.Match[str]) -> str:
        word = re.sub(r"(.)\1+", r"\1", m.group(0))
        consonants = re.sub(r"[aeiou]", "", word)
        return consonants if len(consonants) >= 2 else m.group(0)

    return _SKELETON_WORD.sub(bare, text)
