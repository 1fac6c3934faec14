"""Topics Dalil does not cover, in French, Arabic and Darija (both scripts).

Retrieval scores alone separate most off-topic questions, but a long chatty question about the
weather or a match still shares words with some procedure. A hit here lowers the confidence that
the question is about a procedure; it never refuses a question that clearly names one.
"""

from __future__ import annotations

import re
from functools import cache

from bot.understand.normalize import normalize

OFF_TOPIC: dict[str, list[str]] = {
    "weather": [
        "meteo",
        "temps qu'il fait",
        "quel temps",
        "pluie",
        "pleuvoir",
        "il pleut",
        "neige",
        "canicule",
        "temperature",
        "chta",
        "tchta",
        "sxana",
        "s5ana",
        "skhana",
        "chergui",
        "الطقس",
        "الطقس غدا",
        "المطر",
        "الشتا",
        "الشتاء",
        "السخانه",
        "الحراره",
        "درجه الحراره",
        "الشركي",
    ],
    "sport": [
        "match",
        "lmatch",
        "foot",
        "football",
        "equipe nationale",
        "championnat",
        "buteur",
        "raja",
        "wydad",
        "botola",
        "mondial",
        "كوره",
        "الكوره",
        "المنتخب",
        "الماتش",
        "ماتش",
        "الرجاء",
        "الوداد",
        "اهداف",
        "البطوله",
    ],
    "health": [
        "medicament",
        "antibiotique",
        "fievre",
        "toux",
        "mal de tete",
        "mal au ventre",
        "symptome",
        "grippe",
        "douleur",
        "katdorni",
        "kaydorni",
        "dwa",
        "دواء",
        "الدواء",
        "صداع",
        "حمى",
        "السخونيه",
        "كحه",
        "الكحه",
        "كيضرني",
        "كاتضرني",
        "كرشي",
    ],
    "food": [
        "recette",
        "cuisiner",
        "cuisine",
        "ingredients",
        "restaurant",
        "resto",
        "ntayeb",
        "nteyyeb",
        "وصفه",
        "طبخ",
        "نطيب",
        "كيفاش نطيب",
        "مطعم",
        "المطعم",
    ],
    "entertainment": [
        "blague",
        "nokta",
        "nkta",
        "m7ayech",
        "film",
        "serie",
        "chanson",
        "نكته",
        "نكت",
        "مضحكه",
        "فيلم",
        "اغنيه",
    ],
    "shopping": [
        "offre",
        "forfait",
        "fibre",
        "promo",
        "promotion",
        "soldes",
        "marjane",
        "inwi",
        "orange",
        "acheter un",
        "m7loul",
        "ouvert le",
        "تخفيضات",
        "عروض",
        "مرجان",
    ],
    "essay": ["dissertation", "redige", "redigez", "ecris moi", "poeme", "انشاء", "قصيده", "اكتب لي"],
}


@cache
def _pattern() -> re.Pattern[str]:
    forms = sorted({normalize(w) for words in OFF_TOPIC.values() for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")


def off_topic_terms(message: str) -> list[str]:
    """The off-topic words found in a message (empty when none)."""
    return _pattern().findall(normalize(message))
