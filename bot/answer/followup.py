"""Which procedure a later turn of a conversation is about.

- A turn that names no procedure stays on the conversation's one: an aspect ("et ça coûte combien ?"),
  a pronoun or a generic noun pointing back ("had lwra9 fin ndirhom", "هاد الشي"), someone acting on
  the citizen's behalf ("wach khoya y9der ymchi f blasti ?", "هل يمكن لزوجتي أن تتسلمه نيابة عني؟").
- A turn that names another procedure switches to it ("w la patente ?", "et une copie conforme ?"),
  a short turn by one of its names said whole ("et l'AMO ?"); named by its family's noun only ("et
  pour la cin ?" after a passport renewal), it keeps the variant the conversation was about.
- A turn that names a variant of the conversation's family moves within it ("et pour mon fils ?" ->
  the minor's passport, "w ila kant expirée?" -> the renewal, "tsre9at" -> the lost one).
- A correction ("non, je parle du renouvellement", "la, machi awel merra", "لا، أقصد...") drops the
  procedure it corrects: a variant it names, or the next procedure search found.
- After a clarification that chose nothing, a variant or a proxy question asks the same choice again.
- A pronoun pointing back keeps the procedure however long the turn ("wach khassha tkon jdida?",
  ``bot.understand.pointing``); a place alone names none ("فين نمشي؟ للقنصلية؟"); a passport lost abroad
  is the laissez-passer's case.

Everything else is a new question, answered as a first turn would be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.answer.settled import name_words, names_document, says_a_name
from bot.answer.topics import PLACE, TOPICS, content_words
from bot.config import Settings
from bot.knowledge.schema import Variant
from bot.search.documents import names_of
from bot.search.served import KnowledgeBase
from bot.types import Hit
from bot.understand.abroad import says_abroad
from bot.understand.aspects import detect_aspects, without_aspects
from bot.understand.correction import is_correction
from bot.understand.intent import looks_like_followup
from bot.understand.normalize import normalize
from bot.understand.on_behalf import asks_presence, says_on_behalf, someone_may
from bot.understand.pointing import asks_what_to_do, points_back, verb_points_back
from bot.understand.variant_words import VARIANT_CUES
from bot.understand.variants import PRIORITY, negated_variants, variant_cues

# "had lkhdma", "هاد الشي", "cette démarche", "هذه الوثيقة": a generic noun pointing back at the
# conversation's procedure, whatever other procedure its word also names ("khdma": job seekers).
_DEMONSTRATIVE = "ce|cet|cette|ces|had|hadi|hada|hadou|dak|dik|هاد|هادي|هادا|هادو|هذا|هذه|هذي|ذلك|تلك|داك|ديك"
_GENERIC = (
    "demarche|demarches|procedure|document|documents|papier|papiers|dossier|service|formulaire|demande|"
    "attestation|certificat|piece|pieces|truc|chose|khdma|khedma|wra9|wra9a|war9a|wer9a|wraq|ijra2|2ijra2|"
    "ijraa|chahada|wti9a|wati9a|talab|milaf|mlf|mostra|chi|خدمه|ورقه|وراق|اوراق|اجراء|اجراءات|وثيقه|"
    "وثائق|ملف|شهاده|طلب|مسطره|شي|الشي"
)
_BACK_REFERENCE = re.compile(
    rf"(?<![\w])(?:{_DEMONSTRATIVE})\s+(?:l'?|el|al|ال)?(?:{_GENERIC})(?![\w])|(?<![\w])(?:hadchi|هادشي)(?![\w])"
)




def only_a_place(message: str) -> bool:
    """The turn says nothing but a place, beside a "where" or an aspect ("فين نمشي؟ للقنصلية؟", "c'est à la
    commune ?", "wach f lmo9ata3a?"): where the procedure is done, not a procedure named."""
    rest = PLACE.sub(" ", without_aspects(message))
    return bool(PLACE.search(normalize(message))) and not name_words(rest)


def refers_back(message: str) -> bool:
    return bool(_BACK_REFERENCE.search(normalize(message)))


def only_an_aspect(message: str) -> bool:
    """The turn asks a fact and says nothing else ("w bch7al?", "combien de temps ?")."""
    return bool(detect_aspects(message)) and not name_words(without_aspects(message))


@dataclass(frozen=True)
class Resolution:
    procedure: str | None  # None: a new question, answered as a first turn would be (or asked again)
    reason: str  # option, ask, stay, on_behalf, switch, variant, correction, new
    options: tuple[str, ...] = ()  # "ask": the clarification's options again


def named(message: str, hits: list[Hit], kb: KnowledgeBase, settings: Settings) -> Hit | None:
    """The top procedure when the message names it, else None: by its names, or their spelling in
    Darija ("lpatente") when no other family's names are spelled closer; in a short turn,
    by one of its names said whole ("et pour la cin ?", "et l'AMO ?"). The whole text's BM25 is not
    enough: an expansion of "tsre9at" (stolen) meets every procedure about a theft."""
    hits = [h for h in hits if not _by_a_variant_word(message, kb, h.procedure_id)]
    top = hits[0] if hits else None
    if top is None:
        return None
    # A procedure ranked just below that the turn names far better than the top ("w l'aide au logement,
    # wach khass RSU?": the housing aid, not the RSU the conversation is on).
    best = max(hits[:3], key=lambda h: h.names)
    if best.names >= settings.followup_names and best.names >= _NAMES_LEAD * top.names:
        return best
    if top.names >= settings.followup_names or (top.grams >= settings.followup_grams and _grams_lead(top, hits, kb)):
        return top
    # In a short turn, one of the first hits whose name is said whole ("Et pour le passeport c'est
    # pareil ?" when search ranked a neighbour first); in any turn, a document named whole ("et le
    # certificat de vie c'est moi qui dois le faire chaque année ?").
    said = (h for h in hits[:3] if h.names > 0 and _says_a_name(message, kb, h.procedure_id))
    return next(said, None) or next((h for h in hits[:1] if names_document(message, kb, h.procedure_id)), None)


_NAMES_LEAD = 1.5  # names BM25 of a lower hit over the top's that says the turn names it instead


@cache
def _variant_words() -> frozenset[str]:
    """Variant cues of one word ("jdid", "perdue"); a phrase's words name procedures too ("permis")."""
    single = [w for words in VARIANT_CUES.values() for w in words if " " not in w and "-" not in w]
    return frozenset(name_words(" ".join(single)))


def _by_a_variant_word(message: str, kb: KnowledgeBase, procedure: str) -> bool:
    """The turn meets a family's names only by a variant word ("w ila lwald jdid mazal ma tsjjel?": a
    newborn, not a new car): that names no procedure of the family."""
    family = kb.family(procedure)
    if not family:
        return False
    said = name_words(message) - _variant_words()
    return not any(said & name_words(name) for pid in family.values() for name in names_of(kb.procedures[pid]))


def _grams_lead(top: Hit, hits: list[Hit], kb: KnowledgeBase) -> bool:
    """No other family's names are spelled closer ("l9dima" meets every renewal's names)."""
    family = set(kb.family(top.procedure_id).values())
    others = [h.grams for h in hits[1:5] if h.procedure_id not in family]
    return top.grams > max(others, default=0.0)


_SHORT_CONTENT = 4  # content words of a turn short enough to be a bare name beside its aspect


def _says_a_name(message: str, kb: KnowledgeBase, procedure: str) -> bool:
    """A short turn says one of the procedure's names whole ("cin", "l'AMO", "une copie conforme"),
    not only a word that a longer name shares ("en personne", "demander")."""
    words = name_words(without_aspects(_BACK_REFERENCE.sub(" ", normalize(message))))
    if not 0 < len(words) <= _SHORT_CONTENT:
        return False
    return says_a_name(words, kb, procedure)


# A family that has no "duplicate" variant covers damage with its "lost" one, and the other way round.
_STANDS_FOR: dict[Variant, Variant] = {"duplicate": "lost", "lost": "duplicate"}


def _in_family(kb: KnowledgeBase, procedure: str, variants: list[Variant]) -> str | None:
    family = kb.family(procedure)
    for variant in variants:
        found = family.get(variant) or family.get(_STANDS_FOR.get(variant, variant))
        if found:
            return found
    return None


def _chosen_option(
    message: str, kb: KnowledgeBase, offered: list[str], variants: list[Variant], hits: list[Hit]
) -> str | None:
    """After a clarification: the option the turn names, by its variant, by its name or by its number
    in the list ("2", "٢")."""
    number = message.strip(" .)?!؟-")
    if number.isdecimal() and 1 <= int(number) <= len(offered):
        return offered[int(number) - 1]
    by_variant = {kb.procedures[o].variant: o for o in offered if o in kb.procedures}
    found = next((by_variant[v] for v in variants if v in by_variant), None)
    return found or next((h.procedure_id for h in hits[:1] if h.procedure_id in offered), None)


def _ask_again(
    message: str, kb: KnowledgeBase, offered: list[str], wanted: list[Variant], hits: list[Hit], settings: Settings
) -> Resolution | None:
    """A follow-up to a clarification that chose nothing, by a variant ("et si je l'ai perdue ?"),
    someone acting for the citizen ("je peux y aller à sa place ?"), pointing back ("had lwra9", "wach
    n9der ndirha online?") or asking a fact with no other word ("w bch7al?", "شحال كتاخد ديال الوقت؟"), is
    about the same choice: asked again, moved to the variant it names. An aspect beside other words is
    not enough ("quel temps fera-t-il demain ?" asks a "when" of the weather)."""
    if named(message, hits, kb, settings) is not None:
        return None
    back = refers_back(message) or points_back(message) or only_an_aspect(message) or asks_what_to_do(message)
    if not (wanted or says_on_behalf(message) or someone_may(message) or asks_presence(message) or back):
        return None
    options = tuple(dict.fromkeys(_in_family(kb, o, wanted) or o for o in offered))
    return Resolution(options[0], "option") if len(options) == 1 else Resolution(None, "ask", options)


def resolve(
    message: str, previous: str | None, kb: KnowledgeBase, hits: list[Hit], settings: Settings, offered: list[str]
) -> Resolution:
    """``previous``: the procedure the conversation is about; ``offered``: the options of a
    clarification the previous turn asked."""
    found = _resolve(message, previous, kb, hits, settings, offered)
    return _lost_abroad(found, message, previous, kb, hits)


# A passport lost abroad is replaced, to come home, by the consulate's laissez-passer.
_PASSPORT_LOST, _LAISSEZ_PASSER = "passport-lost", "laissez-passer-mre"
_ABROAD_TOPIC = "abroad"


def _lost_abroad(
    found: Resolution, message: str, previous: str | None, kb: KnowledgeBase, hits: list[Hit]
) -> Resolution:
    """A lost passport while abroad ("وإلا كنت فإسبانيا؟" after a lost passport; "والباسبور ديالي ضاع" in a
    conversation about a Moroccan abroad's procedure) is the laissez-passer's case."""
    if previous is None or _LAISSEZ_PASSER not in kb.procedures or found.reason == "ask":
        return found
    named_lost = "lost" in variant_cues(message) and _PASSPORT_LOST in [h.procedure_id for h in hits[:3]]
    if found.procedure != _PASSPORT_LOST and not named_lost:
        return found
    if says_abroad(message) or previous in TOPICS[_ABROAD_TOPIC].procedures:
        return Resolution(_LAISSEZ_PASSER, "variant")
    return found


def _resolve(
    message: str, previous: str | None, kb: KnowledgeBase, hits: list[Hit], settings: Settings, offered: list[str]
) -> Resolution:
    denied = negated_variants(message)
    wanted = [v for v in PRIORITY if v in variant_cues(message) and v not in denied]
    if offered:
        option = _chosen_option(message, kb, offered, wanted, hits)
        if option is not None:
            return Resolution(option, "option")
        again = _ask_again(message, kb, offered, wanted, hits, settings)
        if again is not None:
            return again
    if previous is None:
        return Resolution(None, "new")
    correction = is_correction(message)
    short = looks_like_followup(message)
    other = named(message, hits, kb, settings)
    if other is not None and only_a_place(message):
        other = None  # "فين نمشي؟ للقنصلية؟": where to go, not the consulate's own procedure
    pointing = points_back(message)
    strong = other is not None and other.names >= 2 * settings.followup_names
    # The variant the conversation is on is not news ("non, pas la première fois, le renouvellement").
    own = kb.procedures[previous].variant
    variant = _in_family(kb, previous, [v for v in wanted if v != own])
    # A variant of the conversation's family, in a short turn or a correction, unless another
    # procedure is named outright ("et si je l'ai perdue ?", "la, machi awel merra, tsre9at").
    # Living abroad is why someone else would go ("je suis à l'étranger, mon frère peut le faire ?"),
    # not a foreign licence.
    # A person who "may" do it, or must come in person ("il doit venir lui-même ?"), naming the
    # conversation's procedure or its family's noun on the way
    # ("wach khoya y9der ykhrej lia lpaspor?" during a passport renewal), still asks about it.
    ours = other is None or other.procedure_id in {previous, *kb.family(previous).values()}
    proxy = not correction and (says_on_behalf(message) or ((someone_may(message) or asks_presence(message)) and ours))
    abroad_only = set(wanted) <= {"foreign"}
    # Another family's noun said whole takes the variant word with it ("et la carte grise elle est
    # abîmée aussi" after a licence renewal: the carte grise's duplicate).
    elsewhere = other is not None and not ours and says_a_name(name_words(message), kb, other.procedure_id)
    held = strong or elsewhere or (proxy and abroad_only)
    if variant and variant != previous and (correction or short) and not held:
        return Resolution(variant, "variant")
    # Someone else doing this procedure for the citizen, or the citizen going in person (a procuration
    # or a "CIN" named on the way stays on it); a person who "may" do something else that the turn
    # names ("ma femme peut faire sa carte de séjour ?") is a new question about that.
    if proxy:
        return Resolution(previous, "on_behalf")
    if refers_back(message) and not correction and not strong:
        return Resolution(previous, "stay")
    # A fact asked with no other word names nothing ("chkoun li 3ndo le droit?" is not the survivors' rights).
    if only_an_aspect(message) and not correction:
        return Resolution(previous, "stay")
    # A verb's pronoun pointing back keeps the procedure against another found by a shared word only ("ila bddelt
    # l3onwan khassni n3awedha?" during an electoral registration: redo the registration).
    if verb_points_back(message) and other is not None and not (strong or elsewhere or correction or ours):
        return Resolution(previous, "stay")
    if other is not None and other.procedure_id != previous:
        new = other.procedure_id
        if kb.family(new) and kb.family(new) == kb.family(previous):  # the family's noun again
            return Resolution(variant or new, "variant")
        # Another family's noun alone keeps the variant the conversation was about.
        return Resolution(_in_family(kb, new, [*wanted, *([own] if own else [])]) or new, "switch")
    if variant is not None and variant != previous:
        return Resolution(variant, "variant")
    if correction:
        # ... unless its variant is the same procedure ("non, il est juste abîmé" after a lost licence).
        if wanted and _in_family(kb, previous, wanted) == previous:
            return Resolution(previous, "correction")
        after = next((h.procedure_id for h in hits if h.procedure_id != previous), None)
        return Resolution(after, "correction") if after else Resolution(None, "new")
    # A pronoun pointing back ("wach khassha tkon jdida?", "comment la renouveler ?", "نديرها فين؟") or
    # an aspect ("et ça coûte combien ?", "w les documents ?") is asked about the procedure.
    if (short or pointing) and (pointing or not _elsewhere(message, previous, hits, settings)):
        return Resolution(previous, "stay")
    return Resolution(None, "new")


_ELSEWHERE_WORDS = 4  # content words beside an asked fact that say what it is asked of


def _elsewhere(message: str, previous: str, hits: list[Hit], settings: Settings) -> bool:
    """A turn of six words or more whose search does not find the conversation's procedure at all
    asks about something else, unless all it asks is a fact ("et ça prend combien de temps en général ?"):
    a fact asked beside a case of its own that names what search found ("وإذا امتنعت إدارة عن الرد على
    مراسلاتي، أين أشتكي؟": complaining) is that case's."""
    if len(normalize(message).split()) < 6 or previous in [h.procedure_id for h in hits[:5]]:
        return False
    if not detect_aspects(message):
        return True
    return content_words(message) >= _ELSEWHERE_WORDS and hits[0].names >= settings.clarify_min_names
