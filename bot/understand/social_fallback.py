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


# A request beside the social words: a question word or a want ("Bonjour, comment on fait le roque ?",
# "السلام عليكم، كم يعيش الفيل؟", "salam, bghit hotel"), or two content words asked ("les turbulences c'est
# dangereux ?"); "ça va la famille ?" is not one.
_REQUEST = re.compile(
    r"(?<!\w)(?:comment|pourquoi|combien|quel|quelle|quels|quelles|ou|est ce que|qu' est ce|c' est quoi|je veux|"
    r"je voudrais|je cherche|cherche|wach|chno|achno|kifach|kifash|fin|fayn|3lach|ch7al|chhal|bghit|baghi|"
    r"كم|كيف|لماذا|ماذا|اين|أين|هل|ما هو|ما هي|من هو|من هي|واش|شنو|اشنو|كيفاش|فين|علاش|شحال|بغيت|باغي|اريد|أريد)(?!\w)"
)
# Asking Dalil for a recommendation or an explanation ("vous connaissez un bon tatoueur ?", "vous pouvez me
# conseiller un hotel ?", "هل يمكنك شرح قاعدة...", "wach kat3ref chi hotel"): a request, not about Dalil.
_ASKS_OF_YOU = re.compile(
    r"(?<!\w)(?:connais|connaissez|kat3ref|kt3ref|كتعرف|تعرف)\s+(?:un|une|des|quelques?|chi|شي)(?!\w)"
    r"|(?<!\w)(?:peux|pouvez|pourriez|pourrais|t9der|tqder|تقدر|يمكنك|تستطيع)\s+(?:me\s+|m'\s*|moi\s+|lia\s+|ليا\s+)?"
    r"(?:conseiller|recommander|proposer|expliquer|donner|dire|poser|raconter|trouver|suggerer|ecrire|t3tini|tgoul|"
    r"tgouli|tchre7|t9tare7|tktb|تعطيني|تقول|تشرح|تقترح|تكتب|شرح|اقتراح|ان تشرح|ان تقترح|ان تعطيني|ان تكتب|ان تخبرني)"
)
# Administration named in a question to Dalil about itself ("wach tu connais les démarches dyal l'état
# civil?", "واش كتعرف غير الوراق ديال الإدارة?"): what it can do, not an off-topic request.
_ADMINISTRATION = re.compile(
    r"(?<!\w)(?:demarches?|procedures?|administration|administratives?|papiers|documents|dossiers?|idara|lidara|"
    r"wra9|lwra9|etat civil|الاداره|اداره|الاداريه|الاجراءات|اجراءات|المساطر|مساطر|الوراق|وراق|الوثائق|وثائق|"
    # ... or the languages it speaks ("wach katfhem lfransawiya wla ghir darija?").
    r"darija|ddarija|francais|fransawiya|lfransawiya|arabe|l3arbiya|3arbiya|anglais|english|tachelhit|amazigh|"
    r"tamazight|الدارجه|الفرنسيه|العربيه|الانجليزيه|الامازيغيه)(?!\w)"
)


def _requests(rest: list[str], message: str) -> bool:
    content = [w for w in rest if w not in STOP_WORDS and len(w) > 1]
    return bool(_REQUEST.search(" ".join(rest))) or (len(content) >= 2 and message.rstrip().endswith(("?", "؟")))


def social_fallback(message: str, detected: AnswerLang) -> Social | None:
    """For a message about to be declined as off topic: a social phrase with a few words around it
    ("salam khoya, ça va la famille ?"), or a question to Dalil about itself ("wach kat3ref tghenni?"), is
    answered as social rather than refused; a request beside them ("Bonjour, les turbulences c'est
    dangereux ?", "vous connaissez un bon tatoueur ?") is declined (``opening_social`` returns the
    greeting). Never for a message that names a procedure (the caller asks only then)."""
    text = _clean(message)
    pattern, meaning = _table()
    found = [meaning[m.group(0)] for m in pattern.finditer(text)]
    kinds = {kind for kind, _ in found if kind is not None}
    rest = _NOISE.sub(" ", pattern.sub(" ", text)).split()
    if kinds and len(rest) <= 3 and not _requests(rest, message):
        kind = next(k for k in _PRIORITY if k in kinds)
        return Social(kind, _language([lang for _, lang in found], detected))
    # ... a short question about it: more than three content words beside "you" ask for something else.
    beside = [w for w in _NOISE.sub(" ", _ABOUT_YOU.sub(" ", pattern.sub(" ", text))).split() if w not in STOP_WORDS]
    asked = len(rest) <= 8 and len(beside) <= 3 and not _ASKS_OF_YOU.search(text)
    if _ABOUT_YOU.search(text) and (asked or _ADMINISTRATION.search(text)):
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
