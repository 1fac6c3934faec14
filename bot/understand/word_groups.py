"""Word groups as people type them, compiled for fast matching on normalised text (the safety cues of
bot/understand/safety_cues.py and the structural vocabularies of bot/understand/structure.py).

A group is ``|``-separated alternatives; ``(x|y)`` expands in place. A Latin alternative matches at a
word start and may continue (a stem); ``=`` ends it exactly; an Arabic alternative may follow the
particles glued to a word (``رشو`` in والرشوة); ``re:`` is a pattern of its own.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from bot.understand.normalize import normalize

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_CHOICE = re.compile(r"\(([^()]*)\)")
# An Arabic word may carry its conjunction, preposition and article glued on (والرشوة, بالتزوير).
_ARABIC_LEAD = r"(?:[وف]?[بلك]?(?:ال)?|[وف]?لل)?"


def phrases(group: str) -> list[str]:
    """``a|b (c|d) e`` -> [a, b c e, b d e]: top-level ``|`` separates, ``(x|y)`` expands in place."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(group + "|"):
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            out.append(group[start:i].strip())
            start = i + 1
    expanded: list[str] = []
    for phrase in filter(None, out):
        m = None if phrase.startswith("re:") else _CHOICE.search(phrase)
        if m is None:
            expanded.append(phrase)
        else:
            expanded += phrases("|".join(phrase[: m.start()] + c + phrase[m.end() :] for c in m.group(1).split("|")))
    return expanded


def _trie(words: list[str]) -> str:
    """One regex for many words, their common beginnings factored: Python's regex engine tries every
    alternative of a flat list at every position, and ~150 word lists made a check cost 20 ms."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(tree)


def _alternatives(group: str) -> str:
    """A word group -> a regex: an alternative starts a word (after the particles glued to an Arabic
    word) and may continue it (a stem); ``=`` ends the word exactly; ``re:`` is a pattern of its own."""
    latin, arabic, exact, raw = [], [], [], []
    for phrase in phrases(group):
        if phrase.startswith("re:"):
            raw.append(phrase[3:])
            continue
        form = normalize(phrase.rstrip("="))
        if not form:
            continue
        if phrase.endswith("="):
            exact.append(re.escape(form).replace(r"\ ", r"\s+"))
        elif _ARABIC.match(form):
            arabic.append(form)
            if form.startswith("ال") and len(form) > 3:
                arabic.append("لل" + form[2:])  # ل + ال is written لل: للقاضي, للبوليسي
        else:
            latin.append(form)
    parts = [f"(?<![\\w])(?:{p})" for p in raw]
    if exact:
        parts.append(r"(?<![\w])" + _ARABIC_LEAD + "(?:" + "|".join(exact) + r")(?![\w])")
    if latin:
        parts.append(r"(?<![\w])" + _trie(latin).replace(r"\ ", r"\s+"))
    if arabic:
        parts.append(r"(?<![\w])" + _ARABIC_LEAD + _trie(arabic).replace(r"\ ", r"\s+"))
    return "|".join(parts)


_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "لل", "كال", "ول", "وب", "فب", "فل")


class Group:
    """One word list, compiled; ``heads`` (the first letters of its words) let a message skip the
    scan when none of its words starts like one of them (most lists, for most messages)."""

    def __init__(self, words: str) -> None:
        # The words, skipped by their heads; the ``re:`` patterns, few and short, always searched.
        every = phrases(words)
        raw = [p for p in every if p.startswith("re:")]
        plain = "|".join(p for p in every if not p.startswith("re:"))
        self.pattern = re.compile(_alternatives(plain)) if plain else None
        self.raw = re.compile(_alternatives("|".join(raw))) if raw else None
        forms = [normalize(p.rstrip("=")) for p in every if not p.startswith("re:")]
        forms += ["لل" + f[2:] for f in forms if f.startswith("ال") and len(f) > 3]
        self.heads = frozenset(_head(f) for f in forms if f)

    def spans(self, text: str, heads: frozenset[str]) -> list[tuple[int, int]]:
        found = [m.span() for m in self.raw.finditer(text)] if self.raw is not None else []
        if self.pattern is not None and self.heads & heads:
            found += [m.span() for m in self.pattern.finditer(text)]
            found.sort()
        return found[:12]


def _head(form: str) -> str:
    word = re.split(r"\W", form, maxsplit=1)[0]
    return word[:3] if len(word) >= 3 else word


@lru_cache(maxsize=64)
def heads_of(text: str) -> frozenset[str]:
    """The heads of every word of a normalised message, Arabic words also without their particles
    (cached: the cues, the structure, the acts and the frames each scan the same message)."""
    heads: set[str] = set()
    for word in re.findall(r"\w+", text):
        heads.add(word[:3])
        heads.add(word[:2])
        if _ARABIC.match(word):
            heads.update(_head(word[len(p) :]) for p in _PROCLITICS if word.startswith(p) and len(word) > len(p))
            heads.update(word[len(p) : len(p) + 2] for p in _PROCLITICS if word.startswith(p))
    return frozenset(heads)


class Scan:
    """One message's word heads and the spans of each word list searched so far (cues share lists)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.heads = heads_of(text)
        self._spans: dict[Group, list[tuple[int, int]]] = {}

    def spans(self, group: Group) -> list[tuple[int, int]]:
        if group not in self._spans:
            self._spans[group] = group.spans(self.text, self.heads)
        return self._spans[group]


@cache
def compiled_group(words: str) -> Group:
    return Group(words)
