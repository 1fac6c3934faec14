"""Text normalisation shared by language detection, Darija expansion and BM25 analysis.

Everything downstream compares normalised strings, so the lexicons in ``bot/data`` are normalised
with the same functions at load time: change a rule here and both sides move together.
"""

from __future__ import annotations

import re
import unicodedata

# Harakat, superscript alef, Quranic annotation marks and tatweel carry no meaning for search.
_AR_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Zero-width characters, bidi controls, Arabic letter mark, BOM and soft hyphen.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c\u00ad]")

_AR_TABLE = str.maketrans(
    {
        # Hamza carriers and alef variants: users type them inconsistently.
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        # Persian/Urdu keyboard letters that look identical to Arabic ones.
        "ک": "ك",
        "ی": "ي",
        "ۀ": "ه",
        "ہ": "ه",
        # Moroccan loan letters (ڭ for g, ڤ for v, پ for p): people write both forms.
        "ڭ": "ك",
        "گ": "ك",
        "ڤ": "ف",
        "پ": "ب",
        "چ": "ج",
        # Punctuation.
        "،": ",",
        "؟": "?",
        "؛": ";",
        "٪": "%",
        "٫": ".",
        "٬": ",",
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
    }
)

_APOSTROPHES = re.compile("[’‘`´ʼʻ′]")
# French elisions: "l'état" -> "l' état". Only at a word start, so "aujourd'hui" stays whole.
_ELISION = re.compile(r"\b(l|d|j|qu|n|s|c|m|t|jusqu|lorsqu|puisqu|quoiqu)'(?=\w)")
_COMBINING = re.compile("[\u0300-\u036f]")
_SPACES = re.compile(r"\s+")


def _latin_fold_table() -> dict[int, str]:
    """Map every accented Latin letter in Latin-1 and Latin Extended-A/B to its base letters."""
    table: dict[int, str] = {ord("œ"): "oe", ord("æ"): "ae", ord("ß"): "ss", ord("ø"): "o", ord("ł"): "l"}
    for code in range(0x00C0, 0x0250):
        ch = chr(code)
        if code in table or not ch.isalpha():
            continue
        base = _COMBINING.sub("", unicodedata.normalize("NFD", ch))
        if base != ch and base.isascii():
            table[code] = base
    return table


_LATIN_TABLE = _latin_fold_table()


def normalize_arabic(text: str) -> str:
    """NFKC, then fold the Arabic spelling variants that carry no meaning for search."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = _AR_MARKS.sub("", text)
    return text.translate(_AR_TABLE)


def normalize_latin(text: str) -> str:
    """Lowercase, strip accents and split French elisions. Digits inside words are kept:
    in Arabizi they are letters (``ch7al``, ``3afak``)."""
    text = _APOSTROPHES.sub("'", text.lower())
    text = _COMBINING.sub("", text.translate(_LATIN_TABLE))
    return _ELISION.sub(r"\1' ", text)


def normalize(text: str) -> str:
    """Both normalisations plus whitespace collapsing: the form every lexicon key is stored in."""
    return _SPACES.sub(" ", normalize_latin(normalize_arabic(text))).strip()


def word_set(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text (easier to read and extend than a literal set)."""
    return frozenset(text.split())
