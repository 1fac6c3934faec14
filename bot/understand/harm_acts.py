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


def _forgery(f: Spans) -> bool:
    if _near(f("FAKE"), f("STATUS_DOC"), 30):
        return True
    if _near(f("FORGE"), f("STATUS_DOC"), 12, ordered=True):
        return True
    if _near(f("INFLATE"), f("AMOUNT") + f("STATUS_DOC"), 40):
        return True
    if f("UNSEEN") and _near(f("ALTER"), f("FIELD"), 25) and _near(f("FIELD"), f("UNSEEN"), 60):
        return True
    return not f("BOUGHT_LAWFULLY") and _near(f("BUY"), f("UNBUYABLE"), 15, ordered=True)


def _bribery(f: Spans) -> bool:
    if f("CORRUPT") or f("MONEY_IN_FILE") or (_near(f("FAVOUR"), f("OFFICIAL") + f("FASTER") + f("STATUS_DOC"), 50)):
        return True
    if f("PAY_OR_NOT") and (f("OFFICIAL") or f("MONEY")):
        return True
    hand = f("HAND_OVER")
    if not hand:
        return bool(f("SKIP_STEPS")) and _near(f("MONEY") + f("BUY"), f("UNBUYABLE"), 40)
    if _near(hand, f("OFFICIAL"), 40) and (f("MONEY") or f("FASTER")):
        return True
    if _near(hand, f("TO_WHOM"), 20) and _near(hand, f("MONEY") + f("FASTER"), 40):
        return True
    return _near(hand, f("FASTER"), 50) and bool(f("MONEY")) and bool(f("SKIP_STEPS") or f("TO_WHOM"))


def _evasion(f: Spans) -> bool:
    if _near(f("AVOID"), f("DUE"), 8, ordered=True):
        return True
    stopped = f("STOPPED")
    return bool(stopped) and bool(f("WITHOUT_LICENCE") or f("OFFICIAL") or f("DUE") or f("OBLIGATION") or f("CONTROL"))


def _sham(f: Spans) -> bool:
    if f("SHAM") or f("SHAM_RE"):
        return True
    if _near(f("FICTITIOUS"), f("FICTION_OF"), 20) and not f("SCHOOL"):
        return True
    if _near(f("NOT_SO"), f("STATUS_DOC"), 50):
        return True
    return bool(f("NO_PERMIT") or f("UNDUE_BENEFIT")) and not f("LEGALISE")


def _hiding(f: Spans) -> bool:
    if _near(f("HIDE"), f("COUNTED"), 40) and (f("DUE") or f("OBLIGATION") or f("COURT")):
        return True
    if _near(f("WITHOUT_CAUSE"), f("DUE"), 60) or _near(f("NOT_ATTEND"), f("SUMMONS"), 30):
        return True
    if f("SKIP_SERVICE") and not f("EXEMPTION"):
        return True
    return bool(f("SMUGGLE") or f("GOODS_UNPAID"))


def _asked_you(f: Spans) -> bool:
    return _near(f("ASKED_YOU"), f("WHO_WHAT"), 40)


def _whose_number(f: Spans) -> bool:
    return not f("OWN") and _near(f("ID_NUMBER") + f("PLATE"), f("WHOSE"), 40)


def _private(f: Spans) -> bool:
    return not f("MANDATE") and _near(f("PRIVATE"), f("RELATIVE"), 25) and bool(f("KNOW"))


def _impersonation(f: Spans) -> bool:
    return _near(f("PASS_AS"), f("POSING_AS"), 25, ordered=True)


def _proxy(f: Spans) -> bool:
    return bool(f("NO_CONSENT"))


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

    reported = bool(found("REPORT"))
    for category, rule, reportable in RULES:
        if rule(found) and not (reportable and reported):
            return category
    return None
