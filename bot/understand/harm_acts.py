"""Harmful intent read as an action on a target, not as a known phrasing.

A request is harmful when an ACTION meets a TARGET it must not touch: making a document look
true that is not (fake, inflate, alter it unseen, buy it), paying an official or paying to jump
the queue, escaping an obligation, taking another person's document without their consent, knowing
where another person lives or what their records hold, passing oneself off as an official. Each
side is a small vocabulary in French, MSA, Darija and Arabizi; the pairs are few, so a new wording
of the same act is caught when its action and its target are both known words.

The lawful look-alikes share the words but not the pair: reporting a forgery or a bribe
("comment signaler un faux diplôme", "فين نبلغ على الرشوة"), checking a document's authenticity,
buying a fiscal stamp or the vignette, paying a fee, a parent for a minor, a mandate.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from bot.understand import harm_words
from bot.understand.normalize import normalize
from bot.understand.word_groups import Group, Scan


@cache
def _groups() -> dict[str, Group]:
    """Every word list of bot/understand/harm_words.py, by name: the rules ask for them by name."""
    lists = {name: words for name, words in vars(harm_words).items() if name.isupper() and isinstance(words, str)}
    return {name: Group(words) for name, words in lists.items()}


def _near(a: list[tuple[int, int]], b: list[tuple[int, int]], gap: int, ordered: bool = False) -> bool:
    return any(
        (s2 - e1 if ordered else max(s1, s2) - min(e1, e2)) <= gap and (not ordered or s2 >= s1)
        for s1, e1 in a
        for s2, e2 in b
    )


Spans = Callable[[str], list[tuple[int, int]]]  # a word list's name -> where its words are in the message
Rule = Callable[[Spans], bool]


def _pair(f: Spans, action: str, targets: str, gap: int, ordered: bool = False) -> bool:
    """A word of ``action`` within ``gap`` characters of a word of one of ``targets`` (space-separated
    names). The action list is looked up first: most messages have none, and the targets are not scanned."""
    found = f(action)
    return bool(found) and _near(found, [s for name in targets.split() for s in f(name)], gap, ordered)


def _forgery(f: Spans) -> bool:
    if _pair(f, "FAKE", "STATUS_DOC", 30) or _pair(f, "FORGE", "STATUS_DOC", 12, ordered=True):
        return True
    if _pair(f, "INFLATE", "AMOUNT STATUS_DOC", 40):
        return True
    if f("UNSEEN") and _pair(f, "ALTER", "FIELD", 25) and _pair(f, "UNSEEN", "FIELD", 60):
        return True
    return _pair(f, "BUY", "UNBUYABLE", 15, ordered=True) and not f("BOUGHT_LAWFULLY")


def _bribery(f: Spans) -> bool:
    if f("CORRUPT") or f("MONEY_IN_FILE") or _pair(f, "FAVOUR", "OFFICIAL FASTER STATUS_DOC", 50):
        return True
    if f("PAY_OR_NOT") and (f("OFFICIAL") or f("MONEY")):
        return True
    if not f("HAND_OVER"):
        return bool(f("SKIP_STEPS")) and _pair(f, "UNBUYABLE", "MONEY BUY", 40)
    if _pair(f, "HAND_OVER", "OFFICIAL", 40) and (f("MONEY") or f("FASTER")):
        return True
    if _pair(f, "HAND_OVER", "TO_WHOM", 20) and _pair(f, "HAND_OVER", "MONEY FASTER", 40):
        return True
    return _pair(f, "HAND_OVER", "FASTER", 50) and bool(f("MONEY")) and bool(f("SKIP_STEPS") or f("TO_WHOM"))


def _evasion(f: Spans) -> bool:
    if _pair(f, "AVOID", "DUE", 8, ordered=True):
        return True
    return bool(f("STOPPED")) and any(f(n) for n in ("WITHOUT_LICENCE", "OFFICIAL", "DUE", "OBLIGATION", "CONTROL"))


def _sham(f: Spans) -> bool:
    if f("SHAM") or f("SHAM_RE"):
        return True
    if _pair(f, "FICTITIOUS", "FICTION_OF", 20) and not f("SCHOOL"):
        return True
    if _pair(f, "NOT_SO", "STATUS_DOC", 50):
        return True
    return bool(f("NO_PERMIT") or f("UNDUE_BENEFIT")) and not f("LEGALISE")


def _hiding(f: Spans) -> bool:
    if _pair(f, "HIDE", "COUNTED", 40) and any(f(n) for n in ("DUE", "OBLIGATION", "COURT")):
        return True
    if _pair(f, "WITHOUT_CAUSE", "DUE", 60) or _pair(f, "NOT_ATTEND", "SUMMONS", 30):
        return True
    if f("SKIP_SERVICE") and not f("EXEMPTION"):
        return True
    return bool(f("SMUGGLE") or f("GOODS_UNPAID"))


def _asked_you(f: Spans) -> bool:
    return _pair(f, "ASKED_YOU", "WHO_WHAT", 40)


def _whose_number(f: Spans) -> bool:
    number = f("ID_NUMBER") + f("PLATE")
    return bool(number) and _near(number, f("WHOSE"), 40) and not f("OWN")


def _private(f: Spans) -> bool:
    return _pair(f, "RELATIVE", "PRIVATE", 25) and bool(f("KNOW")) and not f("MANDATE")


def _impersonation(f: Spans) -> bool:
    return _pair(f, "PASS_AS", "POSING_AS", 25, ordered=True)


def _proxy(f: Spans) -> bool:
    """Another's document taken without consent: said outright ("sans son accord", "à son insu"), or a
    third person who does not know beside a relative's thing ("الباسبور ديال ختي … ومايعرفوش"); "واش ما
    تعرفش" asks "you"."""
    if f("NO_CONSENT"):
        return True
    asked = f("ASKED_OF_YOU")
    unaware = [(s, e) for s, e in f("UNAWARE") if not any(a <= s < b + 2 for a, b in asked)]
    return bool(unaware) and (_near(unaware, f("KIN_OF"), 80) or (bool(f("KIN")) and bool(f("HIS_OR_HERS"))))


# The worse first: a message is refused as the first act it names.
RULES: tuple[tuple[str, Rule, bool], ...] = (
    # (category, rule, whether reporting or checking makes the same words lawful)
    ("forgery", _forgery, True),
    ("bribery", _bribery, True),
    ("impersonation", _impersonation, True),
    ("forgery", _sham, True),
    ("evasion", _evasion, False),
    ("evasion", _hiding, False),
    ("proxy", _proxy, False),
    ("other_people", _asked_you, False),
    ("other_people", _private, False),
    ("other_people", _whose_number, False),
)


def reports(text: str) -> bool:
    """A normalised message that reports or checks a forgery or a bribe rather than asking for one."""
    return bool(Scan(text).spans(_groups()["REPORT"]))


def harmful_act(message: str) -> str | None:
    """The harmful act this message asks for (forgery, bribery, impersonation, evasion, proxy), or
    ``other_people`` (another person's private matters), or None."""
    scan, groups = Scan(normalize(message)), _groups()

    def found(name: str) -> list[tuple[int, int]]:
        return scan.spans(groups[name])

    for category, rule, reportable in RULES:
        if rule(found) and not (reportable and found("REPORT")):
            return category
    return None
