"""How long and how much, however a Darija verb is spelled and conjugated.

Word lists miss most of the spellings of a Darija verb: "it takes long" is kattbta, katbta, kaytbta,
ghatbta, كتبطا, كيبطى… Here a cue is a stem, matched on the word's skeleton (``bot.understand.fold``)
after any verb prefix. The stems are those of the shared Darija data's verbs and nouns for time and
money: ``curated/darija_query_expansion_seed.tsv`` (duration, take_time, wait, pay, fee_price) and
DODa's verbs and adjectives (``doda_mit_2023``: Towwel "last", m3TTel "late", tsnna "wait", khda
"take", khrj "go out", khllS "pay", kllef / swa "cost"), plus tbeTTa ("be slow"), common Darija.
``tests/unit/test_answer_cues.py`` checks that every Latin form of those lexicon concepts matches.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from bot.understand.fold import MARKED_PREFIX, folded_words, stem_pattern

Kind = Literal["delay", "fees", "weak_delay"]

# Latin skeletons (see ``fold``): stems after any verb prefix, and stems too short to stand alone
# that count only after ka-, ta-, gha- as written ("kaykhod": it takes; "nakhod", I take, is not a
# question of time; "acceptee" folds like "kbt" but is no "kaybta").
_LATIN: dict[Kind, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "delay": (("tbt", "3tl", "twl", "tsn", "wqt", "lmd"), ("Kd", "bt")),
    "fees": (("Kls", "klf", "fls", "fbr"), ("sw",)),
}
_MARKED_AS_WRITTEN = re.compile(r"^(?:ka|ki|ke|ta|gha|gh)")
# "It comes out" asks how long only of the document (third person: ykhroj, katkhrej, كيخرج, تخرج),
# after "how much", and only when no money is asked ("ch7al kaykhlles bach ykhroj" asks the fee).
# So do "it arrives", "it is activated", "it is ready" (ywsl, tfe3el, twjed) and "I get it", "I pick it
# up" (n9bed, nched, نقبط, نستلم).
_LATIN_WEAK = re.compile(r"^(?:(?:k|G)?[ty]t?(?:Krj|wsl|f3l|wjd)|(?:k|G)?n(?:qb[td]|Cd))[wy]?$")
# Arabic-script stems after a prefix (ka-/gha- + person, a person letter, the participle's m-); the
# short ones after ka-/gha- only.
_AR_PREFIX = "(?:ك[نتي]?|غ[نتي]?|[نتيم])ت?"
_AR_MARKED = "(?:ك|غ)[نتي]?ت?"
_ARABIC: dict[Kind, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "delay": (("عطل", "طول", "تسن"), ("بط", "خد")),
    "fees": (("خلص", "كلف"), ("سو",)),
}
_ARABIC_WEAK = re.compile(r"^(?:(?:ك|غ)?[تي]ت?(?:خرج|وصل|فعل|وجد)|(?:ك|غ)?ن(?:قبط|شد|ستلم|تسلم))[وي]?$")


@cache
def _patterns() -> dict[Kind, tuple[re.Pattern[str], re.Pattern[str]]]:
    """Per kind: any-prefix stems (a plural -w / -و allowed), marked stems (the singular only:
    "شحال كياخدو", how much do they take, asks a price)."""
    out: dict[Kind, tuple[re.Pattern[str], re.Pattern[str]]] = {}
    for kind, (stems, marked) in _LATIN.items():
        ar_stems, ar_marked = _ARABIC[kind]
        any_prefix = stem_pattern(stems).pattern[1:-1]  # without ^ and $
        # Money's stems stand alone too in Arabic script (خلص, خلصت, الخلاص); time's need a prefix (عطل,
        # طول are nouns: a holiday, a length).
        ar_prefix = f"(?:{_AR_PREFIX}|ل)?" if kind == "fees" else _AR_PREFIX
        out[kind] = (
            re.compile(f"^(?:{any_prefix}|{ar_prefix}(?:{'|'.join(ar_stems)})[وتي]?)$"),
            re.compile(f"^(?:{MARKED_PREFIX}(?:{'|'.join(marked)})|{_AR_MARKED}(?:{'|'.join(ar_marked)}))$"),
        )
    return out


def stem_spans(normalized: str) -> list[tuple[int, int, Kind]]:
    """The words of a normalised message that ask how long or how much by their stem, with their
    spans; "weak_delay" for "it comes out" (the caller decides)."""
    out: list[tuple[int, int, Kind]] = []
    for start, end, skeleton in folded_words(normalized):
        raw = normalized[start:end]
        for kind, (any_prefix, marked) in _patterns().items():
            if any_prefix.match(skeleton) or (
                marked.match(skeleton) and (not raw.isascii() or _MARKED_AS_WRITTEN.match(raw))
            ):
                out.append((start, end, kind))
        if _LATIN_WEAK.match(skeleton) or _ARABIC_WEAK.match(skeleton):
            out.append((start, end, "weak_delay"))
    return out
