"""Does a text state an amount of money or a duration? Such facts are what a citizen acts on (what to
pay, how long to wait, how recent a document must be), so the schema wants a tier A or B source for
them, or the item marked ``unconfirmed``."""

from __future__ import annotations

import re

_FR_NUMBER = (
    r"\d+(?:[.,]\d+)?|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|"
    r"quarante|soixante|quatre-vingt-dix"
)
_FR_UNITS = r"jours?|mois|ans?|années?|semaines?|heures?|minutes?|h"
_AR_UNITS = r"يوما|يوم|أيام|ايام|شهرا|شهر|أشهر|اشهر|سنة|سنوات|سنين|ساعة|ساعات|أسبوع|أسابيع|اسابيع|دقيقة|دقائق"
_AR_NUMBER_WORDS = r"ثلاثة|ثلاث|أربعة|أربع|خمسة|خمس|ستة|ست|سبعة|عشرة|عشر|خمسة عشر|ثلاثين|ستين|تسعين"
_AR_DUALS = r"شهرين|سنتين|يومين|أسبوعين|ساعتين|شهران|سنتان|يومان|أسبوعان"
_CURRENCY = r"dh|dhs|mad|dirhams?|درهم|دراهم|درهما"

AMOUNT_OR_DURATION = re.compile(
    rf"\d[\d\s.,]*\s*(?:{_CURRENCY})(?!\w)"  # 75 DH, 1.000 درهم
    rf"|(?<!\w)(?:{_FR_NUMBER})\s+(?:{_FR_UNITS})(?!\w)"  # 3 mois, un an, 48 h
    rf"|\d+\s*(?:{_AR_UNITS})"  # 30 يوما
    rf"|(?<!\w)(?:{_AR_NUMBER_WORDS})\s+(?:{_AR_UNITS})"  # ثلاثة أشهر
    rf"|(?<!\w)(?:{_AR_DUALS})(?!\w)"  # شهرين
    rf"|(?<!\w)(?:سنة|شهر|يوم|أسبوع)\s+واحد"  # سنة واحدة
    r"|(?<!\w)gratuite?s?(?!\w)|(?<!\w)(?:بالمجان|مجانا|مجاني|مجانية)(?!\w)",  # free is a fee too
    re.IGNORECASE,
)


def amounts_and_durations(text: str) -> list[str]:
    """The amounts and durations a text states, as written ("75 DH", "3 mois", "gratuit")."""
    return [m.group(0).strip() for m in AMOUNT_OR_DURATION.finditer(text)]
