"""Darija helpers: Arabizi -> Arabic script, and Darija -> MSA / French query expansion.

The lexicons are derived data in ``bot/data`` (built by ``ingest/lexicon.py``), loaded once
on first use. Keys are stored normalised (``normalize.py``) so lookups need no further folding.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from bot.types import Style
from bot.understand.analysis import STOP_WORDS, stem_arabic
from bot.understand.language import is_french_word
from bot.understand.normalize import normalize, normalize_arabic, normalize_latin

_MAX_NGRAM = 4
_TOKEN = re.compile(r"[a-z0-9]+|[\u0621-\u064a]+")
# Latin words with the apostrophe of "l'3tba" kept, plus everything in between (to rebuild text).
_LATIN_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u00ff\u0152\u0153]+")
_PIECES = re.compile(r"[A-Za-z0-9\u00c0-\u00ff\u0152\u0153]+|\s+|[^A-Za-z0-9\u00c0-\u00ff\u0152\u0153\s]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Concept:
    id: str
    arabic: tuple[str, ...]  # Darija in Arabic script, preferred first
    msa: tuple[str, ...]
    french: tuple[str, ...]
    expands: bool = True  # False for grammar words (dyal, had, m3a): their equivalents are noise


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
    longest: dict[str, int]  # first token of a phrase -> longest phrase length starting with it


def _split(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split("|") if v.strip())


def _data_rows(name: str) -> list[dict[str, str]]:
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
def _lexicon() -> _Lexicon:
    concepts: list[Concept] = []
    phrases: dict[str, list[int]] = {}
    stems: dict[str, list[int]] = {}
    for row in _data_rows("darija_lexicon.tsv"):
        index = len(concepts)
        arabic = _split(row["arabic"])
        # Question words stay: they carry the intent (price, delay, place) that picks a section.
        expands = row["type"] != "function" or row["id"].startswith("q_")
        concepts.append(Concept(row["id"], arabic, _split(row["msa"]), _split(row["french"]), expands))
        for form in _split(row["latin"]) + arabic + _useful_msa(row):
            key = " ".join(_TOKEN.findall(normalize(form)))
            if key:
                phrases.setdefault(key, []).append(index)
        for form in arabic:
            key = normalize(form)
            if " " not in key and len(stem := stem_arabic(key)) >= 3:
                stems.setdefault(stem, []).append(index)
    translit = {normalize(r["latin"]): r["arabic"] for r in _data_rows("arabizi_words.tsv")}
    longest: dict[str, int] = {}
    for phrase in phrases:
        words = phrase.split()
        if len(words) <= _MAX_NGRAM:
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return _Lexicon(
        tuple(concepts),
        {k: tuple(dict.fromkeys(v)) for k, v in phrases.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in stems.items()},
        translit,
        longest,
    )


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
    for row in _data_rows("arabizi_char_map.tsv"):
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
    lexicon = _lexicon()
    if word in lexicon.translit:
        return lexicon.translit[word]
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


def _longest_at(tokens: list[str], i: int) -> tuple[int, tuple[int, ...]]:
    """Length and concepts of the longest lexicon phrase starting at token ``i`` (0 if none)."""
    lexicon = _lexicon()
    longest = lexicon.longest.get(tokens[i], 0)
    for n in range(min(longest, len(tokens) - i), 0, -1):
        if hits := lexicon.phrases.get(" ".join(tokens[i : i + n])):
            return n, hits
    return 0, ()


# Darija morphology around a lexicon word, peeled in this order: a glued conjunction or preposition
# (فعقد, والبطاقه), the continuous-aspect prefix (كنصوت, كاتخلص; kansowet, katkhlles), the plural
# ending of verbs (نبدلو) and the negation circumfix (ماخدامش, ma khdamch).
_CLITIC = re.compile(r"^[فوبل](?=[\u0621-\u064a]{3})")
_ASPECT = re.compile(r"^(?:كا?|ka?)(?=[نتيnty])")
_PLURAL = re.compile(r"(?<=[\u0621-\u064a]{3})و$")
_NEGATION = re.compile(r"^(?!ال)(?:ما|ma)?(.{3,}?)(?:ش|ch|x)$")  # not a noun: الماتش is no negation


def _forms(token: str, exact: bool = True) -> list[str]:
    """The token and what is left of it without each Darija affix, the token first. ``exact=False``
    (for the stem lookup, which strips conjunctions itself) leaves on the affixes whose removal can
    leave the stem of an unrelated word (الماتش, "the match", would become مات, "died")."""
    forms = [token]
    for pattern in (_CLITIC, _ASPECT, _PLURAL) if exact else (_ASPECT, _PLURAL):
        forms += [pattern.sub("", form, count=1) for form in forms]
    if exact:
        forms += [m[1] for form in forms if (m := _NEGATION.fullmatch(form))]
    return list(dict.fromkeys(forms))


def _lexicon_form(token: str) -> str:
    """The token as the lexicon knows it: فعقد -> عقد, كنصوت -> نصوت, ماخدامش -> خدام. An affix is
    dropped only when what remains starts a lexicon phrase, so a word that merely begins with one of
    these letters (بطاقه, كتاب) is left alone."""
    longest = _lexicon().longest
    if token in longest or len(token) < 4:
        return token
    return next((form for form in _forms(token) if form in longest), token)


def _stem_concepts(token: str) -> tuple[int, ...]:
    """Concepts of the first form of ``token`` whose light stem the lexicon knows (بطاقتي -> البطاقه)."""
    stems = _lexicon().stems
    for form in _forms(token, exact=False) if len(token) >= 4 else [token]:
        if hits := stems.get(stem_arabic(form)):
            return hits
    return ()


def _match(tokens: list[str]) -> list[int]:
    """Longest n-gram matches of lexicon phrases, left to right; a match gives way to an
    overlapping one that reaches further ("la carte grise" is carte grise, not la carte).
    Arabic words that match no phrase are looked up by light stem (بطاقتي -> البطاقة)."""
    tokens = [_lexicon_form(t) for t in tokens]
    spans = [_longest_at(tokens, i) for i in range(len(tokens))]
    found: list[int] = []
    i = 0
    while i < len(tokens):
        n, hits = spans[i]
        if n and not any(j + spans[j][0] > i + n for j in range(i + 1, i + n)):
            found.extend(hits)
            i += n
            continue
        # Stop words are never looked up by stem: ولا ("or") shares its stem with الولاية (the wilaya).
        if not n and "\u0621" <= tokens[i][0] <= "\u064a" and tokens[i] not in STOP_WORDS:
            found.extend(_stem_concepts(tokens[i]))
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
        if concept.expands:
            msa.update(dict.fromkeys(concept.msa))
            french.update(dict.fromkeys(concept.french))
    arabic = arabizi_to_arabic(text) if style in ("arabizi", "mixed") else ""
    return Expansion(arabic, list(msa), list(french), [lexicon.concepts[i].id for i in found])


def concept_ids(text: str) -> list[str]:
    """The content concepts recognised in ``text`` in any script (Darija, MSA, French forms of the
    lexicon): one vocabulary for a question and for the knowledge base however each is written.
    Grammar and question words are left out: they say how, not what."""
    lexicon = _lexicon()
    tokens = _TOKEN.findall(normalize(text))
    if any(t.isascii() for t in tokens):
        # Latin Darija is read in Arabic script too: the Arabic forms carry its morphology
        # (njeddedo -> نجددو -> نجدد) where the Latin lexicon lists one spelling of each word.
        tokens += _TOKEN.findall(normalize(arabizi_to_arabic(text)))
    found = (lexicon.concepts[i] for i in _match(tokens))
    return [c.id for c in found if c.expands and not c.id.startswith("q_")]


__all__ = ["Concept", "Expansion", "arabizi_to_arabic", "concept_ids", "expand", "transliterate_rules"]
