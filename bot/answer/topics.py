"""Topics named with one broad noun, beyond the knowledge model's families (a birth, a tax
certificate, registering, one's record...): a message that names one and says nothing more is asked
which of the topic's procedures it means (``bot.answer.clarify``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.search.documents import names_of
from bot.search.served import KnowledgeBase
from bot.understand.analysis import STOP_WORDS, analyze, tokenize
from bot.understand.aspects import without_aspects, without_cues, word_pattern
from bot.understand.darija import concept_ids
from bot.understand.normalize import normalize
from bot.understand.social import without_social
from bot.understand.variants import variant_cues, without_variants


@dataclass(frozen=True)
class Topic:
    names: str  # one of these words must be there
    also: str  # words that belong to the topic without settling which procedure
    procedures: tuple[str, ...]
    needs: str = ""  # ... and one of these too, when the names alone are no topic (a place, not its paper)
    unless: str = ""  # words that settle it however short the message ("عقد الازدياد ديالي": one's own copy)
    # Its nouns name nothing else ("sawabi9", "a certificate from the moqadem"): asked whatever search ranked first.
    anywhere: bool = False


# Offices and places a "where" turn names as its answer ("للقنصلية؟", "f la commune ?", "au tribunal ?").
_PLACES = (
    "consulat|ambassade|commune|arrondissement|caidat|caid|prefecture|province|wilaya|tribunal|police|"
    "commissariat|gendarmerie|bureau|agence|guichet|administration|mairie|municipalite|annexe|centre|"
    "l9onsoliya|lqonsoliya|qonsoliya|lconsulat|sifara|ssifara|jama3a|ljama3a|l9iyada|9iyada|lmo9ata3a|"
    "mo9ata3a|lmoqata3a|l3amala|3amala|lwilaya|lmahkama|mahkama|lbolis|lkomisariya|lidara|idara|lbaladiya|"
    "القنصليه|قنصليه|السفاره|سفاره|الجماعه|جماعه|المقاطعه|مقاطعه|القياده|قياده|العماله|عماله|الولايه|"
    "ولايه|المحكمه|محكمه|الشرطه|شرطه|البوليس|الكوميساريه|الامن|الدرك|الاداره|اداره|البلديه|بلديه|"
    "المكتب|مكتب|الوكاله|وكاله|الملحقه|ملحقه|المركز|مركز"
)
PLACE = re.compile(rf"(?<![\w])(?:[وفبل]|لل|ال|فال|بال)?(?:{_PLACES})(?![\w])")


TOPICS: dict[str, Topic] = {
    "birth": Topic(
        "naissance | naissances | wilada | lwilada | ولاده | الولاده | للولاده | ازدياد | الازدياد | izdiyad |"
        " l2izdiyad | 2izdiyad | lizdiyad | بالولاده | لازدياد | للازدياد | بالازدياد | الزياده | زياده | zyada |"
        " zzyada | lzyada",
        # "L'acte de naissance" said alone, or of a baby, is a copy or the declaration: which? (An older child's
        # is a copy: "l'acte de naissance de ma fille" is search's.)
        "etat civil | حاله مدنيه | الحاله المدنيه | لدي | لدى | مكتب | bureau | bureau d' etat civil | acte | l' acte |"
        " عقد | لعقد | العقد | 3a9d | l3a9d | 3e9d | bebe | lbebe | mon bebe | nouveau ne | nouveau-ne | رضيع |"
        " الرضيع | البيبي | lbibi | de",
        ("birth-certificate", "birth-declaration", "administrative-birth-certificate"),
        unless="ديالي | dyali | diali | mon acte | mon extrait | ma copie | الخاص بي | ديالي انا",
    ),
    "tax_certificate": Topic(
        "impot | impots | fiscal | fiscale | fiscales | dariba | ddariba | daraib | dara2ib | ddara2ib | ldara2ib |"
        " ضريبه | ضريبيه | الضريبيه |"
        " الضريبه | الضرائب | ضرائب | جبائيه | الجبائيه | للضرائب | بالضرائب | dgi",
        "المديريه العامه | مديريه | الاداره | اداره | مصلحه | من | mn | men | de | des | d' | la | dyal | dial | ديال",
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
        "da3m | dda3m | دعم | الدعم | aide | aides | مساعده | المساعده | منحه | اعانه | الاعانه | i3ana | l2i3ana |"
        " li3ana",
        "social | sociale | de l'etat | dyal dawla | الدوله | ijtima3i | الاجتماعي | اجتماعي",
        ("direct-social-aid", "housing-aid", "rsu-registration"),
    ),
    # Legalising: a signature, a copy, or a judgment for use abroad.
    "legalization": Topic(
        "legaliser | legalisation | legalise | legalisee | faire legaliser | nsadde9 | nsade9 | nsdde9 | sadde9 |"
        " nsadd9 | nsad9 | nsda9 | nsaddeq | nsadeq | mosada9a | lmosada9a | msada9a | lmsada9a | tasdi9 | ttasdi9 |"
        " tampon | ttampon | cachet | ختم | lkhatm | ntamponi | tamponner |"
        " tsadde9 | tasdi9 | tsdi9 | msadde9 | تصديق | التصديق | مصادقه | المصادقه | نصادق | نصدق | نصادق على |"
        " nlegalisi | nlegalizi | nlegaliser | nlegalisiw | legalisi | نليكاليزي | نلكاليزي |"
        " نصدق على | المصادقه على",
        "chi | شي | un | une | mon | ma | mes | diali | dyali | ديالي | ديالو | f lmo9ata3a | lmo9ata3a | mo9ata3a |"
        " المقاطعه | فالمقاطعه | la commune | ljama3a | الجماعه | فالجماعه | a la commune | l kharij | lkharij |"
        " للخارج | pour l' etranger | a l' etranger | officiel | officielle | رسمي | رسميه",
        ("signature-legalization", "certified-copy", "apostille-justice-documents"),
    ),
    # A Moroccan living abroad: the consulate's registration, a laissez-passer, customs, a concordance.
    "abroad": Topic(
        "mre | marocain residant a l' etranger | marocains residant a l' etranger | marocains du monde |"
        " jalia | ljalia | الجاليه | مغاربه العالم | مغاربه الخارج | مقيم بالخارج | مقيمه بالخارج | ساكن فالخارج |"
        " mhajer | mhajra | mhajrin | مهاجر | مهاجره | المهاجرين | مقيم في الخارج | مقيمه في الخارج |"
        " kan3ich f lkharij | 3aych f lkharij | consulat | l9onsoliya | lqonsoliya | qonsoliya | القنصليه | قنصليه",
        "je suis | ana | انا | marocain | marocaine | مغربي | مغربيه | f lkharij | bel kharij | فالخارج | بالخارج |"
        " في الخارج | fel kharij |"
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
    # Registering, nothing more: the electoral lists, the RSU, a job seeker, the CNSS, a consulate, a business.
    "registration": Topic(
        "inscrire | m' inscrire | s' inscrire | inscription | ntsjel | ntsejjel | ntsajjel | nsjjel | nsejjel |"
        " tsjil | tasjil | التسجيل | تسجيل | نتسجل | نسجل | اتسجل | أسجل | نتقيد | التقييد",
        "je | me | ana | انا | ديالي | dyali | diali",
        (
            "electoral-registration",
            "rsu-registration",
            "job-seeker-registration",
            "cnss-employee-registration",
            "consular-registration",
            "auto-entrepreneur",
            "trade-register",
        ),
    ),
    # "My record" with nothing more: the court's extract or the police's fiche anthropométrique.
    # "The card", which one not said: the national ID card mostly, or a carte grise, a residence or a
    # disability card ("la carte svp", "البطاقة", "lbita9a"); any word after it (nationale, grise) settles it.
    "card": Topic(
        "carte | la carte | lcarte | karta | lkarta | lakart | bita9a | lbita9a | bitaqa | lbitaqa | بطاقه |"
        " البطاقه | كارط | لاكارط | الكارط",
        "ma | mon | diali | dyali | ديالي | dyal | dial | ديال | ديالتي | dyalti | dialti",
        (
            "cnie-first",
            "cnie-renewal",
            "cnie-lost",
            "carte-grise-renewal-duplicate",
            "foreign-residence-card",
            "disability-card",
        ),
    ),
    # "A licence" with nothing more: to drive, to build, or to open a shop ("bghit rokhsa", "الرخصة عافاك").
    "licence": Topic(
        "rokhsa | rrokhsa | lrokhsa | rokhssa | ro5sa | rokhsa | رخصه | الرخصه | ترخيص | الترخيص | licence |"
        " autorisation | une autorisation",
        "chi | شي | une | ma | dyali | diali | ديالي | dyal | ديال",
        ("driving-license-first", "building-permit", "commercial-license"),
    ),
    # A certificate from the moqadem, the caid or the arrondissement, not named ("شي شهادة من عند المقدم").
    "local_certificate": Topic(
        "moqadem | mqaddem | mqadem | lmqaddem | lmoqadem | mo9adem | lmo9adem | m9adem | lm9adem | مقدم | المقدم |"
        " لمقدم | القايد | القائد | قايد | l9ayd | lqayd | caid | le caid | caidat | lmo9ata3a | mo9ata3a | moqata3a |"
        " lmoqata3a | المقاطعه | مقاطعه | arrondissement | l' arrondissement | annexe administrative |"
        " الملحقه الاداريه",
        "من عند | mn 3nd | men 3end | mn 3end | signee par | signe par | du | de | de la | par | le | la | l' | من |"
        " عند | و | ou | wla | ولا | والقايد | pour | ma mere | mon pere | baba | mama | الواليد | الواليده |"
        " الاداريه | اداريه | administrative | idariya | تسلمها | كيعطيها | كتعطيها | يعطيها | ka3tiha | kay3tiha |"
        " tay3tiha | ytiha | delivre | delivree | donne",
        ("residence-certificate", "life-certificate", "administrative-birth-certificate"),
        "attestation | certificat | chahada | chhada | wra9a | war9a | papier | شهاده | ورقه | وثيقه | الشهاده |"
        " للشهاده | بالشهاده | الورقه | الوثيقه",
        anywhere=True,
    ),
    "record": Topic(
        "sawabi9 | swabi9 | sawabiq | lsawabi9 | السوابق | سوابق | antecedents | جرائم | جريمه | crimes | crime",
        "dyal | dial | ديال | de | mes | ma3ndich | ما عنديش | ماعنديش | bli | belli | بلي | ماعندي | ma3ndkch |"
        " ma3ndekch | ماعندكش | ما عندكش | dik | ديك | للخدمه | الخدمه | فالخدمه | lkhdma | l lkhdma |"
        " pour le travail |"
        " pour un travail | pour travailler | لم ارتكب | ارتكب | ما درت | انني | اني | jamais commis | commis |"
        " prouver que | prouve que | aucun | aucune",
        ("criminal-record", "good-conduct-certificate"),
        anywhere=True,
    ),
}
# Words that name no procedure: wanting, needing, doing, asking, a document in general, "please".
NAMES_NOTHING = """bghit | baghi | bghina | nebghi | بغيت | باغي | نبغي | بغينا | veux | voudrais | veut | souhaite |
    aimerais | اريد | اود | نريد | احتاج | نحتاج | khassni | khasni | خاصني | besoin | ndir | ndiro | ندير | faire |
    fais | نعمل | question | questions | info | infos | information | informations | renseignement |
    renseignements | سؤال | معلومات | معلومه | 3andi | 3ndi | عندي | procedure | procedures | demarche |
    demarches | اجراءات | الاجراءات | مسطره | المسطره | كيفاش | comment | quoi | papier | papiers | lpapier |
    lpapiers | wra9 | lwra9 | wra9a | lwar9a | war9a | lwra9a | وراق | الوراق | ورقه | الورقه | document |
    documents | وثيقه | الوثيقه | وثائق | شهاده | الشهاده | attestation | certificat | chahada | chhada | svp |
    attestations | certificats |
    stp | 3afak | عافاك | من فضلك | فضلك | الاستفسار | استفسار | استفسر | اود | ارغب | معرفه | اعرف | نعرف |
    n3ref | bghit n3ref | عن | حول | svp merci | merci | شكرا | chokran | nmchi | nmcha | nemchi | نمشي |
    nsowl | nsewwel | nsewel | nsawel | nsowlek | nsewlek | نسول | نسولك | نسال | اسال | ghadi | غادي |
    كتبين | تبين | تثبت | كتثبت | katbyen | katbayen | tbayen | tbyen |
    kifach | kifash | kifch | wra9t | war9t | wr9t | lwra9t |
    propos | concernant | بخصوص | 3la | على | probleme | mochkil | مشكل | مشكله | ma3reftch | معرفتش |
    fait | on fait | المتعلقه | المتعلق | متعلقه | المتعلقين |
    كيف | احصل | نحصل | عليها | عليه | نخرجها | نخرجو | nkhrejha | nkhrjha | nkhrejo | obtenir | l' obtenir |
    ntl3ha | ntle3ha | ntal3ha | نطلعها | njbdha | njebdha | نجبدها | l' avoir | avoir |
    chno hiya | شنو هي | c' est quoi | khass | خاص | khassek | خاصك | tlbat mni | tlbo mni | طلبو مني |
    طلبات مني | me demande | on me demande | on lui demande | demande | demandent | banque | la banque | lbanka |
    lbanque | البنك |
    ki dayr | kidayr | كي داير | كيداير | نجيبها | njibha | نطلبها | ntlbha | ntelbha | demander | la demander |
    kaddar | katddar | كتدار | كادار | كيتدار | اللازمه | لازمه | اللازم | necessaire | necessaires | bghithom |
    bghitha | بغيتها | بغيتهم | khasshom | khassha | khasso | خاصهم | خاصها | للشهاده | بالشهاده | لشهاده"""


# A document not named by its own name (also ``bot.answer.clarify``): a certificate, a paper, after an
# indefinite article or "some" ("une attestation", "chi wra9a", "شي شهادة").
DARIJA_CERTIFICATE = "chahada|chhada|shahada|chahade"
CERTIFICATE = f"attestation|certificat|{DARIJA_CERTIFICATE}"
PAPER = "wra9a|war9a|wer9a|wr9a|wraqa|wara9a"  # "a paper" in Latin Darija ("wra9", papers, also asks the documents)
ARABIC_DOCUMENT = "ورقه|وثيقه|شهاده"


def _indefinite_document(plural: str) -> str:
    return (
        rf"(?:un|une|des|d' un|d' une|chi|شي)\s+"
        rf"(?:papiers?|document{plural}|(?:{CERTIFICATE}){plural}|{PAPER}|wra9|wr9|{ARABIC_DOCUMENT}|وراق)"
    )


INDEFINITE_DOCUMENT = _indefinite_document("")
# ... in the plural too for a topic's certificate with a fact asked ("des attestations fiscales, c'est combien ?"),
# or bare in Darija and Arabic, which have no indefinite article ("chahada", "شهادة", "لشهادة").
_INDEFINITE_DOCUMENT = re.compile(
    rf"(?<![\w'])(?:{_indefinite_document('s?')}|{DARIJA_CERTIFICATE}|{PAPER}|wra9|[بل]?(?:{ARABIC_DOCUMENT}|وراق|اوراق))"
    r"(?![\w'])"
)
_LATIN_ARTICLE = re.compile(r"(?<![\w'])l(?=[a-z]{3})")


@cache
def _patterns() -> dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]]:
    return {n: (word_pattern(t.names), word_pattern(t.also) if t.also else None) for n, t in TOPICS.items()}


@cache
def _needs() -> dict[str, re.Pattern[str]]:
    return {n: word_pattern(t.needs) for n, t in TOPICS.items() if t.needs}


@cache
def _unless() -> dict[str, re.Pattern[str]]:
    return {n: word_pattern(t.unless) for n, t in TOPICS.items() if t.unless}


def _needed(name: str, text: str) -> bool:
    """The topic's further word is said, when it has one."""
    return name not in _needs() or _needs()[name].search(text) is not None


@cache
def _nothing() -> re.Pattern[str]:
    return word_pattern(NAMES_NOTHING)


def topic_only(message: str, top: str) -> tuple[str, ...]:
    """The procedures of the topic the message names and says nothing more about, when the best hit
    (``top``) is one of them; empty otherwise."""
    # A certificate of the topic's kind, indefinite, with a fact asked ("une attestation fiscale, chno khass?",
    # "شي شهادة من عند المقدم، شنو الورق؟"): which certificate's fact? The one named ("l'attestation fiscale,
    # combien ?", "عقد الازدياد، بشحال؟") is search's.
    social = without_social(message)
    said, asked = normalize(social), without_aspects(social)
    if _INDEFINITE_DOCUMENT.search(said):
        said = asked
    # Latin Darija glues the article on ("lcnss", "ldariba"): the topic's noun is read without it too.
    for text in dict.fromkeys((said, _LATIN_ARTICLE.sub("", said))):
        if found := _topic_of(text, top):
            return found
    # A fact asked of a topic whose nouns name nothing else ("sawabi9 fin ntl3ha", "l'attestation du moqadem,
    # combien ?"): whose fact? Its nouns name no procedure, definite or not.
    for text in dict.fromkeys((asked, _LATIN_ARTICLE.sub("", asked))):
        if found := _topic_of(text, top, anywhere=True):
            return found
    return ()


def topic_asked(message: str, top: str) -> tuple[str, ...]:
    """The procedures of the topic a fact is asked of, the topic named with nothing more ("chahadat lwilada
    ch7al?", "aide de l'etat, quels papiers ?", "ما هي مدة صلاحية الشهادة الجبائية؟"), when the best hit
    (``top``) is one of them; empty otherwise."""
    asked = without_aspects(without_social(message))
    for text in dict.fromkeys((asked, _LATIN_ARTICLE.sub("", asked))):
        if found := _topic_of(text, top):
            return found
    return ()


def topic_said(message: str, top: str) -> tuple[str, ...]:
    """The procedures of a topic whose noun the message says (whatever else it says), when the best hit
    (``top``) is one of them; empty otherwise."""
    said = normalize(message)
    for text in dict.fromkeys((said, _LATIN_ARTICLE.sub("", said))):
        for name, topic in TOPICS.items():
            # A topic that needs a further word (a certificate from the moqadem) is said whatever search found.
            found = _patterns()[name][0].search(text) and _needed(name, text)
            if found and (top in topic.procedures or topic.anywhere):
                return topic.procedures
    return ()


def _topic_of(text: str, top: str, anywhere: bool = False) -> tuple[str, ...]:
    """The topic ``text`` names with nothing more (only among those whose nouns name nothing else if
    ``anywhere``)."""
    for name, topic in TOPICS.items():
        names, also = _patterns()[name]
        if anywhere and not topic.anywhere:
            continue
        if (top not in topic.procedures and not topic.anywhere) or not names.search(text) or not _needed(name, text):
            continue
        if name in _unless() and _unless()[name].search(text):
            continue
        rest = names.sub(" ", text)
        rest = also.sub(" ", rest) if also else rest
        rest = _nothing().sub(" ", rest)
        if not [t for t in tokenize(rest) if t not in STOP_WORDS]:
            return topic.procedures
    return ()


def content_words(message: str) -> int:
    """Content words of a message besides those asking a fact or naming nothing."""
    return len([t for t in tokenize(_nothing().sub(" ", without_cues(message))) if t not in STOP_WORDS])


# Hesitations, musts and bringing, which ask about the family's procedure rather than another topic.
_ASKING = re.compile(
    r"(?<![\w'])(?:euh|heu|bref|faut|dois|doit|devons|amener|apporter|ramener|preparer|presenter|yjib|njib|nwjjed|"
    r"khass|khasso|يجب|يلزم|خاص|خاصو|نجيب|نوجد|احضار|احضر)(?![\w'])"
    # ... fillers and a trip, what a passport or a card is for ("voilà, on part en été, je sais pas trop"; "été",
    # summer or been, is a stop word).
    r"|(?<![\w'])(?:voila|alors|trop|on part|partir|pars|voyage|voyager|vacances|safar|nsafer|nsafro|"
    r"سفر|السفر|نسافر|العطله)(?![\w'])"
    # ... and when the trip is: a month, its number, next week or month ("on voyage en août", "f chhar 7",
    # "le mois prochain", "الشهر الجاي").
    r"|(?<![\w'])(?:(?:le|la|l'|au)\s+)?(?:mois|semaine|annee)\s+(?:prochain|prochaine)(?![\w'])"
    r"|(?<![\w'])(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|"
    r"ghocht|ghosht|ghucht|yolyouz|yulyuz|yolyoz|yonyo|chtanbir|ctanbir|"
    r"يناير|فبراير|مارس|ابريل|ماي|يونيو|يوليوز|يوليو|غشت|اغسطس|شتنبر|سبتمبر|اكتوبر|نونبر|نوفمبر|دجنبر|ديسمبر)(?![\w'])"
    r"|(?<![\w'])(?:f\s+|fi\s+|ف\s*|في\s+)?(?:chhar|chher|شهر)\s+(?:\d+|jay|jayy|ljay|لجاي|الجاي|المقبل|القادم)(?![\w'])"
    r"|(?<![\w'])(?:الشهر|السيمانه|الاسبوع|العام)\s+(?:الجاي|المقبل|القادم)(?![\w'])"
)


def without_asking(message: str) -> str:
    """The normalised message without its hesitations, musts and trips: what a family's document is for,
    not another topic ("le passeport, combien de temps ? j'ai un voyage en août")."""
    return _ASKING.sub(" ", normalize(message))


def beside_the_family(message: str, kb: KnowledgeBase, procedure: str) -> int:
    """Content words of a message besides its procedure family's names and nouns, its variant words, the
    aspect it asks, greetings, places and words that name nothing ("la carte fidélité dyal yves rocher": four;
    "bonjour, c'est pour le passeport, qu'est-ce qu'il faut amener à la préfecture ?": none)."""
    proc = kb.procedures[procedure]
    own = {w for pid in kb.family(procedure).values() for n in names_of(kb.procedures[pid]) for w in analyze(n)}
    nouns = kb.family_nouns.get(proc.family, frozenset()) if proc.family else frozenset()
    text = _ASKING.sub(" ", PLACE.sub(" ", without_variants(without_social(message))))
    # Each word as said and stemmed: the lexicon knows "lbatakha" (the card), not its stem "lbatakh".
    said = [(w, t) for w in tokenize(_nothing().sub(" ", without_cues(text))) for t in analyze(w)]
    ours = [t for w, t in said if {t, t[1:]} & own or not nouns.isdisjoint(concept_ids(f"{w} {t}")) or variant_cues(t)]
    return len(said) - len(ours)
