"""Whether a message says the citizen is, or was, abroad: "à l'étranger", "f lkharij", "فبرا", or a
country where many Moroccans live ("فإسبانيا", "f fransa", "en Italie"). Matched on normalised text."""

from __future__ import annotations

import re

from bot.understand.normalize import normalize

_LATIN = (
    r"a l'etranger|a l etranger|l'etranger|etranger|lkharij|l5arij|kharij|f bra|fbra|mn bra|barra|"
    r"france|fransa|espagne|sbanya|sbania|spanya|spania|italie|italia|italya|belgique|beljika|"
    r"hollande|holanda|pays-bas|pays bas|allemagne|almanya|canada|kanada|angleterre|suisse|amerique|usa"
)
_ARABIC = (
    r"(?:[وفبل]|فال|بال|وفال)?(?:الخارج|خارج المغرب|برا|اسبانيا|سبانيا|فرنسا|ايطاليا|بلجيكا|هولندا|المانيا|"
    r"كندا|امريكا|بريطانيا|انجلترا|سويسرا)"
)
_ABROAD = re.compile(rf"(?<![\w'])(?:(?:en|au|aux|f|fi|b)\s+)?(?:{_LATIN}|{_ARABIC})(?![\w])")


def says_abroad(message: str) -> bool:
    return bool(_ABROAD.search(normalize(message)))
