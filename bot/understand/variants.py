"""Which variant of a procedure family a message names: first request, renewal, loss, a minor, a
duplicate, a foreign document, a new vehicle, a change of owner.

Families group procedures a citizen names with the same noun ("passeport", "لاكارط", "lpermis",
"carte grise"); the knowledge files say which family and which variant each procedure is. A message
that names the noun but no variant is ambiguous within the family; a variant word settles it. Word
lists cover French, MSA and Darija in both scripts, matched on normalised text (``normalize``), so
accents, hamzas and Arabizi digits vary freely.
"""

from __future__ import annotations

import re
from functools import cache

from bot.knowledge.schema import Variant
from bot.understand.abroad import from_abroad, says_abroad
from bot.understand.arabizi import latin_skeleton
from bot.understand.normalize import normalize
from bot.understand.variant_words import VARIANT_CUES

# An age under 18 names a minor ("3ndo 9 ans", "عمرو 10 سنين", "ولدي عندو 8 سنين").
AGE = re.compile(
    r"(?<!\d)(1[0-7]|[1-9])\s*(?:ans?|3am|snin|sna|عام|سنين|سنوات|سنة|سنه)\b"
    r"|(?<!\w)(?:ثلاث|اربع|خمس|ست|سبع|ثماني|ثمان|تسع|عشر)\w?\s+(?:سنوات|سنين|اعوام)"
)
# An age of 18 or more: a son or a daughter of age asks an adult's procedure.
_ADULT = re.compile(r"(?<!\d)(?:1[89]|[2-9]\d)\s*(?:ans?|3am|snin|sna|عام|سنين|سنوات|سنة|سنه)\b")
# ... but not a time gone by or a validity ("expiré depuis 2 ans", "hadi 3 snin", "منذ 5 سنوات", "valable 10 ans").
_SINCE = re.compile(
    r"(?<![\w])(?:depuis|il y a|ya|ca fait|hadi|hada|mn|men|mnd|من|منذ|هادي|هادا|مند|valable|valide|pendant|صالح|صالحه|"
    r"لمده|مده|sal7a|salha)\s*$"
)


@cache
def _patterns() -> dict[Variant, re.Pattern[str]]:
    out = {}
    for variant, words in VARIANT_CUES.items():
        forms = sorted({normalize(w) for w in words}, key=len, reverse=True)
        # A word in Arabic script carries its particles glued on (وولدي, لطفلي, وتقطع, فالخارج).
        # ... and a verb's person or object ("جددت", "n3awedha"); not "exchange" words: "استبدالها"
        # replaces one's own paper licence.
        ending = "" if variant == "foreign" else _ENDING
        alternatives = "|".join(map(re.escape, forms))
        out[variant] = re.compile(r"(?<![\w])" + _ARABIC_LEAD + "(?:" + alternatives + ")" + ending + r"(?![\w])")
    return out


@cache
def _skeleton_patterns() -> dict[Variant, re.Pattern[str]]:
    """Darija words in Latin letters with an Arabic letter's digit ("daya3t", "tsre9at", "mdi3a") read without
    their vowels and doubled letters, however they are spelt ("dya3t", "tsr9at"), an object maybe glued on."""
    out = {}
    for variant, words in VARIANT_CUES.items():
        forms = {latin_skeleton(normalize(w)) for w in words if re.search("[a-z]", w) and re.search("[2-9]", w)}
        forms = sorted((f for f in forms if len(f.replace(" ", "")) >= 3), key=len, reverse=True)
        if forms:
            out[variant] = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, forms)) + r")(?:th|t|h|l|tl)?(?![\w])")
    return out


# And, then, with, for, like, the: "وتقطع", "فالخارج", "لولدي", "بالتجديد".
_ARABIC_LEAD = r"(?:[وف]?(?:[بك]?ال|لل|[بلك])(?=[\u0600-\u06ff])|[وف](?=[\u0600-\u06ff]))?"
_ENDING = r"(?:(?<=[\u0600-\u06ff])(?:تها|ته|تو|ت|ها|و)|(?<=[a-z])(?:tha|to|ha|ou|o))?"


# A family without a variant of the name the message gives takes the nearest one: a lost carte grise
# is its duplicate, a lost driving licence's procedure is the duplicate one, a carte grise is renewed
# by the renewal-or-duplicate procedure.
NEAREST: dict[Variant, tuple[Variant, ...]] = {
    "lost": ("duplicate",),
    "duplicate": ("lost",),
    "renewal": ("duplicate",),
}
# When a message names several variants, the one that decides the procedure: a lost passport of a
# minor is a lost passport; a renewal for a child is the minor's procedure.
PRIORITY: tuple[Variant, ...] = ("lost", "duplicate", "minor", "new_vehicle", "transfer", "foreign", "renewal", "first")


def named_variant(cues: set[Variant], variants: set[Variant]) -> Variant | None:
    """The variant of a family (``variants``) that the cues of a message name, or None."""
    for cue in PRIORITY:
        if cue in cues:
            for variant in (cue, *NEAREST.get(cue, ())):
                if variant in variants:
                    return variant
    return None


# "machi awel merra", "elle n'est pas perdue", "ماشي أول مرة", "ليست ضائعة": the variant is denied.
# An Arabic-script negation may carry "and" glued on ("وليس أول مرة", "وماشي ضايعة").
_NEGATION = re.compile(r"(?:^|[\s,])(?:machi|mashi|mach|pas|non|not|و?(?:ماشي|مشي|ليس|ليست|لم))\s+(?:[^\s,.;]+\s+)?$")


def negated_variants(message: str) -> set[Variant]:
    """The variants a message names only to deny them (a correction: "non, pas perdue, expirée")."""
    text = normalize(message)
    return {
        variant
        for variant, pattern in _patterns().items()
        for m in pattern.finditer(text)
        if _NEGATION.search(text[max(0, m.start() - 24) : m.start()])
    }


# Darija's renewal verb in Latin letters however its vowels and doubled letters are spelt, with its
# person prefix and object ("njdd", "nejded", "ytjdded", "kanjeddedha", "njddo"); not "jdid" (new),
# nor "jeddi" (my grandfather).
_RENEW_ROOT = re.compile(
    r"(?<![\w])(?:(?:ka|ta|gha)?[nty][ae]?t?[ae]?jj?[ae]?dd?[ae]?d|j[ae]?dd[ae]?dt?)(?:o|ou|ha|to|tha|hom|iw|ouha)?(?![\w])"
)


# French renewal words however spelt or conjugated ("renouveller", "renouvlé", "nrenouvliha",
# "expiration", "périmés"), or heard: a voice note's "renouler" (its "ve" swallowed).
_RENEW_FR = re.compile(
    r"(?<![\w])(?:n|t|y|kan|kat)?r[ei](?:nouv|no?u?v[ei]?l|noul)[a-z]*|(?<![\w])(?:expir|perim)[a-z]*"
)


# "First" as the first step or thing to do ("awel haja", "la première étape", "الخطوة الأولى") asks how to
# begin, not for a first request.
_FIRST_STEP = re.compile(
    r"(?<![\w])(?:awel|awal|lawel|lowel|premiere?|اول|الاول|الاولي|اولا)\s+(?:haja|7aja|hajja|chi|etape|chose|pas|"
    r"حاجه|خطوه|شي|شيء|مرحله)(?![\w])"
    r"|(?<![\w])(?:ال)?(?:خطوه|مرحله|حاجه)\s+(?:ال)?(?:اولي|اول)(?![\w])"
)


# French "lose" however conjugated ("si je le perds", "perdre", "je l'ai égarée").
_LOST_FR = re.compile(r"(?<![\w])(?:perd(?:s|re|rai|rais|rait|ons|ez|ent|ais|ait|u|ue|us|ues)?|egar[a-z]*)(?![\w])")
# A date gone by, however "passed" is conjugated or its object glued ("fatha la date", "fatto ddate",
# "فاتتها الداطة", "فاتو الدات"): expired, so renewed.
_DATE_PASSED = re.compile(
    r"(?<![\w])fa(?:t|tt|te|tet|ta|tat|tha|tto|to|tou|tetha|tatha|tethom)\s+(?:(?:lih|liha|lia|liya)\s+)?(?:la\s*|d\s*|l)?d?date(?![\w])"
    r"|(?<![\w])(?:و)?فات(?:ت|و|ها|تها|تو|اتها)?\s+(?:ليه\s+|ليها\s+|ليا\s+)?(?:ال)?(?:دات|داطه|داطا|تاريخ)(?![\w])"
)


# French "vol" is a flight as often as a theft: a flight when taken, booked, "for" or "before" one, or
# with where or when it goes ("passeport pour un vol demain", "j'ai un vol vers Paris"); a theft when it is
# "of" something ("le vol de mon passeport") or nothing says otherwise ("en cas de perte ou de vol").
_FLIGHT = re.compile(
    r"(?<![\w'])(?:pour|prendre|prends|pris|reserver|reserve|avant|billet|mon|ton|son|notre|votre)\s+"
    r"(?:(?:un|le|mon|ton|son|d' un|du)\s+)?vols?(?!\s+(?:de|du|d'|des)(?![\w']))"
    r"|(?<![\w'])vols?(?=\s+(?:pour|vers|a destination|demain|ce soir|cette semaine|la semaine|aujourd' hui|direct|"
    r"international|interieur|prevu|retour|aller)(?![\w']))"
)


_CHANGE = re.compile(r"(?<![\w])(?:n|y|t|kan|kay|kat)?bd+[ae]?l(?:o|ou|ha|to|tha)?(?![\w])")


# "Never" is "his/her/my life ... not" in Darija, whoever's life it is ("ماعمرو دار البطاقة", "3mrha ma
# khrjat passport", "ma 3emmri drt"): nothing to renew, a first request.
_LIFE = r"(?:ي|ك|و|ه|ها|هم|نا|كم)"
_NEVER = re.compile(
    rf"(?<![\w])(?:ما\s*عمر{_LIFE}|عمر{_LIFE}\s+ما)(?![\w])"
    r"|(?<![\w])(?:ma\s*3[eo]?mm?r(?:i|k|ek|o|ou|ha|hom|na)|3[eo]?mm?r(?:i|k|ek|o|ou|ha|hom|na)\s+ma)(?![\w])"
)


# "Je suis perdu(e)" is being at a loss, not a lost document.
_AT_A_LOSS = re.compile(
    r"(?<![\w])(?:je suis|suis|chui|j' suis)\s+(?:un peu\s+|tout\s+|completement\s+)?perdue?s?(?![\w])"
)


# A child who marries, or whose wedding it is, is of age ("ma fille se marie en juillet … le passeport", "bnti
# ghadi tzowej", "le mariage de mon fils"): the family's passport, not the minor's.
_MARRIES = re.compile(
    r"^\s+(?:(?:qui|li|lli|اللي|الي)\s+)?(?:(?:va|vont|ghadi|ghad|gha|غادي|غاد)\s+)?"
    r"(?:se\s+marier?|se\s+marient|s' est\s+marie|s' est\s+mariee|"
    r"(?:ka|gha|ta)?t?tz[aeo]*w+[aeo]*j(?:at|t|o|ou)?|[كغ]?ت?تزوج(?:ات|ت|و)?)(?![\w'])"
)
_WEDDING_OF = re.compile(
    r"(?<![\w'])(?:mariage|noces|3ers|l3ers|3rss|l3rss|زواج|عرس|العرس)\s+(?:de\s+|d\s+|dyal\s+|ديال\s+)?$"
)


def _child_of_age(text: str) -> bool:
    """Every child the message names marries or has a wedding."""
    found = list(_patterns()["minor"].finditer(text))
    return bool(found) and all(
        _MARRIES.match(text[m.end() :]) or _WEDDING_OF.search(text[: m.start()]) for m in found
    )


def variant_cues(message: str) -> set[Variant]:
    """The variants a message names (empty when it names none)."""
    text = _AT_A_LOSS.sub(" ", _FLIGHT.sub(" ", _FIRST_STEP.sub(" ", normalize(message))))
    found = {variant for variant, pattern in _patterns().items() if pattern.search(text)}
    if re.search("[a-z]", text):
        bare = latin_skeleton(text)
        found |= {variant for variant, pattern in _skeleton_patterns().items() if pattern.search(bare)}
    if any(not _SINCE.search(text[: m.start()]) for m in AGE.finditer(text)):
        found.add("minor")
    elif any(not _SINCE.search(text[: m.start()]) for m in _ADULT.finditer(text)) or _child_of_age(text):
        found.discard("minor")  # "wldi wsal 18 3am", "ma fille a 20 ans", "ma fille se marie": a child, but of age
    if _RENEW_ROOT.search(text) or _RENEW_FR.search(text) or _DATE_PASSED.search(text):
        found.add("renewal")
    if _NEVER.search(text):
        found.add("first")
    if _LOST_FR.search(text):
        found.add("lost")
    # Darija's "change" is a foreign licence's exchange only when the message says abroad ("nbddel lpermis
    # dyal Italie"); alone it may be the old paper licence, an address, a name ("bghit nbddel lpermis").
    if from_abroad(text) or (_CHANGE.search(text) and says_abroad(text)):
        found.add("foreign")
    return found


def without_variants(message: str) -> str:
    """The normalised message with its variant words and phrases blanked ("lbatakha dyali fatha la date"
    -> "lbatakha dyali  "): what is left says whether the message is about anything else."""
    text = normalize(message)
    for pattern in (*_patterns().values(), _RENEW_ROOT, _RENEW_FR, _DATE_PASSED, _NEVER, _LOST_FR):
        text = pattern.sub(" ", text)
    return text
