"""Arabizi spellings folded to one consonant skeleton, so that a cue matches however it is spelled.

Arabizi writers disagree on vowels (kattowel, katTwel, kaytwel), on digit letters and their Latin
stand-ins (ch7al / chhal / x7al, lwe9t / lwaqt, 5od / khod), on doubled letters (kattbta / katbta)
and on the verb prefixes (ka- / ta- progressive, gha- / ghadi future, n- / t- / y- person). The
skeleton keeps the consonants in the order written, one letter per sound, doubled letters once,
vowels dropped; a cue is a stem matched after an optional verb prefix (``stem_pattern``). The letter
classes follow the shared Darija data's ``curated/arabizi_char_map.tsv`` (3=ع 7=ح 9=ق 2=ء 5=خ 8=ه).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.understand.language import is_french_word

# Digraphs and letters that write one Darija sound; capitals stand for the folded classes.
_DIGRAPHS = (("ch", "C"), ("sh", "C"), ("kh", "K"), ("gh", "G"), ("ou", ""))
_LETTERS = str.maketrans({"x": "C", "5": "K", "7": "h", "8": "h", "9": "q", "6": "t", "c": "k", "p": "b", "v": "f"})
_DROP = re.compile(r"[aeiou2']")
_DOUBLE = re.compile(r"(.)\1+")
_LATIN_TOKEN = re.compile(r"[a-z0-9']+")
_ARABIC_TOKEN = re.compile(r"[\u0621-\u064a]+")
# Verb prefixes: progressive ka-/ta- and future gha- with a person letter, a bare person letter (n-
# I, t- you/she, y- he), the participle's m- and the article l-; then the passive t- (tkhrej).
PREFIX = r"(?:k[nty]?|G[nty]?|[ntylm])?t?"
# The same with a progressive or future marker required: for stems too short to stand alone
# ("kaykhod": it takes; "nakhod", I take, is not a question of time).
MARKED_PREFIX = r"(?:k|G)[nty]?t?"


@lru_cache(maxsize=50_000)
def fold(token: str) -> str:
    """The consonant skeleton of a normalised Latin word: "kattowel" -> "ktwl", "ch7al" -> "Chl"."""
    text = token.lower()
    for pair, letter in _DIGRAPHS:
        text = text.replace(pair, letter)
    text = _DROP.sub("", text.translate(_LETTERS))
    return _DOUBLE.sub(r"\1", text)


def fold_arabic(token: str) -> str:
    """A normalised Arabic-script word without its long a (كاتاخد / كتاخد / كتخد, كيبطا / كيبطى)."""
    return token.replace("ا", "").removesuffix("ي") if len(token) > 3 else token.replace("ا", "")


def folded_words(normalized: str) -> list[tuple[int, int, str]]:
    """Each word of a normalised message with its span and skeleton (Latin: ``fold``; Arabic:
    ``fold_arabic``), in order; French words ("fils" is not "flous") and words that fold to nothing
    are left out."""
    latin = (m for m in _LATIN_TOKEN.finditer(normalized) if not is_french_word(m.group()))
    out = [(m.start(), m.end(), fold(m.group())) for m in latin]
    out += [(m.start(), m.end(), fold_arabic(m.group())) for m in _ARABIC_TOKEN.finditer(normalized)]
    return sorted(w for w in out if w[2])


def stem_pattern(stems: Iterable[str], marked: Iterable[str] = ()) -> re.Pattern[str]:
    """A whole skeleton that is one of ``stems`` after an optional verb prefix, or one of ``marked``
    after a progressive or future prefix; an optional plural -w ("ntsennaw") or past -t ("khllest")."""
    alternatives = []
    if stems := sorted(set(stems), key=len, reverse=True):
        alternatives.append(PREFIX + "(?:" + "|".join(map(re.escape, stems)) + ")")
    if marked := sorted(set(marked), key=len, reverse=True):
        alternatives.append(MARKED_PREFIX + "(?:" + "|".join(map(re.escape, marked)) + ")")
    return re.compile("^(?:" + "|".join(alternatives or ["(?!)"]) + ")[wt]?$")
