"""The cues behind answering what was asked: "how long" in Darija and Arabizi is a delay, not a fee;
two asked facts both start on the first screen; a topic named with nothing more is asked about."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from bot.answer.clarify import doubts
from bot.answer.short import facts_for, short_answer
from bot.answer.topics import TOPICS, topic_only
from bot.evaluate import FIRST_SCREEN, plain
from bot.knowledge.loading import load_knowledge
from bot.knowledge.schema import Procedure
from bot.texts import pick, say
from bot.understand.aspects import Aspect, detect_aspects
from bot.understand.fold import fold
from bot.understand.lexicon import data_rows


@pytest.mark.parametrize(
    "message",
    [
        "ch7al d nhar bach tkhrej lakart",  # how much + a unit of time
        "شحال من سيمانة باش يوجد الباسبور",
        "combien de semaines pour avoir le permis",
        "ch7al khassni ntsenna l passport",  # waiting
        "شحال خاصني نتسنى باش توجد",
        "fo9ach tkon wajda lakart",  # when + ready
        "إمتا تكون واجدة البطاقة",
        "ch7al kattowel l'opération",  # lasting
    ],
)
def test_how_long_in_every_script_is_a_delay_question(message: str) -> None:
    assert detect_aspects(message) == ("delay",)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("ch7al kaykhlles lpaspor", ("fees",)),
        ("mon bébé a 6 mois, combien coûte son passeport", ("fees",)),  # an age is not a duration asked
        ("ch7al d nhar w ch7al kaykhlles", ("delay", "fees")),
        ("كم سنة صالح جواز السفر", ("validity",)),
    ],
)
def test_money_and_validity_stay_what_they_are(message: str, expected: tuple[str, ...]) -> None:
    assert detect_aspects(message) == expected


@pytest.mark.parametrize(
    ("spellings", "skeleton"),
    [
        ("kattowel katTwel kattwel katowel katteweel", "ktwl"),  # vowels, case, doubled letters
        ("ch7al chhal sh7al x7al chehal ch7aal", "Chl"),  # 7 / h, ch / sh / x
        ("lwe9t lwa9t lw9t lwaqt", "lwqt"),  # 9 / q
        ("kaykhod kay5od kaykhd", "kyKd"),  # kh / 5
    ],
)
def test_arabizi_spellings_fold_to_one_skeleton(spellings: str, skeleton: str) -> None:
    assert {fold(s) for s in spellings.split()} == {skeleton}


@pytest.mark.parametrize(
    "message",
    [
        "lpassport kaytbta bzaf?",  # be slow, any person and prefix
        "kattbta lbita9a?",
        "ch7al kaytweel l'attestation",  # last
        "ghadi ttowel bzaf lbtaka?",
        "lcasier kaykhod wa9t bzaf?",  # take time
        "ch7al kay5od",
        "ch7al ghatakhod l carte grise",
        "wach kat3tel lakart?",  # be late
        "ch7al kat3ttel",
        "ch7al m3ttla lakart",
        "ch7al dyal lwe9t bach nakhod lpermi",  # how much + time
        "ch7al dial lwaqt",
        "ch7al dial l2iyam l passport",
        "x7al d lwe9t",
        "imta ghadi tkhroj lakart",  # when
        "ch7al bach tkhroj lbtaka",  # how much + it comes out
        "شحال كتبطى البطاقة",
        "واش كيطول الباسبور",
        "شحال كيتعطل البيرمي",
        "شحال غادي ياخد الوقت",
        "ça dure combien, le passeport ?",
        "combien de temps pour la cin",
        "le passeport, je peux l'avoir le jour même ?",  # when, not how long
        "c'est long pour le casier judiciaire ?",
        "هل تسلم البطاقة فورا؟",
        "واش كتخرج البطاقة فنفس النهار",
        "lcasier kaykhrej fl7in?",
    ],
)
def test_how_long_however_spelled_and_conjugated_is_a_delay(message: str) -> None:
    assert detect_aspects(message) == ("delay",)


@pytest.mark.parametrize(
    "message",
    [
        "ch7al kaykhalles lpassport",
        "ch7al ghankhelles",
        "ch7al katkellef lakart",
        "ch7al kayswa lpermi",
        "x7al ttaman dyal lpassport",
        "شحال كيسوى الباسبور",
        "شحال غانخلص",
        "ch7al bach nkhrej lpassport",  # I get it issued: the price of it, not a delay
        "ch7al kaykhlles bach ykhroj lpassport",  # the fee to get it issued
        "mon fils a besoin d'un passeport, combien",  # "fils" is French, not "flous"
    ],
)
def test_how_much_however_spelled_stays_a_fee(message: str) -> None:
    assert detect_aspects(message) == ("fees",)


def test_short_words_that_fold_like_a_stem_are_not_cues() -> None:
    assert detect_aspects("ma demande sera acceptée ?") == ()  # "acceptee" folds like ka-bta
    assert detect_aspects("bghit nakhod rendez-vous") == ()  # I take, not it takes
    assert detect_aspects("wach ykhrej lpassport f casa") == ()  # comes out, no "how much"


# Spellings of the shared Darija data's time and money concepts that are not cues on their own:
# "takhod" is "you take" as often as "it takes"; "katbqa" is how long something stays valid.
_NOT_CUES = {"takhod", "katbqa"}


@pytest.mark.parametrize(
    ("concept", "aspect"),
    [("duration", "delay"), ("take_time", "delay"), ("wait", "delay"), ("pay", "fees"), ("fee_price", "fees")],
)
def test_every_spelling_of_the_lexicons_time_and_money_concepts_is_a_cue(concept: str, aspect: str) -> None:
    rows = [r for r in data_rows("darija_lexicon.tsv") if r["id"] == concept]
    forms = [f for r in rows for f in (*r["latin"].split("|"), *r["arabic"].split("|")) if f not in _NOT_CUES]
    assert forms
    assert [f for f in forms if aspect not in detect_aspects(f"{f} lpasseport")] == []


# DODa (doda_mit_2023, MIT) verbs and adjectives of lasting, being late, waiting, paying and costing,
# with their present-tense conjugations.
_DODA = {
    "delay": "Towwel Towwl m3TTl m3TTel m3aTTal m3Tal tsnna kantsnna kattsnna kaytsnna kantsnnaw",
    "fees": "khllS khalleS khallaS kankhlleS katkhlleS kaykhlleS kankhllSo kllef",
}


@pytest.mark.parametrize("aspect", sorted(_DODA))
def test_the_doda_verbs_of_time_and_money_are_cues(aspect: str) -> None:
    assert [f for f in _DODA[aspect].split() if detect_aspects(f"ch7al {f}") != (aspect,)] == []


@pytest.fixture(scope="module")
def procedures() -> list[Procedure]:
    return load_knowledge(Path(__file__).resolve().parents[2] / "knowledge").procedures


@pytest.mark.parametrize("other", list(get_args(Aspect)))
@pytest.mark.parametrize("asked", ["fees", "delay", "documents"])
def test_with_two_aspects_the_fee_the_delay_and_the_documents_start_on_the_first_screen(
    procedures: list[Procedure], asked: str, other: str
) -> None:
    asked_alone_or_with = [(asked,)] if asked == other else [(other, asked), (asked, other)]
    misses = []
    for proc in procedures:
        for lang in ("fr", "ar", "darija"):
            facts = facts_for(proc, asked)  # type: ignore[arg-type]
            expected = pick(facts[0][2], lang) if facts else say(f"short_missing_{asked}", lang)
            for aspects in asked_alone_or_with:
                head = plain(short_answer(proc, lang, aspects).text)[:FIRST_SCREEN]  # type: ignore[arg-type]
                if plain(expected)[:40] not in head:
                    misses.append((proc.id, lang, aspects))
    assert misses == []


@pytest.mark.parametrize(
    ("message", "top", "topic"),
    [
        # "L'acte de naissance" alone is a copy or the declaration (three writers asked which); "extrait" settles it.
        ("l'acte de naissance svp", "birth-certificate", "birth"),
        ("extrait d'acte de naissance svp", "birth-certificate", None),
        ("une attestation fiscale, chno khass?", "tax-compliance-certificate", "tax_certificate"),
        ("l'attestation fiscale, combien ?", "tax-compliance-certificate", None),  # the one named: search's
        ("l'acte de naissance de ma fille", "birth-certificate", None),  # an older child's: a copy
        ("بغيت شي شهادة من عند المقدم، شنو الورق؟", "administrative-birth-certificate", "local_certificate"),
        ("bghit nmchi l lmoqadem", "residence-certificate", None),  # the place, no paper asked
        ("شهادة ديال الولادة عافاك", "administrative-birth-certificate", "birth"),
        ("question sur la naissance", "birth-declaration", "birth"),
        ("déclarer la naissance de mon fils", "birth-declaration", None),
        ("الشهادة الضريبية", "tax-compliance-certificate", "tax_certificate"),
        ("attestation de non imposition", "non-taxation-certificate", None),
        ("kayna ghalta f smiti", "civil-status-rectification", "record_error"),
        ("erreur dans mon nom", "civil-status-rectification", "record_error"),
        ("تاريخ ولادتي غالط فالضمان", "cnss-birthdate-correction", None),
        ("bghit n7ell charika", "company-creation", "business"),
        ("créer une SARL", "company-creation", None),
        ("الضمان الاجتماعي", "cnss-quitus", "social_security"),
        ("cnss dyal mrati bach tkhrej retraite", "retirement-pension", None),
        ("bghit da3m", "direct-social-aid", "state_aid"),
        ("الدعم ديال السكن", "housing-aid", None),
        ("smiti ghalta", "passport-first", None),  # the best hit is not one of the topic's procedures
        ("je voudrais faire légaliser un papier", "signature-legalization", "legalization"),
        ("bghit nsadde9 chi wra9", "certified-copy", "legalization"),
        ("légalisation de signature", "signature-legalization", None),  # "signature" settles it
        ("نصادق على نسخة من الديبلوم", "certified-copy", None),
        ("ana mre bghit chi wra9a mn l9onsoliya", "consular-registration", "abroad"),
        ("أنا مغربي مقيم بالخارج", "consular-registration", "abroad"),
        ("inscription au consulat", "consular-registration", None),
        ("les papiers de ma voiture", "vehicle-ownership-transfer", "vehicle"),
        ("عندي سؤال على الطوموبيل ديالي", "vehicle-registration-new", "vehicle"),
        ("mutation de la carte grise", "vehicle-ownership-transfer", None),
        ("je voudrais m'inscrire", "electoral-registration", "registration"),
        ("بغيت نتسجل", "job-seeker-registration", "registration"),
        ("inscription sur les listes electorales", "electoral-registration", None),
        ("chi wra9a dyal sawabi9", "criminal-record", "record"),
        ("السجل العدلي", "criminal-record", None),
        ("bghit rokhsa", "building-permit", "licence"),
        ("rokhsat lbni", "building-permit", None),
        # A certificate of the topic's kind in the plural, indefinite, with a fact asked: which one's?
        ("des attestations fiscales, c'est combien ?", "tax-compliance-certificate", "tax_certificate"),
        ("une attestation fiscale, c'est combien ?", "tax-compliance-certificate", "tax_certificate"),
    ],
)
def test_a_topic_named_with_nothing_more_is_asked_about(message: str, top: str, topic: str | None) -> None:
    assert topic_only(message, top) == (TOPICS[topic].procedures if topic else ())


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("واش الباسبور بفلوس؟", ("fees",)),  # "with money": ب glued on
        ("لاكارط فشحال من نهار كتخرج؟", ("delay",)),  # "in how many days": ف glued on
        ("شنو خاصني من وراق وبشحال البيرمي؟", ("documents", "fees")),  # "and how much": وب glued on
        ("شحال كنخلص وشحال ياخد الباسبور؟", ("fees", "delay")),  # "how much does it take"
        ("ch7al yakhod lpermis", ("delay",)),
        ("شحال كياخدو فالباسبور؟", ("fees",)),  # how much do they take: a price
        ("باين ليا الباسبور قديم", ()),  # "it seems" is not "with where"
    ],
)
def test_arabic_particles_glued_on_and_how_much_it_takes(message: str, expected: tuple[str, ...]) -> None:
    assert detect_aspects(message) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("le passeport combien et en combien de jours", ("fees", "delay")),
        ("lakart ch7al w ch7al d nhar?", ("fees", "delay")),
        ("ch7al katakhod w ch7al mn nhar", ("delay",)),  # both "how much" are the duration's
        ("ch7al katakhod lakart", ("delay",)),
    ],
)
def test_a_second_how_much_beside_the_durations_asks_the_price(message: str, expected: tuple[str, ...]) -> None:
    assert detect_aspects(message) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("c'est cher le renouvellement du passeport ?", ("fees",)),  # is it expensive
        ("lkarta ghalia?", ("fees",)),
        ("البيرمي غالي؟", ("fees",)),
        ("9addach ykallef lpermis", ("fees",)),  # the eastern "how much"
        ("قداش من نهار باش يخرج الباسبور", ("delay",)),
        ("wqtach twjed lakart", ("delay",)),  # "at what time"
        ("وقتاش غايخرج الباسبور؟", ("delay",)),
    ],
)
def test_expensive_and_at_what_time(message: str, expected: tuple[str, ...]) -> None:
    assert detect_aspects(message) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("passeport urgent", ("delay",)),  # urgency asks how soon
        ("wach kayn chi tari9a mosta3jla l lakart", ("delay",)),
        ("الباسبور كيخرج بسرعة؟", ("delay",)),
        ("l'attente pour la cin", ("delay",)),
        ("fo9ash tkhrej lakart", ("delay",)),
        ("مرحبا بكم، كيفاش ندير الباسبور؟", ("steps",)),  # "welcome to you" is no "for how much"
        ("واش هادشي فصالح المواطن؟", ()),  # "in favour of" is not "valid"
    ],
)
def test_urgency_asks_the_delay_and_particles_stay_on_money_and_time(message: str, expected: tuple[str, ...]) -> None:
    assert detect_aspects(message) == expected


@pytest.mark.parametrize(
    "message",
    [
        "que dois-je préparer pour le passeport ?",  # what to bring, a few words after "what"
        "j'ai besoin de quoi pour la carte grise ?",  # "quoi" after the need
        "les justificatifs demandés pour l'attestation de résidence",
        "ماذا يجب أن أحضر لتجديد جواز السفر؟",
        "ما الذي أحتاجه للحصول على السجل العدلي؟",
        "آش خاصني باش نجدد لاكارط؟",
        "شنو نحضر باش نجدد البطاقة؟",  # "prepare", not "be present"
        "الكواغط ديال لاكارط",  # the papers, in Darija
        "chno nwjjed l lpasspor?",
        "ach kaytelbo f ldossier dyal carte grise?",  # the article glued on
    ],
)
def test_what_to_bring_in_every_style_asks_the_documents(message: str) -> None:
    assert detect_aspects(message) == ("documents",)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("j'ai besoin d'un passeport, c'est quoi la procédure ?", ()),  # the need far from "what"
        ("khassni lpasspor chno ndir", ()),  # what must I do
        ("que faire si j'ai perdu ma CIN", ()),
        ("ما هي آجال تسليم جواز السفر؟", ("delay",)),
        ("kifach w fin w chno lwra9 dyal lpasspor", ("steps", "documents")),  # the documents kept of three
    ],
)
def test_a_need_far_from_what_or_what_to_do_is_no_documents_question(message: str, expected: tuple[str, ...]) -> None:
    assert detect_aspects(message) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("ضاعت ليا البطاقة، شحال باش نقبط جديدة؟", ("delay",)),  # how much until I get it
        ("ch7al bach ywsl l'acte", ("delay",)),  # ... until it arrives
        ("amo ch7al bach tfe3el", ("delay",)),  # ... until it is active
        ("certificat de scolarité, kaykhrj f nhar wla ghedda?", ("delay",)),  # a day beside "it comes out"
        ("ch7al bach ndir lpasspor", ("fees",)),  # how much to do it: a price
        ("acte de naissance wach bflous", ("fees",)),
        ("ما هي تكاليف إحداث شركة؟", ("fees",)),
        ("ما المطلوب للتسجيل في القنصلية؟", ("documents",)),
        ("certificat de vie l baba, chno nhzz m3aya", ("documents",)),  # what do I carry with me
        ("1ère CIN l bnti, what do they ask for?", ("documents",)),
        ("J'ai ma CIN et une photo, il me manque quelque chose ?", ("documents",)),  # is it enough
        ("ما كيطلبو والو فالمقاطعة", ()),  # "ما" is Darija's "not"
    ],
)
def test_when_it_arrives_what_it_costs_and_what_to_carry(message: str, expected: tuple[str, ...]) -> None:
    assert detect_aspects(message) == expected


@pytest.mark.parametrize("message", ["ch7al 3ndo d l3mr?", "شحال فعمرو؟", "كم عمره؟", "combien d'ans il doit avoir ?"])
def test_how_much_of_an_age_asks_the_conditions_not_a_fee(message: str) -> None:
    assert detect_aspects(message) == ("eligibility",)


@pytest.mark.parametrize(
    "message",
    [
        "qu'est-ce qu'il faut prendre avec moi pour la carte grise",
        "je sais pas trop ce qu il faut préparer",  # a transcript without apostrophes
        "ash nwajjed l lpaspor",
        "lmilaf dyal lbitaka",
        "bghit nsjel f anapec, chno njib m3aya?",
        "extrait d'acte de naissance, khassni chi wr9a m3aya wla ghir la CIN?",
    ],
)
def test_what_to_bring_prepare_or_take_along_asks_the_documents(message: str) -> None:
    assert detect_aspects(message) == ("documents",)


@pytest.mark.parametrize(
    ("message", "doubt"),
    [
        ("Il me faut une attestation des impôts, laquelle ?", True),
        ("bonne conduite ou casier, je sais plus", True),
        ("ma3reftch ashmen wa7da", True),
        ("attestation de non imposition", False),
    ],
)
def test_which_one_not_known_is_a_doubt(message: str, doubt: bool) -> None:
    assert doubts(message) is doubt


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("l'apostille ch7al kadi d iyam?", ("delay",)),  # "it takes" (dda), not a price
        ("ch7al kaydiw?", ("fees",)),  # they take: a price
        ("ch7al ghadi ykhlsni f lpaspor?", ("fees",)),  # "ghadi", will: the future, not "it takes"
        ("شحال غادي يكلفني الباسبور؟", ("fees",)),
        ("ch7al ghadi ydi d lwe9t?", ("delay",)),
        ("شحال غادي من نهار باش تخرج؟", ("delay",)),
        ("درت الملف وكملت الخلاص، امتى غادي يخرج؟", ("delay",)),  # a file handed in, a payment made: told
        ("j'ai déjà payé le timbre, quand est-ce que je le récupère ?", ("delay",)),
        ("khllest lkhlas, fo9ach ykhrej?", ("delay",)),
        ("J'ai fini de payer mon crédit auto, je veux lever l'opposition", ()),
        ("الملف ديال التقاعد إلا وضعتو، شحال حتى يبدا يخلصوني؟", ("delay",)),  # how much until
        ("شحال كتبقى البطاقة باش توجد؟", ("delay",)),  # stays ... until it is ready: the wait
        ("فين ندفع الملف؟", ("where",)),
        ("par où commencer pour le passeport ?", ("steps",)),  # how to begin, not where
    ],
)
def test_what_is_told_as_done_is_not_asked(message: str, expected: tuple[str, ...]) -> None:
    assert detect_aspects(message) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # The file a document is for is told when something else is asked ...
        ("un certificat de résidence pour mon dossier, c'est combien ?", ("fees",)),
        ("une attestation pour mon dossier de mariage, ça prend combien de temps ?", ("delay",)),
        # ... and asks the documents when nothing else is.
        ("qu'est-ce qu'il faut pour mon dossier de bourse ?", ("documents",)),
        ("les papiers pour une demande de bourse", ("documents",)),
    ],
)
def test_a_file_that_is_the_purpose_is_told_beside_another_question(message: str, expected: tuple[str, ...]) -> None:
    assert detect_aspects(message) == expected


@pytest.mark.parametrize(
    ("message", "top", "topic"),
    [
        ("بغيت شي ورقة كتبين بلي ما عنديش سوابق", "cnss-quitus", "record"),  # search found none of them
        ("bghit chi chahada mn 3nd lmoqadem", "job-seeker-registration", "local_certificate"),
        ("Salam, la banque tlbat mni une attestation fiscale, chno hiya?", "tax-compliance-certificate", "tax_certificate"),  # noqa: E501
        ("bghit nms7 sawabi9 dyali", "criminal-record", None),  # more than the record said
        # A fact asked of nouns that name no procedure, definite or not: whose fact?
        ("sawabi9 fin ntl3ha", "criminal-record", "record"),
        ("l'attestation du moqadem, combien ?", "life-certificate", "local_certificate"),
        ("ما هي الوثائق اللازمة للشهادة الإدارية التي تسلمها الملحقة الإدارية؟", "cnss-quitus", "local_certificate"),
        ("le casier judiciaire, c'est où ?", "criminal-record", None),  # a procedure's own name
    ],
)
def test_a_topic_whose_nouns_name_nothing_else_is_asked_whatever_search_found(
    message: str, top: str, topic: str | None
) -> None:
    assert topic_only(message, top) == (TOPICS[topic].procedures if topic else ())


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("lpasspor ch7al ghadi yb9a?", ("delay",)),  # how long will it stay (take): the wait, not a price
        ("ch7al ghayb9a bach ykhroj?", ("delay",)),
        ("شحال غادي يبقى الباسبور؟", ("delay",)),
        ("ch7al ghadi tb9a valable?", ("validity",)),  # ... unless it stays valid
        ("ch7al katb9a salha", ("validity",)),
    ],
)
def test_how_long_it_will_stay_is_the_wait(message: str, expected: tuple[str, ...]) -> None:
    assert detect_aspects(message) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("de quoi ai-je besoin pour faire la carte ?", ("documents",)),  # the doing is the purpose
        ("ش خاصني باش ندير الباسبور؟", ("documents",)),
        ("شنو كيخص؟", ("documents",)),
        ("wach kaytalbo chi wra9a mn l9iyada?", ("documents",)),  # a paper asked for
        ("wach khassni chi haja m3aya l lmo9ata3a?", ("documents",)),  # something to take along
        ("ما هي الشروط والوثائق؟", ("eligibility", "documents")),  # "and" glued on
        ("qu est ce qu il faut faire pour le passeport", ()),  # what to do: the general answer
        ("que faut-il savoir sur la cnss", ()),
        # "regarding" (فيما يخص) is not "is needed" (كيخص), and what one needs to know is not a paper.
        ("ما هي الإجراءات فيما يخص تجديد جواز السفر؟", ()),
        ("اش كيخص نعرف على الباسبور؟", ()),
    ],
)
def test_what_is_needed_asks_the_documents(message: str, expected: tuple[str, ...]) -> None:
    assert detect_aspects(message) == expected


@pytest.mark.parametrize(
    "message", ["et qui a le droit ?", "on a le droit à quel âge ?", "qui est concerné ?", "et qui peut la demander ?"]
)
def test_who_has_the_right_or_is_concerned_asks_the_conditions(message: str) -> None:
    # "a le droit" as "a droit": a follow-up that asks it stays on the procedure ("et qui a le droit ?"
    # after a scholarship went to the survivors' rights of the CNSS, a name's word).
    assert "eligibility" in detect_aspects(message)
