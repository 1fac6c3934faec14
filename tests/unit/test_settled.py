"""A message that says one option's name whole has chosen it (bot/answer/settled.py): only a near
tie and "a document not named" are contradicted so; family, topic and "X or Y" questions still ask."""

from __future__ import annotations

import pytest

from bot.answer.settled import asks_of_name, names_document, settled_by_name
from bot.knowledge.loading import load_knowledge
from bot.search.documents import family_nouns
from bot.search.served import KnowledgeBase
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    procedures = load_knowledge(ROOT / "knowledge").procedures
    return KnowledgeBase({p.id: p for p in procedures}, None, None, None, None)  # type: ignore[arg-type]


RESIDENCE = ("residence-certificate", "attestation-residence-fiscale")
TAX = ("tax-compliance-certificate", "attestation-residence-fiscale", "non-taxation-certificate")


@pytest.mark.parametrize(
    ("message", "options", "reason", "chosen"),
    [
        ("comment obtenir un certificat de résidence", RESIDENCE, "no_document_named", "residence-certificate"),
        ("bghit chahadat sokna 3afak", RESIDENCE, "no_document_named", "residence-certificate"),
        (
            "on demande à mon père un certificat de vie pour sa pension, où le demander",
            ("life-certificate", "retirement-pension"),
            "no_document_named",
            "life-certificate",
        ),
        # The document's noun is not the head of the name said ("MRE consulat"): still "some paper".
        (
            "je suis mre j'ai besoin d'un papier du consulat",
            ("consular-registration", "laissez-passer-mre"),
            "no_document_named",
            None,
        ),
        # A near tie is not settled by a name said whole, unless a fact is asked of it.
        ("certificat de résidence", RESIDENCE, "tie", None),
        ("combien coûte le certificat de résidence ?", RESIDENCE, "tie", "residence-certificate"),
        # ... or when it says why besides: the document is what is asked for, the other its purpose.
        (
            "J'ai besoin d'un certificat de résidence pour mon dossier de mariage",
            ("marriage", "residence-certificate"),
            "tie",
            "residence-certificate",
        ),
        (
            "J'ai besoin d'un certificat de résidence pour mon dossier de mariage",
            RESIDENCE,
            "tie",
            "residence-certificate",
        ),
        # A file said as the purpose is not the documents asked: a name with nothing more stays a question.
        ("certificat de résidence pour mon dossier", RESIDENCE, "tie", None),
        # A copy named by its own noun ("extrait", "acte") is named: "a paper to take along" is the documents.
        (
            "extrait d'acte de naissance, khassni chi wr9a m3aya wla ghir la CIN?",
            ("birth-certificate", "cnie-first", "passport-minor", "civil-status-rectification"),
            "no_document_named",
            "birth-certificate",
        ),
        # A topic named with nothing more, a family's noun, "X or Y": real questions.
        ("une attestation des impôts", TAX, "topic", None),
        (
            "attestation de résidence ou certificat de vie",
            ("residence-certificate", "life-certificate"),
            "one_or_the_other",
            None,
        ),
        ("renouvellement passeport", ("passport-renewal", "passport-first"), "family", None),
        # A one-word name is a family's noun, not a choice; beside a variant word it says the family's.
        ("ma carte nationale", ("passport-renewal", "cnie-renewal"), "tie", None),
        ("ma cin expire bientôt", ("passport-renewal", "cnie-renewal"), "tie", "cnie-renewal"),
        ("lpaspor dyali tsre9", ("cnie-lost", "passport-renewal"), "tie", "passport-lost"),
    ],
)
def test_a_name_said_whole_settles_a_tie_or_an_unnamed_document(
    kb: KnowledgeBase, message: str, options: tuple[str, ...], reason: str, chosen: str | None
) -> None:
    assert settled_by_name(message, options, reason, kb) == chosen


@pytest.mark.parametrize(
    ("message", "procedure", "asked"),
    [
        ("wach kayn des frais f certificat de residence", "residence-certificate", True),
        ("واش كاين شي خلاص فشهادة السكنى؟", "residence-certificate", True),
        ("ما هي رسوم إحداث شركة؟", "company-creation", True),
        # "What do they ask for" and "the time required" are the fact asked, not more words.
        ("fiche anthropometrique chno kaytlbo", "good-conduct-certificate", True),
        ("ما هي المدة اللازمة لإنشاء شركة؟", "company-creation", True),
        # A qualifier beside the name: a procedure the base may lack, left to the scope model.
        ("combien coûte la carte d'identité professionnelle ?", "cnie-renewal", False),
    ],
)
def test_a_fact_asked_of_a_name_said_whole_and_nothing_else(
    kb: KnowledgeBase, message: str, procedure: str, asked: bool
) -> None:
    assert asks_of_name(message, kb, procedure) is asked


def test_each_family_has_its_own_nouns() -> None:
    """A family's noun, as lexicon concepts its members' names all say; shared with another family, the
    one whose names say it more keeps it (a carte grise is a "carte" too)."""
    nouns = family_nouns(load_knowledge(ROOT / "knowledge").procedures)
    assert "passport" in nouns["passport"] and "id_card" in nouns["cnie"] and "id_card" not in nouns["carte-grise"]
    assert "car_registration" in nouns["carte-grise"] and "driving_licence" in nouns["driving-license"]


def test_a_documents_name_said_whole_is_not_a_familys_noun(kb: KnowledgeBase) -> None:
    message = "Bonjour, pour le certificat de résidence, c'est le moqadem qui le fait ?"
    assert names_document(message, kb, "residence-certificate")
    assert not names_document("la carte grise de mon ami est belle", kb, "carte-grise-renewal-duplicate")


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("c'est quoi les papiers pour le passeport ? on part en Turquie", True),
        ("bghit chhadat sokna bach ndir lpasspor", False),  # a certificate for the passport is asked for
    ],
)
def test_a_family_said_below_a_top_of_no_family_is_asked_about(kb: KnowledgeBase, message: str, asked: bool) -> None:
    from bot.answer.clarify import ClarifyLimits, between_neighbours
    from bot.types import Hit

    hits = [
        Hit("laissez-passer-mre", 14.3, names=1.8),
        Hit("passport-first", 13.5, names=2.1),
        Hit("passport-lost", 11.5, names=2.1),
        Hit("passport-minor", 11.4, names=2.1),
    ]
    found = between_neighbours(message, 9, hits, kb, ClarifyLimits(0.88, 5, 0.4, 4))
    assert (found.reason == "family" and "passport-renewal" in found.ask) is asked


def test_a_variant_word_below_a_top_of_no_family_leaves_the_near_tie_to_be_asked(kb: KnowledgeBase) -> None:
    """A variant word never chooses a family ranked below a top of none; what the message leaves open
    (here a near tie of a short message) is still asked."""
    from bot.answer.clarify import ClarifyLimits, between_neighbours
    from bot.types import Hit

    hits = [
        Hit("laissez-passer-mre", 14.3, names=1.8),
        Hit("passport-lost", 13.6, names=2.1),
        Hit("passport-first", 11.5, names=2.1),
        Hit("passport-minor", 11.4, names=2.1),
    ]
    found = between_neighbours("passeport perdu", 2, hits, kb, ClarifyLimits(0.88, 5, 0.4, 4))
    assert found.choose is None and found.ask == ("laissez-passer-mre", "passport-lost") and found.reason == "tie"


@pytest.mark.parametrize(
    "message",
    [
        "salam, bghit nsowl 3la lpasspor, ghadi nsafer f chhar 7",  # "I ask", "will", a trip and its month
        "bonjour, le passeport svp, on voyage en août avec ma femme",
    ],
)
def test_a_trip_and_when_it_is_say_no_more_than_the_familys_noun(kb: KnowledgeBase, message: str) -> None:
    from bot.answer.clarify import ClarifyLimits, between_neighbours
    from bot.types import Hit

    hits = [Hit("passport-first", 13.9, names=3.5), Hit("passport-renewal", 13.6, names=2.2)]
    hits += [Hit("laissez-passer-mre", 12.1, names=1.7), Hit("passport-lost", 11.7, names=3.5)]
    found = between_neighbours(message, 12, hits, kb, ClarifyLimits(0.88, 5, 0.4, 4))
    assert found.reason == "family" and "passport-renewal" in found.ask


@pytest.mark.parametrize(
    ("message", "wanted"),
    [
        ("Bghit certificat de residence, j'ai demenagé w khassni n9ayd lwlad f lmdrasa", "residence-certificate"),
        ("j'ai besoin d'un certificat de résidence pour inscrire ma fille à l'école", "residence-certificate"),
        ("mon fils a besoin d'un certificat de scolarité", None),  # not wanted by the one who writes: search's
        ("l'école demande un certificat de résidence", None),
        # "une" is read whole, not as "un" and a word "e attestation" that names nothing.
        ("J'ai besoin d'une attestation de résidence pour le dossier de demande de passeport", "residence-certificate"),
    ],
)
def test_a_document_wanted_by_its_name_is_what_is_asked_for(
    kb: KnowledgeBase, message: str, wanted: str | None
) -> None:
    from bot.answer.settled import wanted_document
    from bot.types import Hit

    hits = [Hit("school-certificate", 16.0, names=5.0), Hit("residence-certificate", 10.1, names=6.4)]
    assert wanted_document(message, hits, kb) == wanted


def test_only_a_variant_of_the_family_says_more_than_its_noun(kb: KnowledgeBase) -> None:
    """A variant word of another family ("new" of a new vehicle, said of a job; an age that is years of work)
    does not settle the family named, nor make the message more than its noun and a fact asked."""
    from bot.answer.clarify import ClarifyLimits, between_neighbours
    from bot.types import Hit
    from bot.understand.variants import variant_cues

    hits = [Hit("cnie-first", 12.7, names=2.6), Hit("cnie-renewal", 11.7, names=2.5), Hit("cnie-lost", 9.8, names=2.5)]
    message = "بغيت نسول على البطاقة الوطنية ديالي حيت غادي نحتاجها فالخدمة الجديدة، شنو خاصني من وراق؟"
    found = between_neighbours(message, 12, hits, kb, ClarifyLimits(0.88, 5, 0.4, 4))
    assert found.reason in ("family", "family_same") and "cnie-renewal" in (*found.ask, *found.variants)
    # "men 10 snin" is since when, as "منذ 10 سنوات" and "depuis 10 ans": no child is named.
    assert "minor" not in variant_cues("ana sa2e9 taxi men 10 snin, chno lwra9 dyal lpermis?")
    assert "minor" in variant_cues("bnti 3ndha 10 snin, chno lwra9 dyal lpaspor?")


def test_a_document_not_named_and_not_known_is_asked_about_however_long(kb: KnowledgeBase) -> None:
    from bot.answer.clarify import ClarifyLimits, between_neighbours, doubts
    from bot.types import Hit

    hits = [Hit("tax-compliance-certificate", 6.2, names=2.6), Hit("nationality-certificate", 6.2, names=3.1)]
    hits += [Hit("residence-certificate", 5.5, names=1.0)]
    message = (
        "Ma mère a un dossier à la banque et ils demandent une attestation sans préciser laquelle, elle ne lit pas "
        "le français et je m'en occupe : quelle est la démarche ?"
    )
    found = between_neighbours(message, 17, hits, kb, ClarifyLimits(0.88, 5, 0.4, 4))
    assert found.reason == "no_document_named" and len(found.ask) == 3
    assert doubts("bghit chahada lbank ewa ma fhmtch chmen chahada") and doubts("أي شهادة؟")
    assert not doubts("quels documents pour le passeport ?")
    # Not knowing what to do is not not knowing which: a long message with a paper not named is search's.
    message = "je sais pas quoi faire, l'école de foot de mon fils demande un papier qui dit qu'il est inscrit"
    assert between_neighbours(message, 15, hits, kb, ClarifyLimits(0.88, 5, 0.4, 4)).reason != "no_document_named"


@pytest.mark.parametrize(
    ("message", "hits", "asked"),
    [
        ("la légalisation, ça prend combien de temps ?", ("signature-legalization", "certified-copy"), True),
        ("ما هي مدة صلاحية الشهادة الجبائية؟", ("tax-compliance-certificate", "attestation-residence-fiscale"), True),
        ("ما هي الوثائق اللازمة بخصوص الولادة؟", ("administrative-birth-certificate", "birth-declaration"), True),
        # A procedure's name said whole is not the topic's noun: search's ("chahadat lwilada" is the administrative
        # birth certificate's).
        ("ما هي تكاليف إحداث شركة؟", ("company-creation", "negative-certificate"), False),
        ("chahadat lwilada ch7al katkhlles?", ("administrative-birth-certificate", "birth-declaration"), False),
    ],
)
def test_a_fact_asked_of_a_topic_named_with_nothing_more_asks_which(
    kb: KnowledgeBase, message: str, hits: tuple[str, ...], asked: bool
) -> None:
    from bot.answer.clarify import ClarifyLimits, between_neighbours
    from bot.types import Hit

    found = between_neighbours(message, 4, [Hit(hits[0], 16.0), Hit(hits[1], 12.0)], kb, ClarifyLimits(0.88, 5, 0.4, 4))
    assert (found.reason == "topic" and len((*found.ask, *found.variants)) >= 2) is asked
