"""What a message about to be declined as off topic says socially: a greeting or thanks with nothing
else, or a short question to Dalil about itself, is answered as social ("salam khoya, ça va la famille ?",
"wach kat3ref tghenni?"); a request beside them is declined, the greeting it opened with returned first
("Bonjour, les turbulences c'est dangereux ?", "vous connaissez un bon tatoueur ?")."""

from __future__ import annotations

import re

from bot.types import AnswerLang
from bot.understand.analysis import STOP_WORDS
from bot.understand.social import _NOISE, _PRIORITY, Social, SocialKind, _clean, _language, _table

# Dalil addressed about itself: "you" with what it can do or is ("tu sais faire", "nta katfhem",
# "هل تستطيع", "wach kat3ref"), a question no procedure answers.
_ABOUT_YOU = re.compile(
    r"(?<!\w)(?:tu|vous|toi|t'|nta|nti|enta|ntouma|انت|نتا|نتي|نتوما|dalil|دليل)(?!\w).{0,30}"
    r"(?<!\w)(?:peux|pouvez|sais|savez|fais|faites|es|etes|connais|comprends|parles|reponds|t9der|tqder|"
    r"kat3ref|kt3ref|katfhem|katfham|kathder|katjaweb|kaddir|تقدر|كتعرف|كتفهم|كتهضر|كتجاوب|كدير|تستطيع|"
    r"تعرف|تفهم|تجيب|تتكلم)"
    r"|(?<!\w)(?:هل تستطيع|هل يمكنك|واش تقدر|واش كتعرف|wach t9der|wach kat3ref|est ce que tu|est ce que vous)(?!\w)"
)


# Administration named in a question to Dalil about itself ("wach tu connais les démarches dyal l'état
# civil?", "واش كتعرف غير الوراق ديال الإدارة?"): what it can do, not an off-topic request.
_ADMINISTRATION = re.compile(
    r"(?<!\w)(?:demarches?|procedures?|administration|administratives?|papiers|documents|dossiers?|idara|lidara|"
    r"wra9|lwra9|etat civil|الاداره|اداره|الاداريه|الاجراءات|اجراءات|المساطر|مساطر|الوراق|وراق|الوثائق|وثائق)(?!\w)"
)


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w not in STOP_WORDS and len(w) > 1]


def social_fallback(message: str, detected: AnswerLang) -> Social | None:
    """For a message about to be declined as off topic: a social phrase with nothing else, or opening it
    with one other word ("salam khoya, ça va la famille ?"), or a short question to Dalil about itself ("wach kat3ref
    tghenni?"), is answered as social rather than refused; a request beside them ("Bonjour, les
    turbulences c'est dangereux ?", "vous connaissez un bon tatoueur ?") is declined (``opening_social``
    returns the greeting). Never for a message that names a procedure (the caller asks only then)."""
    text = _clean(message)
    pattern, meaning = _table()
    found = [meaning[m.group(0)] for m in pattern.finditer(text)]
    kinds = {kind for kind, _ in found if kind is not None}
    rest = _NOISE.sub(" ", pattern.sub(" ", text)).split()
    content = len(_content(rest))
    if kinds and (content == 0 or (content == 1 and opening_social(message) is not None)):
        kind = next(k for k in _PRIORITY if k in kinds)
        return Social(kind, _language([lang for _, lang in found], detected))
    about = _ABOUT_YOU.search(text)
    if about and (len(_content(_NOISE.sub(" ", pattern.sub(" ", _ABOUT_YOU.sub(" ", text))).split())) <= 2
                  or _ADMINISTRATION.search(text)):
        return Social("capabilities", detected)
    return None


def opening_social(message: str) -> SocialKind | None:
    """The greeting or thanks a message opens with ("Bonjour, ...", "السلام عليكم، ..."), returned at the
    top of a decline; not one met later in the message ("kifach nktb cv mzyan": a CV)."""
    text = _clean(message)
    pattern, meaning = _table()
    m = pattern.match(_NOISE.sub(" ", text).strip())
    kind = meaning[m.group(0)][0] if m else None
    return kind if kind in ("greeting", "thanks") else None
