"""Ask between close neighbours, or not: when the message does not settle which of a few close
procedures it means, Dalil asks with options instead of picking one.

- **Families** (knowledge files' ``family`` / ``variant``: passport, cnie, driving licence, carte grise):
  when the best hits belong to one family, the message's variant words decide ("renouveler",
  "njdded", "ضاع", "awel merra", an age under 18: ``bot.understand.variants``); without any, a short
  message (``DALIL_CLARIFY_MAX_WORDS``) gets a question with every variant of the family as an option.
- **Near ties**: a short message that matches a few procedures almost equally ("cnss", "attestation
  fiscale").
- **A document not named**: "un papier du consulat", "chi wra9a", "وثيقة تثبت…", "بغيت شهادة".
- **One or the other**: "une société wla auto-entrepreneur".
- **A topic named, nothing more**: a broad noun several procedures answer (a birth, a tax certificate,
  an error in one's records, starting a business, social security, state aid) with only words that
  name no procedure ("bghit", "une question", "les papiers", "ديالي"); any other word may settle it
  ("déclarer", "extrait", "فالضمان", "imposition"), and then search decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.search.served import KnowledgeBase
from bot.types import Hit
from bot.understand.analysis import STOP_WORDS, tokenize
from bot.understand.aspects import detect_aspects, word_pattern
from bot.understand.normalize import normalize
from bot.understand.variants import named_variant, variant_cues

# Nouns that name no document in particular; after an indefinite article, "some", or alone in Arabic.
_GENERIC = "papier|papiers|document|attestation|certificat|wra9a|wra9|war9a|wer9a|ورقه|وثيقه|شهاده|وراق"
_NO_DOCUMENT_NAMED = re.compile(
    rf"(?<!\w)(?:(?:un|une|des|d' un|d' une|chi|شي)\s+(?:{_GENERIC})(?!\w)"
    r"|(?:ورقه|وثيقه|شهاده)(?=\s+(?:من|تثبت|تبين|كتبين|ل|على|عن)(?!\w)|\s*[?؟.!]*$))"
)
_OR = re.compile(r"(?<!\w)(?:wla|ولا|او|ou bien|ou alors)(?!\w)")
# "X or Y" names two procedures when the second is about as good a match and matches by its names.
OR_SCORE_RATIO = 0.6
OR_MIN_NAMES = 2.0


# --- topics named with one broad noun (beyond the knowledge model's families) ---------------------


@dataclass(frozen=True)
class Topic:
    names: str  # one of these words must be there
    also: str  # words that belong to the topic without settling which procedure
    procedures: tuple[str, ...]


TOPICS: dict[str, Topic] = {
    "birth": Topic(
        "naissance | naissances | wilada | lwilada | ولاده | الولاده | للولاده",
        "etat civil | حاله مدنيه | الحاله المدنيه | لدي",
        ("birth-certificate", "birth-declaration", "administrative-birth-certificate"),
    ),
    "tax_certificate": Topic(
        "impot | impots | fiscal | fiscale | fiscales | dariba | ddariba | daraib | ضريبه | ضريبيه | الضريبيه |"
        " الضريبه | الضرائب | ضرائب | جبائيه | الجبائيه",
        "",
        ("tax-compliance-certificate", "non-taxation-certificate", "attestation-residence-fiscale"),
    ),
    # An error in a record, about a name or a birth date: the civil status, the CNSS or two spellings.
    "record_error": Topic(
        "erreur | erreurs | faute | fautes | errone | erronee | different | differente | differents | ghalta |"
        " ghalat | ghalet | ghlat | ghalt | ghalte | خطا | اخطاء | غلط | غالط | غالطه | غلطه | مختلف | مختلفه",
        "mktoub | mktouba | مكتوب | مكتوبه | nom | noms | prenom | smiya | smia | ismi | smiti | الاسم | اسمي |"
        " اسم | سميتي | السميه | date de naissance | date | تاريخ الولاده | تاريخ الازدياد | تاريخ الزياده |"
        " تاريخ | ولادتي | naissance | fiha | فيها | فيه | fih",
        ("civil-status-rectification", "cnss-birthdate-correction", "attestation-concordance-mre"),
    ),
    "business": Topic(
        "entreprise | societe | charika | ch-charika | شركه | الشركه | مقاوله | المقاوله | business |"
        " projet | machrou3 | mchrou3 | مشروع | boite",
        "creer | cree | ncree | ncreer | creation | nhell | n7el | n7ell | nhl | nhal | نحل | نفتح | nfta7 | nftah |"
        " ouvrir | lancer | monter | انشاء | احداث | تاسيس | diali | dyali | ديالي | jdida",
        (
            "company-creation",
            "auto-entrepreneur",
            "trade-register",
            "business-tax-registration",
            "negative-certificate",
            "commercial-license",
        ),
    ),
    "social_security": Topic(
        "cnss | daman | ddaman | الضمان | ضمان | securite sociale | caisse nationale",
        "social | sociale | ijtima3i | lijtima3i | الاجتماعي | اجتماعي",
        (
            "cnss-employee-registration",
            "cnss-quitus",
            "cnss-survivors-refund",
            "cnss-birthdate-correction",
            "family-allowance",
            "retirement-pension",
            "amo-health-insurance",
        ),
    ),
    "state_aid": Topic(
        "da3m | dda3m | دعم | الدعم | aide | aides | مساعده | المساعده | منحه",
        "social | sociale | de l etat | dyal dawla | الدوله | ijtima3i | الاجتماعي | اجتماعي",
        ("direct-social-aid", "housing-aid", "rsu-registration"),
    ),
    # Legalising: a signature, a copy, or a judgment for use abroad.
    "legalization": Topic(
        "legaliser | legalisation | legalise | legalisee | faire legaliser | nsadde9 | nsade9 | nsdde9 | sadde9 |"
        " tsadde9 | tasdi9 | tsdi9 | msadde9 | تصديق | التصديق | مصادقه | المصادقه | نصادق | نصدق | نصادق على |"
        " نصدق على | المصادقه على",
        "chi | شي | un | une | mon | ma | mes | diali | dyali | ديالي | ديالو",
        ("signature-legalization", "certified-copy", "apostille-justice-documents"),
    ),
    # A Moroccan living abroad: the consulate's registration, a laissez-passer, customs, a concordance.
    "abroad": Topic(
        "mre | marocain residant a l' etranger | marocains residant a l' etranger | marocains du monde |"
        " jalia | ljalia | الجاليه | مغاربه العالم | مغاربه الخارج | مقيم بالخارج | مقيمه بالخارج | ساكن فالخارج |"
        " kan3ich f lkharij | 3aych f lkharij | consulat | l9onsoliya | lqonsoliya | qonsoliya | القنصليه | قنصليه",
        "je suis | ana | انا | marocain | marocaine | مغربي | مغربيه | f lkharij | bel kharij | فالخارج | بالخارج |"
        " من | du | de | mn | men",
        ("consular-registration", "laissez-passer-mre", "mre-customs", "attestation-concordance-mre"),
    ),
    # A vehicle's papers: registering a new one, a change of owner, a duplicate, lifting an opposition.
    "vehicle": Topic(
        "voiture | vehicule | automobile | tomobil | tomobile | tonobil | tomobila | طوموبيل | الطوموبيل |"
        " طونوبيل | سياره | السياره | سيارتي | لسيارتي | الموطور | moto | carte grise | lkart griz | lakart griz |"
        " لاكارط كريز | الكارط كريز | البطاقه الرماديه | الورقه الرماديه",
        "ma | mon | de ma | diali | dyali | ديالي | dyal | dial | ديال | de la | la | les | sur la | sur",
        (
            "vehicle-registration-new",
            "carte-grise-renewal-duplicate",
            "vehicle-ownership-transfer",
            "vehicle-opposition-mainlevee",
        ),
    ),
}
# Words that name no procedure: wanting, needing, doing, asking, a document in general, "please".
NAMES_NOTHING = """bghit | baghi | bghina | nebghi | بغيت | باغي | نبغي | بغينا | veux | voudrais | veut | souhaite |
    aimerais | اريد | اود | نريد | احتاج | نحتاج | khassni | khasni | خاصني | besoin | ndir | ndiro | ندير | faire |
    fais | نعمل | question | questions | info | infos | information | informations | renseignement |
    renseignements | سؤال | معلومات | معلومه | 3andi | 3ndi | عندي | procedure | procedures | demarche |
    demarches | اجراءات | الاجراءات | مسطره | المسطره | كيفاش | comment | quoi | papier | papiers | lpapier |
    lpapiers | wra9 | lwra9 | wra9a | lwar9a | war9a | lwra9a | وراق | الوراق | ورقه | الورقه | document |
    documents | وثيقه | الوثيقه | وثائق | شهاده | الشهاده | attestation | certificat | svp | stp | 3afak | عافاك |
    propos | concernant | بخصوص | 3la | على | probleme | mochkil | مشكل | مشكله | ma3reftch | معرفتش"""


@cache
def _patterns() -> dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]]:
    return {n: (word_pattern(t.names), word_pattern(t.also) if t.also else None) for n, t in TOPICS.items()}


@cache
def _nothing() -> re.Pattern[str]:
    return word_pattern(NAMES_NOTHING)


def topic_only(message: str, top: str) -> tuple[str, ...]:
    """The procedures of the topic the message names and says nothing more about, when the best hit
    (``top``) is one of them; empty otherwise."""
    text = normalize(message)
    for name, topic in TOPICS.items():
        names, also = _patterns()[name]
        if top not in topic.procedures or not names.search(text):
            continue
        rest = names.sub(" ", text)
        rest = also.sub(" ", rest) if also else rest
        rest = _nothing().sub(" ", rest)
        if not [t for t in tokenize(rest) if t not in STOP_WORDS]:
            return topic.procedures
    return ()


@dataclass(frozen=True)
class Neighbours:
    """What the message says about close procedures: ``ask`` between options, or ``choose`` one."""

    ask: tuple[str, ...] = ()
    choose: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class ClarifyLimits:
    """From the settings (``DALIL_CLARIFY_*``)."""

    tie_ratio: float  # a hit within this share of the top's score is a tie
    max_words: int  # content words of a message short enough to be a bare name
    candidate_ratio: float  # options offered for "a document" come within this share of the top
    max_options: int


def _ordered(family: dict[str, str], hits: list[Hit]) -> tuple[str, ...]:
    """A family's procedures, those the search ranked first first."""
    rank = {h.procedure_id: i for i, h in enumerate(hits)}
    return tuple(sorted(family.values(), key=lambda pid: rank.get(pid, len(rank))))


def between_neighbours(
    message: str, words: int, hits: list[Hit], kb: KnowledgeBase, limits: ClarifyLimits
) -> Neighbours:
    """Whether to ask, which procedure a variant word names, or nothing to say (``Neighbours()``)."""
    if not hits:
        return Neighbours()
    top = hits[0]
    family = kb.family(top.procedure_id)
    if family and sum(h.procedure_id in family.values() for h in hits[:3]) >= 2:
        variant = named_variant(variant_cues(message), set(family))
        if variant is not None:
            return Neighbours(choose=family[variant], reason=f"variant:{variant}")
        if words <= limits.max_words:  # a longer message says more than the family's noun: let search decide
            return Neighbours(ask=_ordered(family, hits)[: limits.max_options], reason="family")
        return Neighbours()
    if words <= 2 * limits.max_words and (topic := topic_only(message, top.procedure_id)):
        ranked = [h.procedure_id for h in hits if h.procedure_id in topic]
        if len(ranked) >= 2:
            return Neighbours(ask=_ordered({p: p for p in topic}, hits)[: limits.max_options], reason="topic")
    text = normalize(message)
    within = [h.procedure_id for h in hits[1 : limits.max_options] if h.score >= limits.tie_ratio * top.score]
    if words <= limits.max_words and within:
        return Neighbours(ask=(top.procedure_id, *within), reason="tie")
    if words <= 2 * limits.max_words and _NO_DOCUMENT_NAMED.search(text):
        close = [h.procedure_id for h in hits[1 : limits.max_options] if h.score >= limits.candidate_ratio * top.score]
        if close:
            return Neighbours(ask=(top.procedure_id, *close), reason="no_document_named")
    if words <= 2 * limits.max_words and _OR.search(text) and not detect_aspects(message) and len(hits) > 1:
        second = hits[1]
        if second.score >= OR_SCORE_RATIO * top.score and second.names >= OR_MIN_NAMES:
            return Neighbours(ask=(top.procedure_id, second.procedure_id), reason="one_or_the_other")
    return Neighbours()
