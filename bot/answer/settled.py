"""Whether a message already settles a choice between close procedures by saying one of them by name.

A clarification between neighbours is worth asking when the message could mean either. Two of its
reasons are contradicted by what the message says: "a document not named" when the document's noun is
the head of a name of two words or more the message says whole ("un certificat de résidence", "chahada
dyal l7ayat", "شهادة الحياة": that certificate is named, not "some certificate"); and a near tie between
two families' procedures when the message says one family's noun beside a variant word ("ma CIN expire
bientôt" -> the CNIE's renewal, not the passport's), or when it asks a fact (a fee, a delay) of one
option named whole ("combien coûte le certificat de résidence ?"). Asking would cost the citizen a
turn. A bare name in a near tie, a topic named with nothing more, a family's noun alone, and "X or Y"
stay questions.
"""

from __future__ import annotations

import re
from functools import cache

from bot.search.documents import names_of
from bot.search.served import KnowledgeBase
from bot.types import Hit
from bot.understand.analysis import analyze
from bot.understand.aspects import detect_aspects, without_aspects, without_purpose
from bot.understand.normalize import normalize
from bot.understand.variants import named_variant, variant_cues

MIN_NAME_WORDS = 2  # content words of a name that says a procedure rather than a family's noun
MORE_WORDS = 2  # content words besides a document's name that say why it is wanted
# A document's head noun: "a certificate of X" names X's certificate.
_DOCUMENT_NOUNS = (
    "attestation certificat certificats chahada chahadat chhada chhadat shahada papier document wra9a "
    "lwra9a war9a wer9a wra9at wr9at شهاده شهادة الشهاده ورقه ورقة الورقه وثيقه وثيقة الوثيقه "
    # ... and the nouns a copy of a record is named by ("extrait d'acte de naissance", "fiche anthropométrique").
    "acte extrait copie fiche عقد رسم نسخه نسخة"
)


@cache
def _document_stems() -> frozenset[str]:
    return frozenset(analyze(_DOCUMENT_NOUNS))


def name_words(text: str) -> set[str]:
    """Content words, also without a glued Darija article ("lpatente", "l'amo") or a glued Arabic
    particle ("فشهادة", "بشهادة", "لشهادة")."""
    tokens = set(analyze(text))
    latin = {t[1:] for t in tokens if t.startswith("l") and len(t) > 4}
    return tokens | latin | {t[1:] for t in tokens if t[0] in "فبلو" and len(t) > 4}


def asks_of_name(message: str, kb: KnowledgeBase, procedure: str) -> bool:
    """Besides the words that ask an aspect, the message says nothing but one of the procedure's names
    of two words or more ("wach kayn des frais f certificat de residence", "ما هي رسوم إحداث شركة؟";
    not "combien coûte la carte d'identité professionnelle ?", a procedure the base lacks)."""
    rest = without_aspects(message)
    words, said = name_words(rest), set(analyze(rest))
    for name in names_of(kb.procedures[procedure]):
        own = name_words(name)
        if len(set(analyze(name))) >= MIN_NAME_WORDS and own <= words and all(w in own or w[1:] in own for w in said):
            return True
    return False


def _names_said(words: set[str], kb: KnowledgeBase, procedure: str, head: bool) -> bool:
    """The procedure has a name of two words or more said whole (headed by a document's noun if ``head``);
    a family's names ("carte nationale") are its noun, whichever variant lists them."""
    if kb.family(procedure):
        return False
    for name in names_of(kb.procedures[procedure]):
        own = set(analyze(name))
        if len(own) >= MIN_NAME_WORDS and name_words(name) <= words and (not head or own & _document_stems()):
            return True
    return False


def names_document(message: str, kb: KnowledgeBase, procedure: str) -> bool:
    """The message says whole a name of the procedure headed by a document's noun ("le certificat de
    résidence"), not a family's noun."""
    return _names_said(name_words(message), kb, procedure, head=True)


def settled_by_name(message: str, options: tuple[str, ...], reason: str, kb: KnowledgeBase) -> str | None:
    """The one option whose name the message says whole, when that contradicts the clarification's
    reason; else None."""
    words = name_words(message)
    # The file a document is for ("pour mon dossier de mariage") is a purpose told, not the documents asked.
    if reason == "tie" and not detect_aspects(without_purpose(message)):
        return _family_variant(message, words, options, kb) or _document_and_more(words, options, kb)
    if reason not in ("tie", "no_document_named"):
        return None
    head = reason == "no_document_named"
    said = _said_whole(words, options, kb, head)
    if len(said) > 1 and not head:
        # Two said, one of them a document ("un certificat de résidence pour mon dossier de mariage"): the
        # document is what is asked for, the other its purpose.
        said = _said_whole(words, tuple(said), kb, head=True) or said
    if len(said) == 1:
        return said[0]
    return _family_variant(message, words, options, kb) if reason == "tie" else None


def _said_whole(words: set[str], options: tuple[str, ...], kb: KnowledgeBase, head: bool) -> list[str]:
    """The options with a name said whole among ``words`` (headed by a document's noun if ``head``)."""
    return [pid for pid in options if pid in kb.procedures and _names_said(words, kb, pid, head)]


def _document_and_more(words: set[str], options: tuple[str, ...], kb: KnowledgeBase) -> str | None:
    """The one option whose document is named whole ("un certificat de résidence", "attestation de résidence")
    in a message that says why besides ("pour mon dossier de mariage", "pour prouver que j'habite à Salé"):
    the document is asked for. A bare name stays a question."""
    named = _said_whole(words, options, kb, head=True)
    if len(named) != 1:
        return None
    rest = min(len(words - name_words(n)) for n in names_of(kb.procedures[named[0]]) if name_words(n) <= words)
    return named[0] if rest >= MORE_WORDS else None


def _family_variant(message: str, words: set[str], options: tuple[str, ...], kb: KnowledgeBase) -> str | None:
    """In a tie between families, the variant word of the one family whose noun the message says."""
    families = {tuple(sorted(f.values())): f for pid in options if (f := kb.family(pid))}
    named = [f for f in families.values() if any(says_a_name(words, kb, pid) for pid in f.values())]
    if len(named) != 1:
        return None
    variant = named_variant(variant_cues(message), set(named[0]))
    return named[0][variant] if variant else None


def says_a_name(words: set[str], kb: KnowledgeBase, procedure: str) -> bool:
    """One of the procedure's names is said whole among ``words`` (``name_words`` of the message)."""
    return any((name := name_words(n)) and name <= words for n in names_of(kb.procedures[procedure]))


# Wanting or needing: the document right after it is what is asked for ("bghit chahadat sokna l dossier dyal
# lmadrasa": the residence certificate, for the school's file).
_WANT = re.compile(
    r"(?<![\w'])(?:bghit|baghi|bghina|nbghi|je veux|je voudrais|j' ai besoin d'|j' ai besoin de|il me faut|khassni|"
    r"khasni|بغيت|باغي|نبغي|اريد|احتاج|محتاج|خاصني)\s+(?:(?:une|un|le|la|chi|شي|wa7d|wahed)\s+|l'\s*)?(?P<rest>.*)"
)
WANTED_AMONG = 5  # hits where a document wanted may be found below the top


def wanted_document(message: str, hits: list[Hit], kb: KnowledgeBase) -> str | None:
    """The one procedure among the first hits whose document the message says whole right after wanting
    it, when search ranked another first (its purpose's: "Bghit certificat de residence, … n9ayd lwlad f
    lmdrasa" is the residence certificate, not the school's)."""
    found = _WANT.search(normalize(message))
    if not found or not hits or not set(analyze(found["rest"])[:1]) & _document_stems():
        return None
    words = name_words(message)
    named = _said_whole(words, tuple(h.procedure_id for h in hits[:WANTED_AMONG]), kb, head=True)
    return named[0] if len(named) == 1 and named[0] != hits[0].procedure_id else None
