"""Ask between close neighbours, or not: when the message does not settle which of a few close
procedures it means, Dalil asks with options instead of picking one.

- **Families** (knowledge files' ``family`` / ``variant``: passport, cnie, driving licence, carte grise):
  when the best hits belong to one family, the message's variant words decide ("renouveler",
  "njdded", "ضاع", "awel merra", an age under 18: ``bot.understand.variants``); without any, a short
  message (``DALIL_CLARIFY_MAX_WORDS``) gets a question with every variant of the family as an option.
- **Near ties**: a short message that matches a few procedures almost equally ("cnss", "attestation
  fiscale").
- **A document not named**: "un papier du consulat", "chi wra9a", "وثيقة تثبت…", "بغيت شهادة", "bghit chahada".
- **One or the other**: "une société wla auto-entrepreneur", or each side naming its own ("شهادة السكنى ولا
  الحياة؟"), unless a fact is asked of them.
- **A topic named, nothing more** (``bot.answer.topics``): a broad noun several procedures answer (a
  birth, a tax certificate, registering, one's record, an error in one's records, starting a business,
  social security, state aid, legalising, a Moroccan abroad, a vehicle's papers) with only words that
  name no procedure ("bghit", "une question", "les papiers", "ديالي"); any other word may settle it
  ("déclarer", "extrait", "فالضمان", "imposition"), and then search decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answer.settled import asks_of_name
from bot.answer.short import facts_for
from bot.answer.topics import (
    CERTIFICATE,
    INDEFINITE_DOCUMENT,
    PAPER,
    content_words,
    topic_asked,
    topic_only,
    topic_said,
    without_asking,
)
from bot.search.query import prepare_query
from bot.search.served import KnowledgeBase
from bot.types import Hit
from bot.understand.analysis import analyze
from bot.understand.arabizi import arabizi_to_arabic
from bot.understand.aspects import Aspect, detect_aspects
from bot.understand.darija import concept_ids
from bot.understand.language import detect
from bot.understand.normalize import normalize
from bot.understand.variants import PRIORITY, named_variant, variant_cues

# A document not named: after an indefinite article or "some" (``topics.INDEFINITE_DOCUMENT``) ...
# ... or a certificate with nothing after it but where it comes from ("bghit chahada", "khassni
# attestation mn la commune", "بغيت شهادة", "ورقة من المقاطعة").
# ... an adjective that names none either ("une attestation administrative", "وثيقة إدارية").
_VAGUE = r"(?:\s+(?:administrative|administratif|officielle|officiel|idariya|idaria|اداريه|رسميه))?"
_NO_DOCUMENT_NAMED = re.compile(
    rf"(?<!\w)(?:{INDEFINITE_DOCUMENT}(?!\w)"
    rf"|(?:(?:bghit|baghi|khassni|khasni)\s+)?(?:{CERTIFICATE}|{PAPER}){_VAGUE}(?=\s+(?:mn|men|من)(?!\w)|\s*[?.!]*$)"
    rf"|(?:ورقه|وثيقه|شهاده){_VAGUE}(?=\s+(?:من|تثبت|تبين|كتبين|ل|على|عن)(?!\w)|\s*[?؟.!]*$))"
)
# Variant words about the citizen rather than the document: a child, abroad.
_A_CASE = frozenset({"minor", "foreign"})
BELOW_RATIO = 0.8  # a family below the top is asked about when its best is this close to the top's score
_A_CERTIFICATE = re.compile(rf"(?<!\w)(?:{CERTIFICATE}|chhadat|chahadat|(?:ال)?شهاد[هت])")
_OR = re.compile(r"(?<!\w)(?:wla|ولا|او|ou bien|ou alors)(?!\w)")
# "X or Y" names two procedures when the second is about as good a match and matches by its names.
OR_SCORE_RATIO = 0.6
OR_MIN_NAMES = 2.0
# ... or when each side of the "or" names its own ("شهادة السكنى ولا الحياة؟", "attestation de résidence
# ou certificat de vie"): "ou" and "أم" too, since each side must name a procedure by itself.
SIDE_TIE = 0.9  # a side's procedures named within this share of its best
SIDE_WORDS = 3  # content words of a side of "wla" that names a procedure
_OR_SIDES = re.compile(r"(?<!\w)(?:wla|ولا|او|ou bien|ou alors|ام)(?!\w)")
_OR_SIDES_FR = re.compile(r"(?<!\w)(?:ou)(?!\w)")
_BECAME = re.compile(r"(?<!\w)(?:wla|ولا)(?!\w)")


@dataclass(frozen=True)
class Neighbours:
    """What the message says about close procedures: ``ask`` between options, or ``choose`` one."""

    ask: tuple[str, ...] = ()
    choose: str | None = None
    reason: str = ""
    # Asked about a family's own noun said alone, in whatever spelling the lexicon knows ("btaka"); a noun
    # beside a variant word is left to the scope model (a "permis bateau", a diplomatic passport).
    said: bool = False
    # Answered for a whole family (the asked fact is the same in each): the variants it holds for.
    variants: tuple[str, ...] = ()


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
    family, ranked, said = _family(message, hits, kb)
    if ranked:
        cues = variant_cues(message)
        # Torn between two variants ("perdu ou renouvellement ?", "ma3reftch wach njddedha wla ndir jdida"):
        # asked between them.
        torn = tuple(family[v] for v in PRIORITY if v in cues and v in family)
        if len(torn) >= 2 and undecided(message):
            return Neighbours(ask=torn[: limits.max_options], reason="family", said=said)
        variant = named_variant(cues, set(family))
        if variant is not None:
            return Neighbours(choose=family[variant], reason=f"variant:{variant}")
        # A fact asked of the family's noun with no variant word ("c'est pour la carte nationale, quels
        # papiers je dois préparer ?", "ch7al lpaspor") is asked about however long the message: the papers
        # differ between a first card and a renewal. A longer message that asks no fact says more than the
        # noun (search decides) unless its other words name nothing ("أريد أن أستفسر عن الإجراءات المتعلقة
        # بجواز السفر"); the citizen's own case another family has a variant for (a child's CNIE, from abroad) is
        # left to search, but not another family's document ("الجديدة" of a new vehicle, said of a new job).
        asked = detect_aspects(message)
        if said and not {c for c in cues if c in _A_CASE or named_variant({c}, set(family))}:
            words = 0 if asked else min(words, content_words(message))
        if words <= limits.max_words:
            # A noun broader than the family ("البطاقة", "la carte": which card?) offers the topic's.
            if topic := topic_only(message, top.procedure_id):
                ask = _ordered({p: p for p in topic}, hits)[: limits.max_options]
                return Neighbours(ask=ask, reason="topic", said=said)
            ask = _ordered(family, hits)[: limits.max_options]
            # The asked fact the same in every variant (no fee in our base for any passport) is answered
            # for all of them, the variants offered beside it: a question would cost a turn for nothing.
            if asked and same_facts(kb, ask, asked):
                return Neighbours(choose=ask[0], reason="family_same", said=said, variants=ask)
            return Neighbours(ask=ask, reason="family", said=said)
        return Neighbours()
    # "Which one?", "I don't remember which" beside a topic's noun or two procedures named ("une attestation
    # des impôts, laquelle ?", "bonne conduite ou casier, je sais plus"): asked however long the message.
    text = normalize(message)
    if doubts(message):
        if topic := topic_said(message, top.procedure_id):
            return Neighbours(ask=_ordered({p: p for p in topic}, hits)[: limits.max_options], reason="topic")
        if sides := each_side_names(text, hits, kb, asked=True):
            return Neighbours(ask=sides[: limits.max_options], reason="one_or_the_other")
        # ... or a document not named, with "which" ("ils demandent une attestation sans préciser laquelle"; not
        # any "je sais pas": "je sais pas quoi faire, il me faut un papier pour l'école").
        if _WHICH.search(text) and _NO_DOCUMENT_NAMED.search(text) and (close := _close(hits, limits)):
            return Neighbours(ask=(top.procedure_id, *close), reason="no_document_named")
    # A fact asked of a topic named with nothing more ("chahadat lwilada ch7al?", "aide de l'etat, quels papiers
    # ?"): whose fact? The same in each of its procedures, it is answered for all of them. A procedure's own name
    # said whole is not the topic's noun ("ما هي تكاليف إحداث شركة؟", "acte de naissance online ch7al"): search's.
    facts = detect_aspects(message)
    topic = topic_asked(message, top.procedure_id) if facts and words <= 2 * limits.max_words else ()
    if topic and not any(asks_of_name(message, kb, pid) for pid in topic):
        ask = _ordered({p: p for p in topic}, hits)[: limits.max_options]
        if same_facts(kb, ask, facts):
            return Neighbours(choose=ask[0], reason="topic", variants=ask)
        return Neighbours(ask=ask, reason="topic")
    # The topic's noun alone is ambiguous by itself, even when search ranks one of its procedures far
    # ahead ("ورقة السوابق": the court's extract, not the police's fiche, for the words it matched).
    if words <= 2 * limits.max_words and (topic := topic_only(message, top.procedure_id)):
        return Neighbours(ask=_ordered({p: p for p in topic}, hits)[: limits.max_options], reason="topic")
    within = [h.procedure_id for h in hits[1 : limits.max_options] if h.score >= limits.tie_ratio * top.score]
    if words <= limits.max_words and within:
        return Neighbours(ask=(top.procedure_id, *within), reason="tie")
    if words <= 2 * limits.max_words and _NO_DOCUMENT_NAMED.search(text) and (close := _close(hits, limits)):
        return Neighbours(ask=(top.procedure_id, *close), reason="no_document_named")
    if words <= 2 * limits.max_words and _OR.search(text) and not facts and len(hits) > 1:
        second = hits[1]
        if second.score >= OR_SCORE_RATIO * top.score and second.names >= OR_MIN_NAMES:
            return Neighbours(ask=(top.procedure_id, second.procedure_id), reason="one_or_the_other")
    if words <= 2 * limits.max_words and (sides := each_side_names(text, hits, kb)):
        return Neighbours(ask=sides[: limits.max_options], reason="one_or_the_other")
    return Neighbours()


def _close(hits: list[Hit], limits: ClarifyLimits) -> list[str]:
    """The hits below the top worth offering beside it for a document not named."""
    return [h.procedure_id for h in hits[1 : limits.max_options] if h.score >= limits.candidate_ratio * hits[0].score]


_UNDECIDED = re.compile(
    r"(?<!\w)(?:wla|ola|wella|walla|ولا|او|ام|ou bien|ou alors|ma3reftch|ma3rftch|manarf|ما عرفتش|معرفتش|"
    r"ما نعرف|مانعرف|لا اعرف|je sais pas|je ne sais pas|sais pas)(?!\w)"
)
_OU = re.compile(r"(?<!\w)ou(?!\w)")
_WHICH_CERTIFICATE = rf"(?:chmen|achmen|ashmen|chmn|اشمن|شمن|اي|quelle|quel)\s+(?:{CERTIFICATE}|(?:ال)?شهاده)"
# The citizen says they do not know or remember which ("laquelle ?", "je sais plus", "ma3reftch ashmen wa7da").
_DOUBT = re.compile(
    r"(?<!\w)(?:laquelle|lequel|lesquels|lesquelles|je sais pas|je sais plus|je ne sais pas|je ne sais plus|"
    r"sais plus|j' ai oublie|je me rappelle plus|ashmen wa7da|achmen wa7da|chmen wa7da|ashmen wahda|"
    r"chmen wahda|ma3reftch|ma3rftch|mafakerch|nsit ashmen|nsit chmen|اشمن وحده|شمن وحده|اشمن وحدا|ما عرفتش|"
    r"معرفتش|نسيت اشمن|نسيت شمن|ايها|اي واحده|لا اعرف|لا اتذكر|which one"
    # ... or which certificate ("ma fhmtch chmen chahada", "quelle attestation ?", "أي شهادة؟").
    rf"|{_WHICH_CERTIFICATE})(?!\w)"
)
# "Which" itself, of a document or alone.
_WHICH = re.compile(
    rf"(?<!\w)(?:laquelle|lequel|lesquels|lesquelles|ashmen wa7da|achmen wa7da|chmen wa7da|اشمن وحده|شمن وحده|ايها|"
    rf"اي واحده|which one|{_WHICH_CERTIFICATE})(?!\w)"
)


def undecided(message: str) -> bool:
    """The message hesitates: "or" ("ou" in French only: in Latin Darija it is "and"), "I don't know"."""
    text = normalize(message)
    return bool(_UNDECIDED.search(text) or (_OU.search(text) and detect(message).style == "fr"))


def same_facts(kb: KnowledgeBase, procedures: tuple[str, ...], aspects: tuple[Aspect, ...]) -> bool:
    """Each procedure's card says the same for every asked aspect (the same fee, the same documents, or
    nothing in our base for any of them)."""

    def said(pid: str, aspect: Aspect) -> tuple[tuple[str, str, bool], ...]:
        return tuple(
            (" ".join(f.fr.split()), " ".join(f.ar.split()), f.weak)
            for _, _, f in facts_for(kb.procedures[pid], aspect)
        )

    return all(len({said(pid, aspect) for pid in procedures}) == 1 for aspect in aspects)


def doubts(message: str) -> bool:
    """The message says the citizen does not know or remember which one ("laquelle ?", "je sais plus")."""
    return bool(_DOUBT.search(normalize(message)))


def _family(message: str, hits: list[Hit], kb: KnowledgeBase) -> tuple[dict[str, str], bool, bool]:
    """The top hit's family, whether search ranks it first (two of the first three hits) and whether its
    noun is said (the lexicon knows spellings the names index does not: "btaka", "لباسبور")."""
    family = kb.family(hits[0].procedure_id)
    if not family:
        return _family_below(message, hits, kb)
    ranked = sum(h.procedure_id in family.values() for h in hits[:3]) >= 2
    return family, ranked, family_said(message, kb, hits[0].procedure_id)


def _family_below(message: str, hits: list[Hit], kb: KnowledgeBase) -> tuple[dict[str, str], bool, bool]:
    """A family whose noun the message says, two of its procedures among the first hits below a top that
    belongs to none and that the message names less well ("c'est quoi les papiers pour le passeport ? mon
    cousin se marie en Turquie": the laissez-passer first, for the travel). Not when a certificate is asked
    for the family's document ("bghit chhadat sokna bach ndir la carte nationale"), nor when a variant word is
    said: beside the top it says the top ("passeport perdu à l'étranger": the laissez-passer)."""
    if _A_CERTIFICATE.search(normalize(message)) or variant_cues(message):
        return {}, False, False
    top = hits[0].procedure_id
    unasked: float | None = None  # the top's names score without the asking words, read as search reads names
    for hit in hits[1:3]:
        family = kb.family(hit.procedure_id)
        below = sum(h.procedure_id in family.values() for h in hits[1:4]) if family else 0
        close = hit.score >= BELOW_RATIO * hits[0].score
        if below < 2 or not close or not family_said(message, kb, hit.procedure_id):
            continue
        # ... named better than the top, or the top named only by a trip ("j'ai un voyage en août": the
        # laissez-passer's "titre de voyage"), which is what the family's document is for.
        if hit.names <= hits[0].names and unasked is None:
            text = without_asking(message)
            unasked = kb.retriever.names.scores(analyze(prepare_query(text, detect(message)).names_text)).get(top, 0.0)
        if hit.names > hits[0].names or hit.names > (unasked or 0.0):
            return family, True, True
    return {}, False, False


def family_said(message: str, kb: KnowledgeBase, procedure: str) -> bool:
    """The message says the noun of the procedure's family (``KnowledgeBase.family_nouns``)."""
    proc = kb.procedures.get(procedure)
    nouns = kb.family_nouns.get(proc.family, frozenset()) if proc and proc.family else frozenset()
    return not nouns.isdisjoint(concept_ids(message))


def each_side_names(text: str, hits: list[Hit], kb: KnowledgeBase, asked: bool = False) -> tuple[str, ...]:
    """The procedures (among the hits) that the two sides of "X or Y" name each by itself, by their
    names' BM25 (Latin Darija read in Arabic script too), a side's near ties with it ("attestation de
    résidence": the fiscal one too), best ranked first; empty when a side names none or both the same,
    or when the message asks a fact (its "ou" read as "or", not as "where") unless ``asked`` (the citizen
    said they do not know which: "le casier ou la fiche anthropométrique, je sais pas lequel")."""
    # "ou" is "or" in French, "and" in Latin Darija ("lpasspor ou lakart"): read as "or" in French only.
    parts = _OR_SIDES.split(text, maxsplit=1)
    if len(parts) != 2 and detect(text).style == "fr":
        parts = _OR_SIDES_FR.split(text, maxsplit=1)
    if len(parts) == 2 and not asked and detect_aspects(" ".join(parts)):
        return ()  # a fact asked of two procedures ("ou" is "and" in Latin Darija): search decides
    # Darija "wla" / "ولا" is also "became" (and MSA "ولا" "nor"): then each side must be a name, not a clause.
    clause = _BECAME.search(text) is not None
    rank = [h.procedure_id for h in hits]
    named: list[list[str]] = []
    for side in parts if len(parts) == 2 else ():
        if clause and content_words(side) > SIDE_WORDS:
            return ()
        said = f"{side} {arabizi_to_arabic(side)}" if re.search("[a-z]", side) else side
        scores = {pid: v for pid, v in kb.retriever.names.scores(analyze(said)).items() if pid in rank}
        best = max(scores.values(), default=0.0)
        if best < OR_MIN_NAMES:
            return ()
        named.append(sorted((pid for pid, v in scores.items() if v >= SIDE_TIE * best), key=rank.index))
    if not named or named[0][0] == named[1][0]:
        return ()
    return tuple(sorted(set(named[0] + named[1]), key=rank.index))
