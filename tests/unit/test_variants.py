"""Families and variants: which variant a message names, in every style, and the knowledge files' rule."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.knowledge.loading import load_knowledge
from bot.knowledge.schema import Procedure
from bot.understand.variants import negated_variants, variant_cues
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("message", "variant"),
    [
        ("je veux renouveler mon passeport", "renewal"),
        ("bghit njdded lbtaka dyali", "renewal"),
        ("لاكارط ديالي سالات", "renewal"),
        ("lpermi dyali ghadi ysali", "renewal"),  # about to run out
        ("البطاقة ديالي غادي تسالي", "renewal"),
        ("كيف أجدد جواز السفر", "renewal"),
        ("j'ai perdu ma CIN", "lost"),
        ("tlfat lia lbtaka", "lost"),
        ("ضاعت ليا لاكارط", "lost"),
        ("passeport pour mon fils", "minor"),
        ("ولدي عندو 8 سنين بغيت ليه باسبور", "minor"),
        ("bghit passport l bnti 3ndha 12 3am", "minor"),
        # A child however named, particles glued on in Arabic script (issue 14).
        ("w l wlidi ?", "minor"),
        ("w lwlad?", "minor"),
        ("et pour mon petit ?", "minor"),
        ("وإذا كان لطفلي؟", "minor"),
        ("وبالنسبة للقاصرين؟", "minor"),
        ("وولدي؟", "minor"),
        ("والدراري الصغار؟", "minor"),
        ("première demande de passeport", "first"),
        ("awel merra ndir lbtaka", "first"),
        ("أول مرة نطلب البطاقة", "first"),
        ("duplicata du permis", "duplicate"),
        ("j'ai un permis italien", "foreign"),
        ("carte grise voiture neuve", "new_vehicle"),
        ("chrit tomobil bghit ndirha b smiyti", "transfer"),
    ],
)
def test_a_variant_word_is_found_in_every_style(message: str, variant: str) -> None:
    assert variant in variant_cues(message)


@pytest.mark.parametrize("message", ["passeport", "la carte grise", "lpermis", "جواز السفر", "bghit lbtaka"])
def test_the_family_noun_alone_names_no_variant(message: str) -> None:
    assert variant_cues(message) == set()


def test_families_group_the_variants_of_one_noun() -> None:
    procedures = {p.id: p for p in load_knowledge(ROOT / "knowledge").procedures}
    passport = {p.variant: p.id for p in procedures.values() if p.family == "passport"}
    assert passport == {
        "first": "passport-first",
        "renewal": "passport-renewal",
        "lost": "passport-lost",
        "minor": "passport-minor",
    }
    assert {p.family for p in procedures.values() if p.family} == {"cnie", "passport", "driving-license", "carte-grise"}


def test_a_family_without_a_variant_is_refused() -> None:
    raw = (ROOT / "knowledge" / "procedures" / "cnie-first.yaml").read_text(encoding="utf-8")
    import yaml

    data = yaml.safe_load(raw)
    data.pop("variant")
    with pytest.raises(ValidationError, match="family and variant go together"):
        Procedure.model_validate(data)


@pytest.mark.parametrize(
    ("message", "variant"),
    [
        ("lpassport tlefli", "lost"),
        ("ضاع ليا الباسبور", "lost"),
        ("ma l9itch lakart dyali", "lost"),
        ("سرقوها ليا فالطوبيس", "lost"),
        ("فاتت الداطة ديال الباسبور", "renewal"),
        ("ma carte est expired", "renewal"),
        ("fatet la date dyal lakart", "renewal"),
        ("bghit nrenouvli lpermis", "renewal"),
        # Conjugated and spelled other ways (session 5, from general knowledge).
        ("je renouvelle mon passeport", "renewal"),
        ("mon passeport arrive à expiration", "renewal"),
        ("lpasspor dyali fatet lih la date", "renewal"),
        ("n3awd lpermis", "renewal"),
        ("bghit nrenouvler la CIN dyali", "renewal"),
        ("dya3t lpermis", "lost"),
        ("j'ai égaré ma carte", "lost"),
        ("wddrt lpasspor", "lost"),
        ("ودرت البطاقة", "lost"),
        ("ma carte grise est cassée", "duplicate"),
        ("الكارط كريز تهرسات", "duplicate"),
        ("bghit nrenoveler lpaspor", "renewal"),  # the u dropped (session 8)
        ("lbtaka dyali mkhsra", "duplicate"),
    ],
)
def test_more_ways_of_saying_lost_or_expired(message: str, variant: str) -> None:
    assert variant in variant_cues(message)


@pytest.mark.parametrize(
    ("message", "variant"),
    [
        # Particles glued on any variant word in Arabic script (issue 14).
        ("وإلا كان عندي البيرمي وتقطع؟", "duplicate"),
        ("عفوا، أقصد التجديد", "renewal"),
        ("ونقدر نبدلو بالخارج؟", "foreign"),
        ("la machi salat, tsre9at liya", "lost"),
        ("on me l'a volée, je la retrouve plus", "lost"),
        ("comment passer le permis de conduire", "first"),
        ("بغيت نبيع الطوموبيل", "transfer"),
    ],
)
def test_glued_particles_and_more_forms_name_the_variant(message: str, variant: str) -> None:
    assert variant in variant_cues(message)


@pytest.mark.parametrize(
    ("message", "denied", "kept"),
    [
        ("عفوا، أقصد التجديد وليس أول مرة", "first", "renewal"),
        ("la, machi salat, tsre9at liya", "renewal", "lost"),
        ("non, il n'est pas perdu, juste expiré", "lost", "renewal"),
        ("لا، ماشي ضايع، غير سالا", "lost", "renewal"),
    ],
)
def test_a_negation_denies_the_next_variant_only(message: str, denied: str, kept: str) -> None:
    # A negation reaches one word on, not past a comma ("machi salat, tsre9at": stolen is meant).
    assert denied in negated_variants(message) and kept not in negated_variants(message)
    assert kept in variant_cues(message)


@pytest.mark.parametrize(
    ("message", "variant"),
    [
        ("شحال كياخد التجديد ديال البيرمي؟", "renewal"),  # the article
        ("بالنسبة للتجديد ديال لاكارط", "renewal"),
        ("شهادة التصريح بالضياع", "lost"),
        ("البطاقة اللي جددت فوقاش توجد؟", "renewal"),  # a verb's person
        ("mnin kat3awedha lakart", "renewal"),  # and its object
        ("imta nakhod lpermis mn b3d ma jeddedto", "renewal"),
        ("twedrat lia lakart f tobis", "lost"),  # Darija "got lost"
        ("تودر ليا الباسبور", "lost"),
        ("نقل ملكية سيارة", "transfer"),
        ("tomobil mosta3mla", "transfer"),
    ],
)
def test_articles_persons_and_objects_glued_to_a_variant_word(message: str, variant: str) -> None:
    assert variant in variant_cues(message)


def test_endings_do_not_make_other_words_variants() -> None:
    assert variant_cues("salah, une question sur le passeport") == set()  # a name, not "sala" (expired) + -h
    assert variant_cues("mon volet est casse, et le passeport ?") == set()  # not "vole" + -t
    # Replacing one's own paper licence is no foreign one: "exchange" words take no ending.
    assert "foreign" not in variant_cues("أحمل رخصة ورقية قديمة، هل يلزمني استبدالها؟")


@pytest.mark.parametrize(
    ("message", "variant"),
    [
        ("bghit njdd lbtaka dyali", "renewal"),
        ("kanjeddedha kol 10 snin", "renewal"),
        ("3ndi wa7d 9dim bghit njddo", "renewal"),
        ("w ila kan mdi3?", "lost"),
        ("permis de conduire, kifach ndouzo?", "first"),
        ("je veux passer le permis B", "first"),
        ("passer mon permis b", "first"),
    ],
)
def test_the_renewal_root_and_more_spellings_in_latin_letters(message: str, variant: str) -> None:
    assert variant in variant_cues(message)


@pytest.mark.parametrize("message", ["lwald jdid", "jeddi mrid", "jdida"])
def test_new_and_a_grandfather_are_not_a_renewal(message: str) -> None:
    assert "renewal" not in variant_cues(message)


@pytest.mark.parametrize(
    ("message", "variant"),
    [
        ("كم من الوقت تستغرق البطاقة الوطنية الأولى؟", "first"),
        ("btaka dyali mchat", "lost"),
        ("شحال كياخد الدوبليكاتا ديال البيرمي؟", "duplicate"),
    ],
)
def test_the_first_card_gone_and_a_duplicata(message: str, variant: str) -> None:
    assert variant in variant_cues(message)


@pytest.mark.parametrize("message", ["kifach ndir?", "bghit ndir lpaspor", "mcha khoya l9iyada"])
def test_doing_or_going_names_no_variant(message: str) -> None:
    # "ndir lpaspor" may be a first passport or any other: the clarification asks (bench/data/clarify.jsonl).
    assert not {"first", "lost"} & variant_cues(message)


@pytest.mark.parametrize(
    "message",
    [
        "je dois renouveller ma cin",
        "nrenouvliha had l3am",
        "la carte est périmée",
        "elle a expiré",
        "comment renouler mon passeport",  # a voice note's transcript, the "ve" swallowed
    ],
)
def test_french_renewal_words_however_spelt(message: str) -> None:
    assert "renewal" in variant_cues(message)


@pytest.mark.parametrize(
    ("message", "variant"),
    [
        # A licence from another country is the foreign one; living there is not (session 6).
        ("بغيت نبدل البيرمي ديالي اللي جبت من فرنسا", "foreign"),
        ("permis obtenu en Espagne, comment le changer ?", "foreign"),
        ("lpermis dyali mn spania", "foreign"),
        ("3ndi permis fransawi", "foreign"),
        # A date gone by, however "passed" is conjugated.
        ("lbatakha dyali fatha la date", "renewal"),
        ("الباسبور فاتتها الداطة", "renewal"),
        ("et si je le perds plus tard ?", "lost"),
    ],
)
def test_a_country_of_origin_or_a_passed_date_names_the_variant(message: str, variant: str) -> None:
    assert variant in variant_cues(message)


def test_living_abroad_is_not_a_foreign_licence() -> None:
    assert variant_cues("je vis en France, comment renouveler mon permis ?") == {"renewal"}


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # French "vol": a flight taken or going somewhere, a theft otherwise (session 7).
        ("passeport pour un vol demain", set()),
        ("il me faut un passeport avant mon vol", set()),
        ("en cas de perte ou de vol", {"lost"}),
        ("suite au vol de mon sac", {"lost"}),
        # Darija's "change" alone is no foreign licence; beside a country it is.
        ("bghit nbddel lpermis", set()),
        ("bghit nbdel lpermis li jbt mn fransa", {"foreign"}),
        # "Never" whoever's life: a first request.
        ("و الولد عندو ستاش عام ماعمرو دار البطاقة", {"first"}),
        ("3mrha ma khrjat passport", {"first"}),
        # Darija with an Arabic letter's digit, however its vowels are spelt.
        ("lbtaka dyali daya3t", {"lost"}),
        ("lpasspor tsr9atli", {"lost"}),
    ],
)
def test_flight_change_and_never_are_read_by_structure(message: str, expected: set[str]) -> None:
    assert variant_cues(message) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("passeport expiré depuis 2 ans", {"renewal"}),  # a time gone by, not a child's age
        ("mon fils a 16 ans", {"minor"}),
        ("mon passeport n'est plus valide", {"renewal"}),
        ("جواز سفري منتهي الصلاحية", {"renewal"}),
        ("lbtaka dyali tsalat", {"renewal"}),
        ("lpermis tgetta3", {"duplicate"}),
        ("ma cin tay7a", {"lost"}),
        ("شحال كتاخد الكارط كريز ملي نبدل المول؟", {"transfer"}),
        ("la carte grise, chno khassni ndir ? je suis perdue", set()),  # at a loss, not a lost card
        ("je me suis fait voler ma voiture avec la carte grise dedans", {"lost"}),
        ("ch7al khass bach ndir la CIN lwla?", {"first"}),
        ("bghit nbdl lpaspor l9dim", {"renewal"}),
        ("lpaspor dyali mabqach sala7", {"renewal"}),
        ("بطاقتي تكسرات", {"duplicate"}),
        ("wldi wsal 18 3am bghit ndir lih lbtaka", set()),  # a son of age: not the minor's procedure
        # A child who marries is of age: the passport asked is not the minor's.
        ("ma fille se marie en juillet, je voudrais des informations sur le passeport", set()),
        ("bnti ghadi tzowej f france, bghit lpaspor", set()),
        ("بنتي غادي تزوج وبغيت نعرف على الباسبور", set()),
        ("le passeport pour le mariage de mon fils", set()),
        ("passeport pour mon fils, on va au mariage de ma soeur", {"minor"}),
        ("المطاسيون ديال الطوموبيل شحال كتخلص؟", {"transfer"}),  # "mutation", the change of owner
        ("mon permis est arrivé à échéance", {"renewal"}),
        ("j'ai oublié mon passeport dans le taxi et je ne l'ai plus", {"lost"}),
        ("ma carte est mouillée et illisible", {"duplicate"}),
        ("البطاقة تفسدات", {"duplicate"}),
        ("lpermis tmze9", {"duplicate"}),
        ("le délai est dépassé ?", set()),  # a deadline passed, not the document's date
        ("changement d'adresse sur la cin", {"renewal"}),
    ],
)
def test_more_ways_of_settling_the_variant(message: str, expected: set[str]) -> None:
    assert variant_cues(message) == expected
