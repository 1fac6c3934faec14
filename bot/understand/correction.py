"""Whether a turn opens by saying the previous answer misread it: "non, ...", "la, machi ...", "لا، أقصد ...",
"pardon, je voulais dire ...". Matched on normalised text."""

from __future__ import annotations

import re
from functools import cache

from bot.understand.normalize import normalize

# How a correction opens ("non, ...", "la, machi ...", "لا، أقصد ...", "pardon, je voulais dire ...").
_CORRECTION = (
    "non|nn|pas ca|pas du tout|je parle|je voulais dire|je veux dire|en fait|plutot|pardon|attendez|"
    "excusez moi|desole|laa|lla|machi|mashi|ma chi|9sdi|9sdt|qsdi|qasdi|ana 9asd|smah lia|smeh lia|"
    "لا|لالا|ماشي|قصدي|قصدت|أقصد|اقصد|عفوا|عذرا|أعتذر|اعتذر|سمح ليا|سمحلي|ماشي هادي"
)
# Latin "la" is Darija's "no" only before a comma or another word of correction ("la, machi", "la 9sdt"),
# not the French article ("et pour la cin ?").
_LATIN_NO = re.compile(r"^la\s*(?:,|\s(?:machi|mashi|ma\s|9sdi|9sdt|qsdi|ana\s|rah|raha|lla|la|smh|smah|sme7|sma7))")


@cache
def _pattern(words: str) -> re.Pattern[str]:
    forms = sorted({normalize(w.rstrip("=")) for w in words.split("|") if w.strip()}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")


def is_correction(message: str) -> bool:
    """The turn opens by saying the previous one was misread."""
    text = normalize(message)
    return bool(_pattern(_CORRECTION).match(text) or _LATIN_NO.match(text))
