"""Whether a message says the citizen is, or was, abroad: "à l'étranger", "f lkharij", "فبرا", or a
country where many Moroccans live ("فإسبانيا", "f fransa", "en Italie"); and whether it says a document
comes from such a country ("permis obtenu en France", "البيرمي اللي جبت من فرنسا", "lpermis dyali mn
spania"). Matched on normalised text."""

from __future__ import annotations

import re

from bot.understand.normalize import normalize

COUNTRIES_LATIN = (
    r"france|fransa|espagne|sbanya|sbania|spanya|spania|italie|italia|italya|belgique|beljika|"
    r"hollande|holanda|pays-bas|pays bas|allemagne|almanya|canada|kanada|angleterre|suisse|amerique|usa"
)
COUNTRIES_ARABIC = r"اسبانيا|سبانيا|فرنسا|ايطاليا|بلجيكا|هولندا|المانيا|كندا|امريكا|بريطانيا|انجلترا|سويسرا"
_LATIN = (
    rf"a l'etranger|a l etranger|l'etranger|etranger|lkharij|l5arij|kharij|f bra|fbra|mn bra|barra|{COUNTRIES_LATIN}"
)
_ARABIC = rf"(?:[وفبل]|فال|بال|وفال)?(?:الخارج|خارج المغرب|برا|{COUNTRIES_ARABIC})"
_ABROAD = re.compile(rf"(?<![\w'])(?:(?:en|au|aux|f|fi|b)\s+)?(?:{_LATIN}|{_ARABIC})(?![\w])")

# A licence's noun or a verb of getting it, then "from"/"in" a country within a few words.
_DOCUMENT = (
    r"permis|permi|lpermis|lpermi|licence|rokhsa|lrokhsa|obtenu|obtenue|passe|passee|jbt|jebt|jbto|jebto|"
    r"jbtha|dert|drt|derto|drto|رخصه|رخصتي|البيرمي|بيرمي|لبيرمي|جبت|جبتو|جبتها|درت|درتو|خديت|خذيت|حصلت"
)
_FROM = r"de|du|d'|en|au|aux|a|mn|men|f|fi|dyal|dial|من|ف|في|ديال|د"
_FROM_ABROAD = re.compile(
    rf"(?<![\w])(?:{_DOCUMENT})(?:\s+\S+){{0,4}}?\s+(?:{_FROM})\s*(?:{COUNTRIES_LATIN}|(?:ال)?(?:{COUNTRIES_ARABIC}))(?![\w])"
    rf"|(?<![\w])(?:{_DOCUMENT})\s+(?:[فم]ن?)?(?:{COUNTRIES_ARABIC})(?![\w])"
)


def says_abroad(message: str) -> bool:
    return bool(_ABROAD.search(normalize(message)))


def from_abroad(message: str) -> bool:
    """A licence said to come from another country ("mon permis d'Espagne", "permis obtenu en France")."""
    return bool(_FROM_ABROAD.search(normalize(message)))
