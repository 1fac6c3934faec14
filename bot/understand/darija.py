"""Darija -> MSA / French query expansion, and the lexicon's concepts of a text in any script.

Lexicon words are found after peeling Darija morphology (glued conjunctions, the aspect prefix, the
plural ending, negation); Latin Darija is also read in Arabic script (``arabizi.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.types import Style
from bot.understand.analysis import STOP_WORDS, stem_arabic
from bot.understand.arabizi import arabizi_to_arabic
from bot.understand.lexicon import TOKEN, lexicon
from bot.understand.normalize import normalize


@dataclass
class Expansion:
    arabic: str = ""  # Arabic-script rendering of Latin Darija; "" for Arabic-script input
    msa: list[str] = field(default_factory=list)
    french: list[str] = field(default_factory=list)
    concepts: list[str] = field(default_factory=list)  # ids of the recognised lexicon concepts
    unglued: list[str] = field(default_factory=list)  # Latin words without their glued article (lpasseport)


def _longest_at(tokens: list[str], i: int) -> tuple[int, tuple[int, ...]]:
    """Length and concepts of the longest lexicon phrase starting at token ``i`` (0 if none)."""
    lex = lexicon()
    longest = lex.longest.get(tokens[i], 0)
    for n in range(min(longest, len(tokens) - i), 0, -1):
        if hits := lex.phrases.get(" ".join(tokens[i : i + n])):
            return n, hits
    return 0, ()


# Darija morphology around a lexicon word, peeled in this order: a glued conjunction or preposition
# (فعقد, والبطاقه), the continuous-aspect prefix (كنصوت, كاتخلص; kansowet, katkhlles), the plural
# ending of verbs (نبدلو) and the negation circumfix (ماخدامش, ma khdamch).
_CLITIC = re.compile(r"^[فوبل](?=[\u0621-\u064a]{3})")
# Latin Darija glues the article too (lpasseport, lpermis, ldossier): peeled only when the rest is a
# lexicon word (``_lexicon_form``).
_LATIN_ARTICLE = re.compile(r"^l(?=[a-z]{3})")
_ASPECT = re.compile(r"^(?:كا?|ka?)(?=[نتيnty])")
_PLURAL = re.compile(r"(?<=[\u0621-\u064a]{3})و$")
_NEGATION = re.compile(r"^(?!ال)(?:ما|ma)?(.{3,}?)(?:ش|ch|x)$")  # not a noun: الماتش is no negation


def _forms(token: str, exact: bool = True) -> list[str]:
    """The token and what is left of it without each Darija affix, the token first. ``exact=False``
    (for the stem lookup, which strips conjunctions itself) leaves on the affixes whose removal can
    leave the stem of an unrelated word (الماتش, "the match", would become مات, "died")."""
    forms = [token]
    for pattern in (_CLITIC, _LATIN_ARTICLE, _ASPECT, _PLURAL) if exact else (_ASPECT, _PLURAL):
        forms += [pattern.sub("", form, count=1) for form in forms]
    if exact:
        forms += [m[1] for form in forms if (m := _NEGATION.fullmatch(form))]
    return list(dict.fromkeys(forms))


def _lexicon_form(token: str) -> str:
    """The token as the lexicon knows it: فعقد -> عقد, كنصوت -> نصوت, ماخدامش -> خدام. An affix is
    dropped only when what remains starts a lexicon phrase, so a word that merely begins with one of
    these letters (بطاقه, كتاب) is left alone."""
    longest = lexicon().longest
    if token in longest or len(token) < 4:
        return token
    return next((form for form in _forms(token) if form in longest), token)


def _stem_concepts(token: str) -> tuple[int, ...]:
    """Concepts of the first form of ``token`` whose light stem the lexicon knows (بطاقتي -> البطاقه)."""
    stems = lexicon().stems
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
    lex = lexicon()
    found = _match(TOKEN.findall(normalize(text)))
    msa: dict[str, None] = {}
    french: dict[str, None] = {}
    for index in found:
        concept = lex.concepts[index]
        if concept.expands:
            msa.update(dict.fromkeys(concept.msa))
            french.update(dict.fromkeys(concept.french))
    arabic = arabizi_to_arabic(text) if style in ("arabizi", "mixed") else ""
    return Expansion(arabic, list(msa), list(french), [lex.concepts[i].id for i in found], unglued(text))


def unglued(text: str) -> list[str]:
    """The Latin words of ``text`` written with the article glued on whose rest the lexicon knows
    (lpasseport -> passeport, lcarte -> carte): the names and the other indexes know the word alone."""
    longest = lexicon().longest
    return [
        rest
        for t in TOKEN.findall(normalize(text))
        if t not in longest and (rest := _LATIN_ARTICLE.sub("", t, count=1)) != t and rest in longest
    ]


def concept_ids(text: str) -> list[str]:
    """The content concepts recognised in ``text`` in any script (Darija, MSA, French forms of the
    lexicon): one vocabulary for a question and for the knowledge base however each is written.
    Grammar and question words are left out: they say how, not what."""
    lex = lexicon()
    tokens = TOKEN.findall(normalize(text))
    if any(t.isascii() for t in tokens):
        # Latin Darija is read in Arabic script too: the Arabic forms carry its morphology
        # (njeddedo -> نجددو -> نجدد) where the Latin lexicon lists one spelling of each word.
        tokens += TOKEN.findall(normalize(arabizi_to_arabic(text)))
    found = (lex.concepts[i] for i in _match(tokens))
    return [c.id for c in found if c.expands and not c.id.startswith("q_")]
