"""What a message is ABOUT, as a few signals the learned harmful-intent reader weighs beside its
character n-grams (bot/understand/harm_reader.py): the n-grams carry a writer's words, these carry the
request's shape, whatever the words.

- **someone else's record**: a third person (a relative, a neighbour, an ex, "chi wa7ed", a named or
  titled person, the owner of a plate, "the last person", a list of applicants) and what reaches or
  describes them (an address, a phone, a file or its status, a record, earnings, whether they applied);
- **one's own or a lawful holder's**: "mon adresse", a minor child, a mandate, a deceased relative's
  heirs — what makes the same nouns a procedure's question;
- **an obligation evaded**: avoid, hide, escape, "ma nkhllesch", "au noir" beside a tax, a fine, the
  military service, a declaration, an inspection, customs or social security;
- **asked lawfully**: paying late, what one risks, whether it is allowed, regularising.

The crosses (a third person AND their record, and not one's own; an evasion AND a duty, and not a
lawful question) are features of their own, so the reader can weigh a shape it met in other words.
Not served (``harm_reader.STRUCTURE`` is 0): on the writer no word list had read they cost as many
catches as they gave (``python -m bench.harm_writers --structure 1``; docs/evaluation-history.md).
The vocabularies are the rules' (bot/understand/harm_frame_words.py, structure.py), read on the
reader's text (the normalised message and its Arabic-script reading).
"""

from __future__ import annotations

from functools import cache, lru_cache

import numpy as np

from bot.understand import harm_frame_words as words
from bot.understand.structure import OTHERS
from bot.understand.word_groups import Group, Scan

# A few words the rules' lists lack, from general knowledge: getting around a duty ("nt7ayel 3la
# dariba", "التحايل", "frauder"), and the lawful side of one: late ("m3ettel", "تأخرت") or exempted.
_GET_AROUND = (
    "t7ayel|nt7ayel|yt7ayel|t7aylo|التحايل|نتحايل|يتحايل|نحتال|احتال|frauder|fraude|tricher|truander|"
    "nzmek|yzmek|نزمك|يزمك|nfelt|نفلت|يفلت"
)
_LATE_OR_EXEMPT = (
    "m3ettel|m3ttel|m3tel|t3ettelt|t3ttelt|t2khert|t2akhart|تاخرت|متاخر|متاخره|بالتاخير|tardivement|"
    "hors delai|apres la date|exoner|exemption|dispense|i3fa2|l'i3fa|الاعفاء|اعفاء"
)
# Each signal: the word lists any of which raises it.
_LISTS: dict[str, tuple[str, ...]] = {
    "person": (
        words.SPOUSE_OR_KIN, words.THIRD, words.NAMED, words.TITLED, words.OWNER_OF, words.WHOSE_CAR,
        words.WHO, words.BY_NUMBER, words.FILED_BY_OTHERS, OTHERS,
    ),
    "theirs": (
        words.CONTACT, words.INFO_ON, words.STATUS_ASKED, words.WHERE_LIVES, words.RECORD, words.EARNED,
        words.APPLIED, words.TITLED_DATA, words.PHONE_NO,
    ),
    "many": (words.LIST_OF,),
    "records": (words.PLURAL_RECORDS,),
    "owned": (words.OWN, words.KID, words.MANDATE, words.DECEASED, words.WRONGED, words.COMPLAINED_OF_ME),
    "evade": (
        words.NEG_ACT, words.HIDE, words.AVOID_ANY, words.UNDECLARED, words.CONCEAL, words.UNDERSTATE,
        words.PAY_LESS, words.KEEP_FROM, _GET_AROUND,
    ),
    "duty": (words.DUTY, words.COUNTED, words.DECLARING, words.WORKERS_OR_CONTROL, words.AUTHORITY_BODY),
    "lawful": (words.ON_TIME, words.CONSEQUENCE, words.ALLOWED_Q, words.LEGALISE, words.WHICH_DOCS, _LATE_OR_EXEMPT),
    "way": (words.A_WAY,),
}
# Served: the shapes only. A word alone (a person, a tax, "how", a child, "verify", a late payment) is
# what the n-grams already weigh; as a signal of its own it moved their weights and refused lawful
# look-alikes (a child's fine, "vérifier que") on writers left out (bench/harm_writers.py).
SIGNALS = (
    "person+theirs",
    "person+theirs-owned",
    "many+records",
    "owned+theirs",
    "evade+duty",
    "evade+duty-lawful",
    "way+evade+duty",
    "lawful+duty",
)


@cache
def _groups() -> dict[str, Group]:
    """One group per signal (its lists joined: one search per signal)."""
    return {name: Group("|".join(lists)) for name, lists in _LISTS.items()}


@lru_cache(maxsize=8192)
def signals(text: str) -> tuple[float, ...]:
    """The signals of a text read by ``harm_reader.reader_text`` (already normalised), in ``SIGNALS``'
    order, each 0 or 1."""
    scan = Scan(text)
    on = {name: bool(scan.spans(group)) for name, group in _groups().items()}
    crosses = {
        "person+theirs": on["person"] and on["theirs"],
        "person+theirs-owned": on["person"] and on["theirs"] and not on["owned"],
        "many+records": on["many"] and on["records"],
        "owned+theirs": on["owned"] and on["theirs"],
        "evade+duty": on["evade"] and on["duty"],
        "evade+duty-lawful": on["evade"] and on["duty"] and not on["lawful"],
        "way+evade+duty": on["way"] and on["evade"] and on["duty"],
        "lawful+duty": on["lawful"] and on["duty"],
    }
    return tuple(float(crosses[name]) for name in SIGNALS)


def matrix(texts: list[str]) -> np.ndarray:
    return np.asarray([signals(t) for t in texts], dtype=np.float32).reshape(len(texts), len(SIGNALS))
