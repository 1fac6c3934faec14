"""Harmful intent and manipulation, in French, MSA and Darija (both scripts), on normalised text.

What is refused, and why:

- ``harm``: forging or falsifying a document, bribing an official, getting a document or a record for
  someone else without their mandate or knowledge, evading a legal obligation (tax, social security,
  military service, customs, traffic checks). Refused politely, pointing to the lawful procedure.
- ``data``: other people's data (a named person's ID number, address or phone, other users' messages):
  Dalil holds none and gives none.
- ``internals``: Dalil's instructions, configuration, keys, logs, an "admin mode", whoever claims to ask.

``override`` is an attempt to steer the answer (ignore your rules, play this role, add this link, say
this sentence): it is not obeyed, and not refused either when the message also asks a real question
about a procedure (the answer is the procedure's card, which repeats nothing of the message);
alone, it is refused (the pipeline decides, with the scope).

A message is read clause by clause: "how do I avoid the tax? and how do I register as an
auto-entrepreneur?" refuses the first and answers the second (``Verdict.lawful_question``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise, product
from typing import Literal

from bot.understand.normalize import normalize
from bot.understand.safety_cues import CUES, HOW_QUESTION, LAWFUL_QUESTION, Cue

SafetyKind = Literal["harm", "data", "internals", "override"]
# The worse kind wins when a message holds several.
_ORDER: tuple[SafetyKind, ...] = ("internals", "data", "harm", "override")


@dataclass(frozen=True)
class Verdict:
    kind: SafetyKind
    category: str  # finer, for the trace: forgery, bribery, proxy, evasion, impersonation...
    question: str = ""  # the clauses that ask a procedure without harm or instruction (normalised), if any

    @property
    def lawful_question(self) -> bool:
        return bool(self.question)


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
        else:
            (arabic if _ARABIC.match(form) else latin).append(form)
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
        self.pattern = re.compile(_alternatives(words))
        forms = [normalize(p.rstrip("=")) for p in phrases(words) if not p.startswith("re:")]
        self.heads: frozenset[str] | None = (
            None if any(p.startswith("re:") for p in phrases(words)) else frozenset(_head(f) for f in forms if f)
        )

    def spans(self, text: str, heads: set[str]) -> list[tuple[int, int]]:
        if self.heads is not None and not self.heads & heads:
            return []
        return [m.span() for m in self.pattern.finditer(text)][:12]


def _head(form: str) -> str:
    word = re.split(r"\W", form, maxsplit=1)[0]
    return word[:3] if len(word) >= 3 else word


def heads_of(text: str) -> set[str]:
    """The heads of every word of a normalised message, Arabic words also without their particles."""
    heads: set[str] = set()
    for word in re.findall(r"\w+", text):
        heads.add(word[:3])
        heads.add(word[:2])
        if _ARABIC.match(word):
            heads.update(_head(word[len(p) :]) for p in _PROCLITICS if word.startswith(p) and len(word) > len(p))
            heads.update(word[len(p) : len(p) + 2] for p in _PROCLITICS if word.startswith(p))
    return heads


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
def _group(words: str) -> Group:
    return Group(words)


class CompiledCue:
    """A cue's groups, found in any order within a window: each group within ``gap`` characters of
    the next, so "n3tih ch7al l bolisi" and "l bolisi, ch7al n3tih" are the same request. Cues share
    word lists: each list is searched once per message (``spans``)."""

    def __init__(self, cue: Cue) -> None:
        self.kind: SafetyKind = cue.kind  # type: ignore[assignment]
        self.category = cue.category
        self.groups = [_group(g) for g in cue.groups]
        self.window = cue.gap * (len(cue.groups) - 1)
        self.ordered = cue.ordered

    def search(self, text: str, scan: Scan | None = None) -> bool:
        scan = scan or Scan(text)
        spans: list[list[tuple[int, int]]] = []
        for group in self.groups:
            found = scan.spans(group)
            if not found:
                return False
            spans.append(found)
        if len(spans) == 1:
            return True
        return any(self._close(combo) for combo in product(*spans))

    def _close(self, combo: tuple[tuple[int, int], ...]) -> bool:
        if self.ordered and any(b[0] < a[1] for a, b in pairwise(combo)):
            return False
        return max(e for _, e in combo) - min(s for s, _ in combo) - sum(e - s for s, e in combo) <= self.window


@cache
def _compiled() -> list[CompiledCue]:
    return [CompiledCue(cue) for cue in CUES]


@cache
def _lawful() -> CompiledCue:
    return CompiledCue(LAWFUL_QUESTION)


@cache
def _how() -> CompiledCue:
    return CompiledCue(HOW_QUESTION)


_NEW_QUESTION = (
    r"kifach|comment|fin|ou|quels?|quelles?|chno|كيف|كيفاش|فين|اين|ما هي|شنو|واش|chhal|ch7al|combien|wach|est ce que"
)
_INSTRUCTION = r"zid|7et|dir f|kteb|mets|ajoute|ecris|termine|reponds|9ol|9oul|qol|f lkher|f lakhir"
_INSTRUCTION_AR = r"حط|زيد|كتب|اكتب|قول|ضع|اضف|ادرج|فالاخر|في اخر|في الاخر"
# Where a message is cut: a sentence's end, a colon, and before a connector that opens a new question
# or an instruction ("et comment…", "w kifach…", "puis ajoute…", "وزيد…", "و فالاخر قول…").
_CLAUSE = re.compile(
    r"[?!\n;]+|[.:](?=\s|$)"
    rf"|(?:\s|^)(?=(?:w|o|et|mais|puis|ensuite|ثم|و)\s*(?:{_NEW_QUESTION}|{_INSTRUCTION}|{_INSTRUCTION_AR}))"
    rf"|(?<=\s)(?=و(?:{_INSTRUCTION_AR}))"
)


def clauses(text: str) -> list[str]:
    """A normalised message cut where a new question or an instruction starts."""
    return [c.strip(" ,") for c in _CLAUSE.split(text) if c and c.strip(" ,")]


def _match(text: str) -> tuple[SafetyKind, str] | None:
    scan = Scan(text)
    found = [(cue.kind, cue.category) for cue in _compiled() if cue.search(text, scan)]
    if not found:
        return None
    return min(found, key=lambda f: _ORDER.index(f[0]))


def asks_a_procedure(message: str) -> bool:
    """A clause after the first asks how a procedure is done ("wach ghadi y9blouni? w kifach ntsjel?")."""
    parts = clauses(normalize(message))
    return any(_how().search(p) for p in parts[1:])


def _question(parts: list[str], asks: CompiledCue) -> str:
    """The clauses free of any cue that ask something (``asks``): the message's own question."""
    return " ".join(p for p in parts if _match(p) is None and asks.search(p))


def check(message: str) -> Verdict | None:
    """What is wrong with this message, or None."""
    text = normalize(message)
    whole = _match(text)
    if whole is None:
        return None
    kind, category = whole
    if kind in ("internals", "data"):
        return Verdict(kind, category)
    # A clause free of any cue that asks about a procedure is a question of its own; beside harmful
    # intent it must ask how a procedure is done (not "and how much?", which may be the bribe's).
    parts = clauses(text)
    question = _question(parts, _how() if kind == "harm" else _lawful()) if len(parts) > 1 else ""
    return Verdict(kind, category, question)
