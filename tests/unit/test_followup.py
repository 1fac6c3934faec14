"""Which procedure a later turn is about (bot/answer/followup.py), with hand-written search hits so
that each decision is tested alone: what "naming a procedure" means for a short turn, pointing back,
corrections and variants. The same conversations run end to end in bench/suite.py (followups)."""

from __future__ import annotations

import pytest

from bot.answer.boundaries import family_and_variant
from bot.answer.carried import carry_child
from bot.answer.followup import Resolution, refers_back, resolve
from bot.answer.topics import beside_the_family
from bot.config import Settings
from bot.knowledge.loading import load_knowledge
from bot.search.served import KnowledgeBase
from bot.types import Hit
from bot.understand.on_behalf import says_on_behalf, someone_may
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    procedures = load_knowledge(ROOT / "knowledge").procedures
    # Only the procedures and their families are read: no index, no scope model.
    return KnowledgeBase({p.id: p for p in procedures}, None, None, None, None)  # type: ignore[arg-type]


def turn(kb: KnowledgeBase, message: str, previous: str, hits: list[Hit]) -> Resolution:
    return resolve(message, previous, kb, hits, Settings(), [])


def test_a_short_turn_saying_a_name_whole_switches_even_with_a_weak_score(kb: KnowledgeBase) -> None:
    cin = [Hit("cnie-first", 17.6, names=2.1, grams=15.2), Hit("cnie-renewal", 15.8, names=2.2, grams=11.8)]
    # The family's noun alone keeps the variant the conversation was about (a renewal).
    assert turn(kb, "et pour la cin ?", "passport-renewal", cin) == Resolution("cnie-renewal", "switch")
    amo = [Hit("amo-health-insurance", 33.8, names=3.4, grams=16.9), Hit("rsu-registration", 4.7, grams=1.9)]
    assert turn(kb, "et l'AMO ?", "rsu-registration", amo) == Resolution("amo-health-insurance", "switch")


@pytest.mark.parametrize(
    ("message", "previous", "top"),
    [
        ("il faut y aller en personne ?", "good-conduct-certificate", "disability-card"),
        ("on peut le demander sur internet ?", "criminal-record", "access-to-information"),
        ("وشحال كتبقى صالحة من بعد؟", "cnie-renewal", "cnss-survivors-refund"),
    ],
)
def test_a_word_that_a_longer_name_shares_is_not_a_name(
    kb: KnowledgeBase, message: str, previous: str, top: str
) -> None:
    hits = [Hit(top, 11.0, names=2.4, grams=25.0), Hit("marriage", 4.0, grams=5.0)]
    assert turn(kb, message, previous, hits).procedure == previous


def test_a_spelling_match_names_only_when_no_other_family_is_spelled_closer(kb: KnowledgeBase) -> None:
    # "jdida ola l9dima" meets every renewal's names: no procedure is named, so nothing switches.
    hits = [
        Hit("vehicle-registration-new", 12.1, names=5.8, grams=35.0),
        Hit("birth-declaration", 9.6, names=2.3, grams=40.5),
    ]
    assert (
        turn(kb, "w ila lwald jdid mazal ma tsjjel?", "birth-certificate", hits).procedure != "vehicle-registration-new"
    )
    patente = [Hit("business-tax-registration", 24.1, names=2.2, grams=45.8), Hit("life-certificate", 1.5, grams=5.9)]
    assert turn(kb, "w lpatente kifach?", "trade-register", patente) == Resolution(
        "business-tax-registration", "switch"
    )


@pytest.mark.parametrize(
    "message",
    [
        "ch7al kaydiro f had lkhdma?",
        "واش هاد الشي كيتدار فالمقاطعة؟",
        "et cette démarche, c'est long ?",
        "هل هذه الوثيقة مجانية؟",
    ],
)
def test_a_generic_noun_after_a_demonstrative_points_back(kb: KnowledgeBase, message: str) -> None:
    assert refers_back(message)
    hits = [Hit("job-seeker-registration", 17.8, names=2.3, grams=35.7), Hit("cnss-employee-registration", 6.9)]
    assert turn(kb, message, "signature-legalization", hits) == Resolution("signature-legalization", "stay")


@pytest.mark.parametrize("message", ["ولافينييت ديال هاد العام كيفاش نخلصها؟", "et ce passeport ?", "w had l3am?"])
def test_a_demonstrative_before_a_name_or_a_time_does_not_point_back(message: str) -> None:
    assert not refers_back(message)


@pytest.mark.parametrize(
    ("previous", "message", "expected"),
    [
        ("cnie-first", "عفوا، أقصد التجديد وليس أول مرة", "cnie-renewal"),
        ("cnie-renewal", "la machi salat, tsre9at liya", "cnie-lost"),
        ("cnie-first", "non, je parle du renouvellement", "cnie-renewal"),
        ("passport-lost", "non, il n'est pas perdu, juste expiré", "passport-renewal"),
        ("driving-license-first", "وإلا كان عندي البيرمي وتقطع؟", "driving-license-duplicate"),
    ],
)
def test_corrections_and_variants_move_within_the_family(
    kb: KnowledgeBase, previous: str, message: str, expected: str
) -> None:
    # Search found a stranger (a carte grise by its spelling): the family's variant wins all the same.
    hits = [
        Hit("carte-grise-renewal-duplicate", 13.2, names=2.9, grams=39.1),
        Hit(previous, 11.4, names=2.7, grams=19.8),
    ]
    assert turn(kb, message, previous, hits).procedure == expected


@pytest.mark.parametrize(
    "message",
    [
        "est-ce que ma femme pourrait deposer le dossier ?",
        "هل يجوز لزوجتي أن تتسلمه؟",
        "هل يمكن لأحد أفراد أسرتي سحبه إذا كنت خارج المغرب؟",
        "wach khoya y9der ymchi?",
        "l'avocat dyali y9der ydemandih?",
    ],
)
def test_a_person_who_may_act_keeps_the_procedure(kb: KnowledgeBase, message: str) -> None:
    hits = [Hit("foreign-license-exchange", 9.0, names=1.0, grams=12.0), Hit("criminal-record", 5.0)]
    assert turn(kb, message, "criminal-record", hits) == Resolution("criminal-record", "on_behalf")


def test_a_person_who_may_do_another_named_procedure_switches(kb: KnowledgeBase) -> None:
    hits = [Hit("foreign-residence-card", 25.0, names=7.0, grams=60.0), Hit("cnie-renewal", 5.0)]
    message = "ma femme peut faire sa carte de sejour ?"
    assert turn(kb, message, "cnie-renewal", hits) == Resolution("foreign-residence-card", "switch")


@pytest.mark.parametrize("message", ["wach weldi y9der ydir passport?", "هل يمكن الحصول عليها يوم الأحد؟"])
def test_a_child_or_a_sunday_is_not_someone_acting(message: str) -> None:
    assert not someone_may(message)


def test_a_variant_after_an_unsettled_clarification_asks_the_same_choice_moved(kb: KnowledgeBase) -> None:
    offered = ["passport-renewal", "cnie-renewal"]
    hits = [Hit("cnie-lost", 12.1, names=1.5, grams=17.2), Hit("driving-license-duplicate", 11.3, names=1.5)]
    found = resolve("et si je l'ai perdue ?", None, kb, hits, Settings(), offered)
    assert found == Resolution(None, "ask", ("passport-lost", "cnie-lost"))


def test_someone_acting_after_an_unsettled_clarification_asks_it_again(kb: KnowledgeBase) -> None:
    offered = ["life-certificate", "retirement-pension"]
    hits = [Hit("amo-health-insurance", 16.9, names=2.9, grams=17.3), Hit("disability-card", 4.6)]
    found = resolve("il est malade, je peux y aller a sa place ?", None, kb, hits, Settings(), offered)
    assert found == Resolution(None, "ask", tuple(offered))


@pytest.mark.parametrize("message", ["quel temps fera-t-il demain ?", "w lpatente kifach?"])
def test_after_a_clarification_another_question_is_new(kb: KnowledgeBase, message: str) -> None:
    offered = ["company-creation", "negative-certificate"]
    hits = [Hit("business-tax-registration", 24.1, names=2.2, grams=45.8), Hit("life-certificate", 1.5, grams=5.9)]
    assert resolve(message, None, kb, hits, Settings(), offered).reason != "ask"


@pytest.mark.parametrize(
    "message", ["est-ce que je dois y aller moi-même ou pas ?", "wach khassni nmchi b rasi?", "هل يجب حضوري شخصيا؟"]
)
def test_going_in_person_or_not_keeps_the_procedure(kb: KnowledgeBase, message: str) -> None:
    hits = [Hit("disability-card", 11.0, names=2.4, grams=25.0), Hit("marriage", 4.0, grams=5.0)]
    assert turn(kb, message, "cnie-renewal", hits) == Resolution("cnie-renewal", "on_behalf")


@pytest.mark.parametrize(
    "message", ["je suis a l'etranger, mon frere peut le faire ?", "ana f lkharij, wach khoya y9der ymchi?"]
)
def test_living_abroad_is_why_someone_else_goes_not_a_foreign_licence(kb: KnowledgeBase, message: str) -> None:
    hits = [Hit("foreign-license-exchange", 12.0, names=2.0, grams=20.0), Hit("driving-license-renewal", 9.0)]
    found = turn(kb, message, "driving-license-renewal", hits)
    assert found == Resolution("driving-license-renewal", "on_behalf")


@pytest.mark.parametrize("message", ["هل يمكن تقديم الطلب بالتوكيل؟", "le titulaire doit-il etre present ?"])
def test_a_proxy_or_the_holders_presence_keeps_the_procedure(message: str) -> None:
    assert says_on_behalf(message)
    assert not says_on_behalf("هل يجب المرور عبر النيابة العامة؟")


@pytest.mark.parametrize(
    "message",
    [
        "est-ce que mon grand-père peut y aller ?",
        "sa soeur a-t-elle le droit de la retirer ?",
        "هل بإمكان أختي أن تسحبها؟",
        "هل يحق لزوجته أن تودع الملف؟",
        "wach mrato y9dar tmchi?",
        "ymkn lkhti tjibha?",
    ],
)
def test_a_relative_by_its_kinship_noun_and_possessive_may_act(message: str) -> None:
    assert someone_may(message)


def test_a_person_who_may_act_naming_the_familys_noun_stays(kb: KnowledgeBase) -> None:
    hits = [Hit("passport-first", 20.0, names=7.0, grams=40.0), Hit("passport-renewal", 18.0, names=6.5)]
    message = "wach khoya y9der ykhrej lia lpaspor?"
    assert turn(kb, message, "passport-renewal", hits) == Resolution("passport-renewal", "on_behalf")


@pytest.mark.parametrize("message", ["فين نمشي؟ للقنصلية؟", "c'est où ? à la commune ?", "wach f lmo9ata3a?"])
def test_a_place_where_it_is_done_names_no_procedure(kb: KnowledgeBase, message: str) -> None:
    hits = [Hit("consular-registration", 20.0, names=7.0, grams=40.0), Hit("laissez-passer-mre", 9.0)]
    assert turn(kb, message, "laissez-passer-mre", hits) == Resolution("laissez-passer-mre", "stay")


def test_a_long_turn_pointing_back_stays_although_search_finds_another_procedure(kb: KnowledgeBase) -> None:
    hits = [Hit("passport-renewal", 12.0, names=3.6, grams=20.0), Hit("vehicle-registration-new", 11.0, names=4.8)]
    message = "wach khassha tkon jdida ola l9dima tkfi?"
    assert turn(kb, message, "residence-certificate", hits) == Resolution("residence-certificate", "stay")


def test_a_lower_hit_named_far_better_than_the_top_is_the_one_asked(kb: KnowledgeBase) -> None:
    hits = [Hit("rsu-registration", 30.0, names=7.1, grams=40.0), Hit("housing-aid", 28.0, names=12.3, grams=50.0)]
    found = turn(kb, "w l'aide au logement, wach khass RSU?", "rsu-registration", hits)
    assert found == Resolution("housing-aid", "switch")


def test_a_short_turn_saying_a_lower_hits_family_noun_switches_keeping_the_variant(kb: KnowledgeBase) -> None:
    hits = [
        Hit("attestation-concordance-mre", 9.0, names=1.0),
        Hit("passport-minor", 8.9, names=2.1),
        Hit("passport-first", 8.8, names=2.1),
    ]
    found = turn(kb, "Et pour le passeport c'est pareil ?", "cnie-renewal", hits)
    assert found == Resolution("passport-renewal", "switch")


def test_a_correction_that_denies_the_child_names_the_renewal(kb: KnowledgeBase) -> None:
    hits = [Hit("passport-minor", 20.0, names=3.6), Hit("attestation-concordance-mre", 18.0, names=3.2)]
    message = "la smh lia, machi l wldi, l rasi ana, 3ndi wa7d 9dim bghit njddo"
    assert turn(kb, message, "passport-minor", hits) == Resolution("passport-renewal", "variant")


@pytest.mark.parametrize(
    "message",
    [
        "wach baba y9dr ydir liya f blasti?",
        "wach khoya i9der ymchi",
        "mrati t9edr tjibha",
        "wach 5ouya y9der ymchi?",
        "wach n9der nwkkel chi 7ad?",
        "ymchi bdali",
    ],
)
def test_more_spellings_of_may_and_for_me(message: str) -> None:
    assert someone_may(message) or says_on_behalf(message)



def test_a_passport_lost_abroad_is_the_laissez_passers_case(kb: KnowledgeBase) -> None:
    hits = [Hit("laissez-passer-mre", 9.0, names=1.2), Hit("mre-customs", 8.0, names=1.0)]
    found = turn(kb, "وإلا كنت فإسبانيا وبغيت نرجع دغيا؟", "passport-lost", hits)
    assert found == Resolution("laissez-passer-mre", "variant")
    lost = [Hit("passport-lost", 20.0, names=3.7), Hit("laissez-passer-mre", 19.0, names=4.0)]
    found = turn(kb, "والباسبور ديالي ضاع تما، كيفاش ندخل؟", "mre-customs", lost)
    assert found == Resolution("laissez-passer-mre", "variant")
    # At home, a lost passport is the lost passport's procedure.
    assert turn(kb, "w ila tsre9 lia lpaspor?", "passport-renewal", lost).procedure == "passport-lost"


@pytest.mark.parametrize(
    "message", ["wach n9der ndirha online?", "w bch7al?", "شحال كتاخد ديال الوقت؟", "chno ndir?", "ماذا أفعل؟"]
)
def test_a_pronoun_or_a_bare_fact_after_an_unsettled_clarification_asks_it_again(
    kb: KnowledgeBase, message: str
) -> None:
    offered = ["foreign-license-exchange", "driving-license-renewal"]
    hits = [Hit("complaint", 11.1, names=1.4, grams=11.1), Hit("good-conduct-certificate", 6.1)]
    assert resolve(message, None, kb, hits, Settings(), offered) == Resolution(None, "ask", tuple(offered))


@pytest.mark.parametrize("message", ["Mon père est malade, il doit venir lui-même ?", "wach khasso yji b rasso?"])
def test_whether_someone_must_come_in_person_keeps_the_procedure(kb: KnowledgeBase, message: str) -> None:
    hits = [Hit("amo-health-insurance", 20.2, names=2.9, grams=20.2), Hit("passport-minor", 6.3)]
    assert turn(kb, message, "life-certificate", hits) == Resolution("life-certificate", "on_behalf")


def test_a_bare_fact_names_nothing(kb: KnowledgeBase) -> None:
    hits = [Hit("cnss-survivors-refund", 20.0, names=6.5, grams=31.0), Hit("scholarship", 5.0)]
    assert turn(kb, "chkoun li 3ndo le droit?", "scholarship", hits) == Resolution("scholarship", "stay")


def test_a_family_met_only_by_a_variant_word_is_not_named(kb: KnowledgeBase) -> None:
    # "jdid" (new) is the new car's variant word; beside a child it is a newborn.
    hits = [
        Hit("vehicle-registration-new", 12.0, names=5.8, grams=35.0),
        Hit("birth-declaration", 11.0, names=2.3, grams=40.5),
    ]
    found = turn(kb, "w ila lwald jdid mazal ma tsjjel?", "birth-certificate", hits)
    assert found == Resolution("birth-declaration", "switch")


def test_another_familys_noun_said_whole_takes_the_variant_word_with_it(kb: KnowledgeBase) -> None:
    hits = [Hit("carte-grise-renewal-duplicate", 14.0, names=4.0, grams=20.0), Hit("driving-license-duplicate", 9.0)]
    found = turn(kb, "et la carte grise elle est abîmée aussi", "driving-license-renewal", hits)
    assert found == Resolution("carte-grise-renewal-duplicate", "switch")


def test_a_child_discussed_earlier_is_whose_document_is_asked(kb: KnowledgeBase) -> None:
    switched = Resolution("passport-first", "switch")
    earlier = ["بغيت نسجل ولدي فالحالة المدنية، تزاد البارح"]
    assert carry_child(switched, "ومن بعد الباسبور ديالو؟", earlier, kb) == Resolution("passport-minor", "switch")
    assert carry_child(switched, "والباسبور ديالي؟", earlier, kb) == switched


def test_session_7_reads_of_a_turn(kb: KnowledgeBase) -> None:
    # A correction whose variant is the same procedure stays on it (one duplicate for lost and damaged).
    other = [Hit("non-taxation-certificate", 9.0, names=1.0, grams=10.0)]
    fixed = turn(kb, "Non en fait il est juste abîmé", "driving-license-duplicate", other)
    assert fixed == Resolution("driving-license-duplicate", "correction")
    # A verb's pronoun keeps the procedure against another met by a shared word only.
    address = [Hit("residence-certificate", 12.0, names=6.5, grams=20.0)]
    redo = turn(kb, "ila bddelt l3onwan khassni n3awedha?", "electoral-registration", address)
    assert redo.procedure == "electoral-registration"
    # A document named whole switches in a long turn.
    life = [Hit("life-certificate", 22.0, names=4.1, grams=31.4), Hit("good-conduct-certificate", 8.3, grams=32.3)]
    long_turn = "et le certificat de vie c est moi qui dois le faire chaque année"
    assert turn(kb, long_turn, "retirement-pension", life) == Resolution("life-certificate", "switch")
    # "Never" with the child's suffix is a first request.
    first = turn(kb, "و الولد عندو ستاش عام ماعمرو دار البطاقة", "cnie-renewal", [Hit("cnie-first", 12.0, names=1.3)])
    assert first == Resolution("cnie-first", "variant")


@pytest.mark.parametrize(
    ("message", "procedure", "topic"),
    [
        ("la carte fidélité dyal yves rocher wach katsstahal", "cnie-lost", True),
        ("passeport pour mon chat dans l'avion, la compagnie demande quoi ?", "passport-first", True),
        ("bonjour euh c est pour le passeport qu est ce qu il faut amener a la prefecture", "passport-first", False),
        ("السلام، بغيت نعرف شنو خاص للباسبور؟ الله يجازيك", "passport-first", False),
        ("wach khassni ndir lbtaka jdida?", "cnie-first", False),
        ("voilà, c'est pour le passeport, on part en vacances cet été, il faut quoi ?", "passport-first", False),
        # ... and when the trip is: a month, next month ("le mois prochain", "f chhar 7").
        ("passeport svp j'ai un mariage au Canada le mois prochain", "passport-first", False),
        ("lpaspor, ghadi nsafer f chhar 7 l espagne", "passport-first", False),
    ],
)
def test_a_familys_noun_among_other_words_is_their_topic(
    kb: KnowledgeBase, message: str, procedure: str, topic: bool
) -> None:
    assert (beside_the_family(message, kb, procedure) > 2) == topic


@pytest.mark.parametrize(
    ("message", "procedure", "named"),
    [
        ("btaka dyali salat lw9t dyalha", "cnie-renewal", True),  # its words are also "prayer time"
        ("lpermis dyali tsala", "driving-license-renewal", True),
        ("btaka dyali salat", "cnie-lost", False),  # not that procedure's variant
        ("la carte fidélité dyal yves rocher salat", "cnie-renewal", False),  # another topic's words
        ("w9t salat lmaghrib f casa", "cnie-renewal", False),  # no family noun
        # A variant phrase's words are its variant, the noun as the lexicon spells it ("lbatakha", not "lbatakh").
        ("lbatakha dyali fatha la date, kifach n3awdha?", "cnie-renewal", True),
        ("slm, lbatakha dyali fatha la date, kifach n3awdha?", "cnie-renewal", True),
        ("la carte fidélité dyal yves rocher fatha la date", "cnie-renewal", False),
    ],
)
def test_a_familys_noun_with_its_variant_word_names_the_procedure(
    kb: KnowledgeBase, message: str, procedure: str, named: bool
) -> None:
    assert family_and_variant(message, kb, procedure) == named


def test_a_fact_asked_beside_a_case_of_its_own_is_that_cases_question(kb: KnowledgeBase) -> None:
    # Search does not find the conversation's procedure: a "where" asked of another case is a new question.
    hits = [Hit("complaint", 24.3, names=2.45), Hit("access-to-information", 14.6, names=1.8)]
    message = "وإذا امتنعت إدارة عن الرد على مراسلاتي، أين أشتكي؟"
    assert turn(kb, message, "electoral-registration", hits) == Resolution(None, "new")
    # ... a fact asked with little else stays, whatever search found.
    hits = [Hit("complaint", 9.0, names=0.5), Hit("access-to-information", 7.0)]
    stays = turn(kb, "et ça prend combien de temps en général ?", "electoral-registration", hits)
    assert stays == Resolution("electoral-registration", "stay")


def test_who_has_the_right_stays_on_the_procedure(kb: KnowledgeBase) -> None:
    hits = [Hit("cnss-survivors-refund", 12.0, names=6.5), Hit("scholarship", 5.0)]
    assert turn(kb, "et qui a le droit ?", "scholarship", hits) == Resolution("scholarship", "stay")
