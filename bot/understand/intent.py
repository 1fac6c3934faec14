"""What a message asks about (fees, delay, documents, place…) and whether it continues the
conversation. Word lists cover French, MSA, Darija in both scripts; matched on normalised text."""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from bot.understand.normalize import normalize

# The parts of a procedure a question may ask about, in the order a card shows them.
Aspect = Literal["documents", "steps", "fees", "delay", "where", "online"]
ASPECTS: tuple[Aspect, ...] = ("documents", "steps", "fees", "delay", "where", "online")

_ASPECT_WORDS: dict[Aspect, list[str]] = {
    "fees": [
        "combien",
        "cout",
        "coute",
        "couter",
        "prix",
        "tarif",
        "frais",
        "timbre",
        "payer",
        "paye",
        "gratuit",
        "droits",
        "ch7al",
        "chhal",
        "sh7al",
        "chehal",
        "taman",
        "tamane",
        "flous",
        "khlas",
        "nkhelles",
        "nkhlles",
        "katkhlles",
        "kaykhlles",
        "fabor",
        "كم",
        "تكلفه",
        "تكلف",
        "ثمن",
        "سعر",
        "رسوم",
        "الرسوم",
        "مجاني",
        "مجانا",
        "الواجب",
        "نخلص",
        "كنخلص",
        "الخلاص",
        "شحال",
        "فلوس",
        "التنبر",
        "تنبر",
        "الطابع",
    ],
    "delay": [
        "delai",
        "delais",
        "temps",
        "duree",
        "jours",
        "quand",
        "attendre",
        "combien de temps",
        "rapide",
        "kat3tal",
        "kay3tal",
        "kaytkhrej",
        "ch7al mn nhar",
        "mnin",
        "wa9t",
        "lwe9t",
        "lwa9t",
        "imta",
        "emta",
        "المده",
        "مده",
        "المدة",
        "الاجل",
        "الآجال",
        "اجل",
        "متى",
        "كم يوم",
        "تستغرق",
        "يستغرق",
        "الوقت",
        "الوقت",
        "امتى",
        "إمتى",
        "فوقاش",
        "كتعطل",
        "كاتعطل",
        "شحال ديال الوقت",
        "كيخرجو",
        "النتائج",
    ],
    "documents": [
        "documents",
        "document",
        "papiers",
        "pieces",
        "dossier",
        "fournir",
        "apporter",
        "ramener",
        "wra9",
        "lwra9",
        "lwraq",
        "lwara9",
        "wera9",
        "papier",
        "les documents",
        "njib",
        "nejib",
        "الوثائق",
        "وثائق",
        "المستندات",
        "الملف",
        "الاوراق",
        "الأوراق",
        "الوراق",
        "لوراق",
        "نجيب",
        "الوثائق المطلوبه",
    ],
    "where": [
        "ou",
        "adresse",
        "bureau",
        "guichet",
        "aller",
        "deposer",
        "depose",
        "fin",
        "fine",
        "mnin",
        "nmchi",
        "nemchi",
        "ndir",
        "ntsejjel",
        "fayn",
        "اين",
        "أين",
        "مكان",
        "اي مصلحه",
        "فين",
        "منين",
        "نمشي",
        "ندير",
        "نودع",
    ],
    "online": [
        "en ligne",
        "internet",
        "site",
        "online",
        "telephone",
        "application",
        "portail",
        "a distance",
        "عبر الانترنت",
        "الانترنت",
        "انترنت",
        "اونلاين",
        "موقع",
        "التليفون",
        "التلفون",
        "الهاتف",
        "تطبيق",
    ],
}

_FOLLOWUP_OPENERS = {"et", "w", "o", "ou", "wa", "و", "واش", "wach", "alors", "donc", "mais", "ou bien"}


@cache
def _patterns() -> dict[Aspect, re.Pattern[str]]:
    compiled: dict[Aspect, re.Pattern[str]] = {}
    for aspect, words in _ASPECT_WORDS.items():
        forms = sorted({normalize(w) for w in words}, key=len, reverse=True)
        compiled[aspect] = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")
    return compiled


def detect_aspect(message: str) -> Aspect | None:
    """The single aspect a message asks about, or None when it asks about several or none."""
    text = normalize(message)
    found = [aspect for aspect, pattern in _patterns().items() if pattern.search(text)]
    # "where" words are short and common ("ou", "fin"): only decisive when nothing else matched.
    if len(found) > 1 and "where" in found:
        found.remove("where")
    return found[0] if len(found) == 1 else None


def looks_like_followup(message: str) -> bool:
    """Short messages, or messages opening with a connector, continue the conversation."""
    text = normalize(message)
    words = text.split()
    if not words:
        return False
    opener = words[0].strip(",.!?")
    return len(words) <= 8 or opener in _FOLLOWUP_OPENERS or text.startswith("و")
