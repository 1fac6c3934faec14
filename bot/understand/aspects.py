"""What a message asks about a procedure: its fee, delay, documents, place, online service, who is
eligible, how long the result stays valid, whether someone else may do it on one's behalf, its steps.
Word lists cover French, MSA, Darija in both scripts; matched on normalised text (``normalize``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from bot.understand.aspect_stems import stem_spans
from bot.understand.normalize import normalize

Aspect = Literal["documents", "steps", "fees", "delay", "where", "online", "eligibility", "validity", "proxy"]
# The parts of a procedure card, in the order it shows them.
CARD_ASPECTS: tuple[Aspect, ...] = ("documents", "steps", "fees", "delay", "where", "online")
MAX_ASPECTS = 2  # a question asking more gets the general answer's first ones; the card has the rest
_CONCRETE: tuple[Aspect, ...] = ("documents", "fees", "delay")

_WORDS: dict[Aspect, str] = {
    "fees": """combien | cout | coute | couter | coutent | prix | tarif | tarifs | frais | timbre | payer | paye |
        payant | payante | gratuit | gratuite | droits | ch7al | chhal | sh7al | chehal | taman | tamane | flous |
        ttaman | lprix | rssoum | rsoum | rssom | الثمن |
        khlas | nkhelles | nkhlles | katkhlles | kaytkhlles | kaykhlles | fabor | كم | تكلفه | تكلف | ثمن | سعر |
        رسوم | الرسوم | مجاني | مجانا | الواجب | نخلص | كنخلص | كيخلص | الخلاص | شحال | فلوس | التنبر | تنبر |
        الطابع | كيسوا | بشحال | مبلغ | بالفلوس | مجانيه | ثمنها | ثمنه | يؤدى | الاداء | cher | chere | ghali |
        ghalia | ghalya | ghalin | غالي | غاليه | غالين | قداش | 9addach | 9adach | qaddach | 9ddach | bflous |
        belflous | bilflous | تكاليف | التكاليف | كلفه | الكلفه""",
    "delay": """delai | delais | اجال | مده الانجاز | temps | duree | jours | quand | attendre | combien de temps |
        rapide | kat3tal |
        kay3tal | kaytkhrej | ch7al mn nhar | wa9t | lwe9t | lwa9t | imta | emta | المده | مده | الاجل | الآجال |
        اجل | متى | كم يوم | تستغرق | يستغرق | الوقت | امتى | إمتى | فوقاش | كتعطل | كاتعطل | شحال ديال الوقت |
        كيخرجو | النتائج | كتبطا | كيبطا | katbta | kaybta | kattbta | katakhod | kayakhod | كتاخد | كياخد |
        كيتعطل | كيتسناو | نتسنى | mn nhar | من نهار | liyam | ليام | de jours | يوما | ايام | semaine | سيمانه |
        semaines | combien de jours | ca prend | prend combien | fo9ach | foqach | fou9ach | fwe9ach | إمتا | امتا |
        tsenna | tsnna | ntsenna | ntsnna | kantsenna | ghantsenna | ntsennaw | تسنى | تسنا | كنتسنى | غنتسنى |
        نتسناو | يتسناو | katTowwel | kattowel | kattwel | kaytowel | kaytwel | ktowel | كتطول | كيطول | تطول |
        m3ttel | m3tel | m3tla | معطل | معطله | dghya | deghya | bzzrba | bzerba | دغيا | بالزربه | wajda | wajed |
        wajdin | واجده | واجد | واجدين | katakhed | kat5od | kaya5od | we9t | w9t | lw9t | وقت | ca dure |
        dure combien | combien dure | durer | lmodda | lmouda | lmoda | الاجال | le jour meme | le meme jour |
        tout de suite | immediatement | sur le champ | c' est long | sera pret | sera prete | serait pret |
        serait prete | en combien | sous combien | dans combien | fi nfs nhar | f nfs nhar | nfs nhar | f nhar wa7ed |
        fl7in | f l7in | فالحين | ف الحين | فنفس النهار | نفس النهار | نفس اليوم | فورا | في الحين | جاهز | جاهزه |
        wajja | wajjda | وقتاش | فوقتاش | wqtach | w9tach | wa9tach | waqtach | fw9tach | fwqtach | fo9ash |
        foqash | fou9ash | f9ach | imata | imeta | attente | tarde | urgent | urgente | urgence | en urgence |
        mosta3jel | mosta3jla | mst3jel | mst3jla | مستعجل | مستعجله | بسرعه | سريع | سريعه |
        المده اللازمه | الوقت اللازم | المده المطلوبه | الوقت المطلوب | le temps necessaire | la duree necessaire |
        le delai necessaire""",
    "documents": """documents | document | docs | papiers | pieces | dossier | fournir | apporter | ramener | wra9 |
        lwra9 | الورق |
        lwraq | lwara9 | wera9 | papier | les documents | njib | nejib | الوثائق | وثائق | المستندات | الملف |
        الاوراق | الأوراق | الوراق | لوراق | نجيب | الوثائق المطلوبه | faut quoi | il faut quoi | مكونات | وراق |
        chno kaytalbo | chno khassni | ach khassni | شنو خاصني | شنو كيطلبو | justificatif | justificatifs |
        pieces justificatives | a fournir | a joindre | papiers necessaires | kwaghet | lkwaghet | kwaghed | kaghet |
        lkaghet | lkaghed | كواغط | الكواغط | لكواغط | كاغط | الكاغط | ldossier | ddossier | dosi | ddosi | ldosi |
        lwatha2i9 | watha2i9 | lwata2i9 | lmostanadat | mostanadat | الدوسي | دوسي | لائحه الوثائق | المرفقات |
        ما يلزم | ما المطلوب | ما هو المطلوب | lpieces | lpiece |
        شنو نحضر | اش نحضر | اشنو نحضر | chno n7ader | ach n7ader | chno n7adder |
        lmilaf | milaf | lmelaf | lmlaf | lwatha2iq | watha2iq | lwata2iq | wata2iq | lwataiq | lwata2e9 |
        فالملف | فملف | ملف الطلب | pieces demandees | pieces requises | documents requis | papiers requis |
        lw9ayd | w9ayd | lwtaye9 | lwataye9 | lwathaye9 | الوثائق اللازمه | الاوراق اللازمه | الوثائق الضروريه |
        documents necessaires | pieces necessaires""",
    "where": """adresse | bureau | guichet | ou deposer | ou aller | ou payer | c' est ou | fin |
        fine | fayn | اين | أين | مكان | اي مصلحه | الجهه المختصه | فين | وفين""",
    "online": """en ligne | internet | site | online | application | portail | a distance | sans me deplacer |
        عبر الانترنت | الانترنت | انترنت | اونلاين | موقع | تطبيق | منصه رقميه | خدمه الكترونيه | فالسيت | السيت |
        الأنترنيت | الانترنيت | فالانترنت | فالانترنيت | بالانترنت | فالأنترنيت | f internet | f l' internet""",
    "eligibility": """ai droit | a droit | ont droit | avoir droit | aurai droit | qui a droit | eligible |
        ai le droit | a le droit | ont le droit | avoir le droit | qui est concerne | qui sont concernes |
        qui peut la demander | qui peut le demander | qui peut demander | qui peut faire la demande |
        eligibles | eligibilite | conditions | condition | qui peut beneficier | beneficier | beneficiaires |
        quel age | age minimum | يحق | من يحق | شروط | الشروط | المستفيدين | المستفيدون | الاستفاده | يستفيد |
        مؤهل | chkoun y9der | chkon y9der | chrout | chorout | nstafed | nst3fed | yst3fed | nstafd | 3ndi l7a9 |
        3ndi l7e9 | 3andi l7a9 | 3ndo l7a9 | 3ndha l7a9 | شكون يقدر | عندي الحق | عندو الحق | عندها الحق |
        مازال عندي الحق | نستافد | نستفد | يستافد | 3ndi le droit | 3ndo le droit | 3ndha le droit |
        3ndhom le droit | 3andi le droit""",
    "validity": """valable | valables | validite | duree de validite | combien de temps valable | صالح | صالحه |
        صلاحيه | مده الصلاحيه | sal7a | salha | sal7 | katb9a | kayb9a | tb9a | كتبقى | كيبقى | تبقى""",
    "proxy": """procuration | a ma place | a sa place | pour moi | mandataire | quelqu' un d' autre | un tiers |
        tierce personne | representant | pour le compte | au nom de | moi aussi | seul | seule | توكيل | وكاله |
        بالوكاله | نيابه | ينوب | بدلا من | بدلا مني | مكاني | شخص اخر | لشخص اخر | بوحدو | بوحدها | نحضر |
        بلاصتي | بلاصتو | بلاصتها | شي واحد اخر | شي حد | blasti | fblasti | blastek | chi wa7ed | chi 7ed |
        ay wa7ed | wkala | lwkala | ydir lia | tjib lia | yjib lia | ydirha lia | يدير ليا | يجيب ليا | يحط ليا |
        تجيب ليا | bla lwalida | bla lwalid""",
    "steps": """etapes | etape | demarche a suivre | procedure a suivre | c' est quoi la demarche | marche a suivre |
        comment proceder | الخطوات | خطوه بخطوه | الاجراءات المتبعه | المسطره المتبعه | lkhatawat | khatawat |
        chno les etapes | kifach | كيفاش | je fais comment | comment faire | comment on fait |
        par ou commencer | par ou je commence | par ou on commence | par ou debuter | par quoi commencer |
        mnin nbda | mnin nebda | mnin nbdaw | mn fin nbda | منين نبدا | من فين نبدا | من اين ابدا""",
}
# Words that also mean something else ("ou" is "or", "ndir" is "I do"): a "where" question only when
# nothing else is asked.
_WEAK_WHERE = "ou | aller | deposer | depose | nmchi | nemchi | ntsejjel | mnin | منين | نمشي | نودع"


# Arabic script glues "and", "so" and "with" to the next word (وبشحال, فشحال, بفلوس, ومتى); "with" not
# before a long a ("باين" is "it seems", not "with where").
ARABIC_LEAD = r"(?:(?:[وف]?ب(?!ا)|[وف])(?=[\u0621-\u064a]))?"
# ... and Darija in Latin letters glues them too ("bch7al", "wb9addach", "wflous").
_MONEY_TIME_LEAD = r"(?:(?:[وف]?ب(?!ا)|[وف])(?=[\u0621-\u064a])|w?b(?=[a-z0-9])|w(?=[a-z0-9]))?"


def word_pattern(words: str, lead: str = "") -> re.Pattern[str]:
    """Any of the "|"-separated words or phrases, normalised, as whole words (longest first), after an
    optional ``lead`` (``ARABIC_LEAD``: the particles glued to an Arabic-script word)."""
    forms = sorted({normalize(w.strip()) for w in words.split("|") if w.strip()}, key=len, reverse=True)
    return re.compile(r"(?<![\w'])" + lead + "(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w'])")


@cache
def _patterns() -> dict[Aspect, re.Pattern[str]]:
    # Particles only before money and time words: "فصالح" is "in favour of", not "valid".
    return {a: word_pattern(words, _LEADS.get(a, "")) for a, words in _WORDS.items()}


# ... and "and" before the documents ("ما هي الشروط والوثائق؟").
_LEADS = {"fees": _MONEY_TIME_LEAD, "delay": _MONEY_TIME_LEAD, "documents": r"(?:و(?=[\u0621-\u064a]))?"}


# "How much" is a fee only when no duration is asked with it; these say money whatever else is asked.
_FEE_ONLY = """cout | coute | couter | coutent | prix | tarif | tarifs | frais | timbre | payer | paye | payant |
    payante | gratuit | gratuite | droits | taman | tamane | ttaman | lprix | rssoum | rsoum | rssom | الثمن |
    flous | khlas | nkhelles | nkhlles | katkhlles |
    kaytkhlles | kaykhlles | fabor | تكلفه | تكلف | ثمن | سعر | رسوم | الرسوم | مجاني | مجانا | مجانيه | الواجب |
    نخلص | كنخلص | كيخلص | الخلاص | فلوس | التنبر | تنبر | الطابع | كيسوا | بشحال | مبلغ | بالفلوس | ثمنها | ثمنه |
    cher | chere | ghali | ghalia | ghalya | ghalin | غالي | غاليه | غالين | bflous | belflous | bilflous | تكاليف |
    التكاليف | كلفه | الكلفه"""


# "How much" followed by a unit of time is a duration ("ch7al d nhar", "شحال من سيمانه", "combien de
# semaines"); time units alone are not (a child's age: "6 mois", "عندو شهرين").
_HOW_MUCH = """combien | ch7al | chhal | sh7al | chehal | x7al | كم | شحال | بشحال | قداش | 9addach | 9adach | qaddach |
    9ddach"""
_OF = r"(?:\s+(?:de|d|dyal|dial|mn|men|ديال|د|من|f|ف|في))?"
# "How much does it take" (singular: "شحال كياخدو", how much do they take, asks a price).
# ... and Darija's "it takes" from "dda" (kadi, katdi, kaydi, ghatdi; not "kaydiw", they take: a price;
# not "ghadi", will).
_TAKES = (
    r"(?:[يت]ا?خ[دذ]|[yt]a?(?:kh|5)(?:ou|o|e)?d|(?:(?:ka|ta)[yt]?|gha[yt]|[yt])dd?i|(?:كا|كي|كت|غي|غت|[يت])دد?ي)"
    r"(?![\w'])"
)
_TIME_UNITS = """nhar | nhari | iyam | ayam | liyam | l2iyam | 2iyam | layam | l'iyam | lwe9t | lwa9t | lwaqt |
    jour | jours | simana | simanat | semaine | semaines | chhar |
    ch8ar | chher | chhor | shhar | mois | 3am | sa3a | sa3at | heures | we9t | wa9t | w9t | temps | نهار | يوم |
    ايام | ليام | سيمانه | سيمانات | اسبوع | اسابيع | شهر | شهور | اشهر | عام | سنه | ساعه | ساعات | وقت | الوقت"""


@cache
def _how_long() -> re.Pattern[str]:
    unit = word_pattern(_TIME_UNITS).pattern
    how_much = word_pattern(_HOW_MUCH, ARABIC_LEAD).pattern
    # ... or "how much until" ("شحال حتى يبدا يخلصوني", "ch7al 7ta ywsl").
    until = r"(?:حتي|حتا|hta|7ta|7tta|7atta)(?![\w'])"  # ى is written ي once normalised
    # "Will" ("ghadi", "غادي") is transparent: the verb or the unit after it says what is asked
    # ("ch7al ghadi ydi" how long, "ch7al ghadi ykhlsni" how much).
    will = r"(?:\s+(?:ghadi|ghad|غادي|غاد))?"
    # "How long will it stay" ("ch7al ghadi yb9a", "شحال غيبقى") is the wait; its present is a validity
    # ("ch7al katb9a sal7a"), and so is the future with a word of validity ("ghadi tb9a valable").
    will_stay = r"(?:(?:ghadi|ghad|غادي|غاد)\s+(?:[yt]b[9q]a|[يت]بقي)|gha[yt]b[9q]a|غ[يت]بقي)(?:w|و)?(?![\w'])"
    return re.compile(f"{how_much}{will}(?:{_OF}\\s+{unit}|\\s+{_TAKES}|\\s+{until})|{how_much}\\s+{will_stay}")


# "How much ... age" asks an age, a condition of the procedure ("ch7al 3ndo d l3mr", "ch7al khassu ykon f
# 3mro", "شحال فعمرو", "كم عمره"), not a fee: the age noun (not "3mri ma", "never"), or a year after "he has".
_AGE_NOUN = r"(?:l|f|fl|d)?3(?:o|e)?mr(?:o|ou|ha|ek|k|hom)?|[فو]?(?:ال)?عمر(?:ه|و|ها|ك|هم)?|age"
_HAS = r"3ndo|3endo|3ando|3ndha|3endha|3ndek|3ndhom|عندو|عنده|عندها|عندك|عندهم"
_YEARS = r"3am|snin|sna|ans|عام|سنه|سنين|سنوات"


@cache
def _how_old() -> re.Pattern[str]:
    how_much = word_pattern(_HOW_MUCH, ARABIC_LEAD).pattern
    return re.compile(
        rf"{how_much}(?:\s+\S+){{0,3}}?\s+(?:(?:f|fi|d|de|mn|ف|في|من)\s+)?(?:{_AGE_NOUN})(?![\w'])"
        rf"|{how_much}\s+(?:{_HAS})(?:\s+(?:d|de|mn|men|من))?\s+(?:{_YEARS})(?![\w'])"
        r"|(?<![\w'])combien\s+d'\s*ans(?![\w'])"
    )


@cache
def _how_much() -> re.Pattern[str]:
    return word_pattern(_HOW_MUCH, ARABIC_LEAD)


@cache
def _fee_words() -> re.Pattern[str]:
    return word_pattern(_FEE_ONLY, ARABIC_LEAD)


# A day named beside "it comes out" asks when ("kaykhrj f nhar wla ghedda?", "يخرج اليوم؟").
_DAYS = "nhar | ghedda | ghda | ghdda | demain | aujourd' hui | lyoum | lyouma | نهار | غدا | غدوه | اليوم"


@cache
def _days() -> re.Pattern[str]:
    return word_pattern(_DAYS)


@cache
def _weak_where() -> re.Pattern[str]:
    return word_pattern(_WEAK_WHERE)


def _spans(text: str) -> list[tuple[int, int, Aspect]]:
    return [(m.start(), m.end(), a) for a, p in _patterns().items() for m in p.finditer(text)]


def _two_questions(text: str, kept: list[tuple[int, int, Aspect]]) -> bool:
    """Two "how much", one of them the duration's and one not ("ch7al w ch7al mn nhar", "combien et en
    combien de temps"): the other asks the price."""
    delays = [(s, e) for s, e, a in kept if a == "delay"]
    starts = {s for s, _ in delays}

    def of_delay(m: re.Match[str]) -> bool:
        after = len(text) - len(text[m.end() :].lstrip())  # the next word: "ch7al katakhod"
        return any(s <= m.start() and m.end() <= e for s, e in delays) or after in starts

    asked = [of_delay(m) for m in _how_much().finditer(text)]
    return any(asked) and not all(asked)


# "What do I need, bring, do they ask" asks the documents when nothing else is asked ("ach khassni
# bach njdded lakart", "de quoi ai-je besoin", "ماذا يجب أن أحضر", "شنو نوجد"): the need a few words after
# "what" ("quoi" may come after it: "j'ai besoin de quoi"); "what must I do" does not. A bare "ما" is
# Darija's "not" as often as MSA's "what".
_WHAT = """quoi | que | qu' | qu | quels | quelles | ماذا | ما الذي | ما هي | اش | شنو | اشنو | اشمن | شمن | chno |
    chnou | chnu | achno | achnou | ach | ash | shno | chmen | achmen | chmn | what | ش"""
_NEED = """besoin | apporter | ramener | emmener | emporter | preparer | presenter | joindre | fournir | demandent |
    كيخص | كيخصني | kaykhess | kaykhass | ykhess |
    exige | exigent | احضر | احضار | احضاره | اقدم | تقديمه | تقديمها | ارفاق | ارفاقها | ارفق | الادلاء | يلزم |
    يلزمني | احتاجه | احتاج | خاصني | خاص | خاصك | خاصنا | كيطلبو | كيطلبوا | يطلبو | كيطالبو | نوجد | نوجدو |
    نجيب | نجيبو | نحضر | نحضرو | khassni | khasni | khass | khassek | khassna | kaytalbo | kaytlbo | kaytelbo |
    kaytalbou | kaytlbou | ytalbo | njib | njibo | nwjjed | nwejjed | nwjed | nwajjed | nwajed | nwajjdo | nwjjdo |
    n7ader | n7adder | nhadder | prendre | amener | المطلوب |
    مطلوب | ndi | nddi | nedi | nhzz | nhez | nhezz | نهز | ندي | نديو | نهزو | ask for | need | bring |
    m3aya | m3ya | معايا | avec moi | معي | كيتطلب | يتطلب | تتطلب | كتطلب | يتطلبه | kayttalab | kaytetlab |
    kaytetleb | ytetleb | ارفاقه | نرفق | يرفق | نرفقو | on demande | ils demandent"""
# "Is anything missing, is this enough?" of what one has asks the documents too.
_ENOUGH = """il me manque | manque-t-il | manque quelque chose | suffisant | suffisants | suffit | ينقصني | ينقص |
    يكفي | كافي | كافيين | كافيه | na9sni | naqsni | n9sni | kafi | kafyin | kafia | kafyen"""
_DO = """faire | fais | fait | ndir | ndiro | ndirou | dir | ندير | نديرو | نعمل | اعمل | افعل | نفعل | ادير | savoir |
    connaitre | comprendre | نعرف | نعرفو | اعرف"""
# ... but a doing that is the purpose is not what is asked ("ش خاصني باش ندير الباسبور؟", "de quoi ai-je besoin
# pour faire la carte ?").
_FOR_DOING = re.compile(
    r"(?<![\w'])(?:pour|bach|bech|باش|لكي|حتى)\s+(?:faire|ndir|ndiro|ندير|نديرو|نعمل|اعمل|ادير)(?![\w'])"
)


@cache
def _what_to_bring_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    what, need = word_pattern(_WHAT).pattern, word_pattern(_NEED).pattern
    quoi = word_pattern("quoi").pattern
    return re.compile(rf"{what}(?:\s+\S+){{0,3}}\s+{need}|{need}(?:\s+\S+){{0,2}}\s+{quoi}"), word_pattern(_DO)


# A paper to take along ("khassni chi wr9a m3aya wla ghir la CIN?", "des papiers avec moi"): the documents.
_ALONG = re.compile(
    r"(?<![\w])(?:wr9a|wra9a|war9a|wr9|wra9|lwra9|papier|papiers|document|documents|ورقه|وراق|الوراق|وثائق|وثيقه|"
    r"haja|7aja|حاجه|quelque chose)"
    r"\s+(?:m3aya|m3ya|m3ak|معايا|معاك|معي|avec moi|avec vous)(?![\w])"
    # ... or a paper needed or asked for ("wach kaytalbo chi wra9a", "khassni chi wr9a", "faut-il un papier").
    r"|(?<![\w])(?:khassni|khasni|khass|kaytalbo|kaytlbo|kaytelbo|خاصني|خاص|كيطلبو|faut|faut-il|demandent)"
    r"\s+(?:chi|شي|un|une|des|d')\s*(?:wr9a|wra9a|war9a|wr9|wra9|papier|papiers|document|documents|ورقه|وراق|وثيقه)"
    r"(?![\w])"
)


def _what_to_bring(text: str) -> bool:
    asks, do = _what_to_bring_patterns()
    if _ALONG.search(text):
        return True
    text = _FOR_DOING.sub(" ", text)
    return (asks.search(text) is not None and do.search(text) is None) or _enough().search(text) is not None


@cache
def _enough() -> re.Pattern[str]:
    return word_pattern(_ENOUGH)


# "Welcome to you" (مرحبا بكم) is no "for how much" (بكم).
_WELCOME = re.compile(r"(?<!\w)(?:مرحبا|اهلا|مرحبه)\s+(?:بكم|بيكم)(?!\w)")
# A payment finished or a file handed in is told, not asked ("وكملت الخلاص", "j'ai déjà payé le timbre",
# "من بعد ما ندفع الملف", "j'ai déposé le dossier"): what follows asks something else ("… imta ykhrej?").
_DONE = re.compile(
    r"(?<![\w'])(?:j' ai|j' avais|on a|deja|apres avoir|une fois|bien)\s+(?:(?:deja|bien|tout)\s+)?"
    r"(?:paye|payee|payes|payees|regle|reglee)(?:\s+(?:le|la|les)\s+(?:timbre|frais|droits|taxe))?(?![\w'])"
    r"|(?<![\w'])(?:fini|termine|acheve)\s+de\s+(?:payer|regler|rembourser)(?![\w'])"
    r"|(?<![\w'])w?(?:k[ae]?m+[ae]?l+[ae]?t|sal+[ae]?[iy]t)\s+(?:l|el|n)?(?:khlas|khlass|flous|rsoum|rssoum|khelles|khlles)(?![\w'])"
    r"|(?<!\w)[وف]?(?:كملت|سليت)\s+(?:ال)?(?:خلاص|رسوم|فلوس|واجب|تنبر|طابع)(?!\w)"
    r"|(?<![\w'])(?:j' ai|on a|deja|apres avoir|une fois)\s+(?:deja\s+)?(?:depose|deposee|remis|donne|fait)\s+"
    r"(?:le|mon|ma|les|mes)\s+(?:dossier|demande|papiers|documents)(?![\w'])|(?<![\w'])(?:apres le|le) depot(?![\w'])"
    r"|(?<![\w'])(?:drt|dert|7ett|7tit|hett|dfe3t|dfa3t|ndfe3|nde7|n7ett|n7ot|qeddemt|9eddemt)\s+(?:l|d|el)?"
    r"(?:dossier|dosi|milaf|lmilaf|wra9|lwra9)(?![\w'])"
    r"|(?<!\w)[وف]?(?:درت|دفعت|ندفع|حطيت|نحط|قدمت|نقدم|اودعت|نودع|وضعت|اضع)\s+(?:ال)?(?:ملف|دوسي|وراق|اوراق|طلب)(?!\w)"
    r"|(?<!\w)(?:ال)?ملف(?:\s+\S+){0,3}?\s+(?:وضعتو|وضعته|دفعتو|دفعته|حطيتو|حطيته|درتو|قدمتو|قدمته)(?!\w)"
    r"|(?<![\w'])(?:l|d)?(?:dossier|milaf)(?:\s+\S+){0,3}?\s+(?:7ttito|7tito|dfe3to|dfa3to|drto|derto|qeddemto)(?![\w'])"
)
# A file that is the purpose ("un certificat de résidence pour mon dossier, c'est combien ?") asks nothing
# when something else is asked; said alone it asks the documents ("qu'est-ce qu'il faut pour mon dossier de
# bourse ?").
_PURPOSE = re.compile(
    r"(?<![\w'])pour\s+(?:un|une|mon|ma|le|la|son|sa|notre|votre)\s+(?:dossier|demande)(?![\w'])"
)
# "I paid" alone ("خلصت", "khllest lkhlas") is told only when the message asks something else: said
# alone it may ask whether one pays.
_PAID = re.compile(
    r"(?<![\w'])w?kh[ae]?l+[ae]?st(?:ha|o|hom)?(?:\s+(?:l|el)?(?:khlas|khlass|flous|rsoum|rssoum))?(?![\w'])"
    r"|(?<!\w)[وف]?(?:خلصت|اديت|دفعت)(?:ها|و|هم)?(?:\s+(?:ال)?(?:خلاص|رسوم|فلوس|واجب|تنبر|طابع))?(?!\w)"
)


def detect_aspects(message: str) -> tuple[Aspect, ...]:
    """The aspects a message asks about, in the order it asks them (at most ``MAX_ASPECTS``); empty
    for a general question ("comment renouveler ma CIN ?")."""
    text = _DONE.sub(_blank, _WELCOME.sub(_blank, normalize(message)))
    if _PAID.search(text) and (other := _asked(_PAID.sub(_blank, text))) and other != ("fees",):
        return other
    if _PURPOSE.search(text) and (other := _asked(_PURPOSE.sub(_blank, text))):
        return other
    return _asked(text)


def without_purpose(message: str) -> str:
    """The normalised message without the file it says a document is for ("pour mon dossier de mariage"):
    a purpose told, not the documents asked (``bot.answer.settled``)."""
    return _PURPOSE.sub(_blank, normalize(message))


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _asked(text: str) -> tuple[Aspect, ...]:
    # "ch7al d nhar": the "how much" inside is the duration's; "ch7al 3ndo d l3mr" asks an age.
    spans = _spans(text) + [(m.start(), m.end(), "delay") for m in _how_long().finditer(text)]
    spans += [(m.start(), m.end(), "eligibility") for m in _how_old().finditer(text)]
    # Darija verbs and nouns of time and money however spelled and conjugated (kaytbta, كيتعطل).
    stems = stem_spans(text)
    money = _fee_words().search(text) is not None or any(kind == "fees" for *_, kind in stems)
    # "ch7al ... bach ykhroj", "kaykhrj f nhar wla ghedda": how long
    weak = not money and (_how_much().search(text) is not None or _days().search(text) is not None)
    spans += [(s, e, "fees" if k == "fees" else "delay") for s, e, k in stems if k != "weak_delay" or weak]
    # A word inside a longer phrase of another aspect is that phrase's ("combien" in "combien de temps").
    kept = [s for s in spans if not any(o[0] <= s[0] and s[1] <= o[1] and o[1] - o[0] > s[1] - s[0] for o in spans)]
    first: dict[Aspect, int] = {}
    for start, _, aspect in sorted(kept):
        first.setdefault(aspect, start)
    # "How long does it stay ... until it is ready" ("شحال كتبقى البطاقة باش توجد"): the wait, not a validity.
    if "validity" in first and weak and any(kind == "weak_delay" for *_, kind in stems):
        first.pop("validity")
    if "validity" in first:  # "ch7al katb9a sal7a", "valable combien de temps": how long it stays valid
        first.pop("fees", None)
        first.pop("delay", None)
    if "delay" in first and "fees" in first and not money and not _two_questions(text, kept):
        first.pop("fees")  # "ch7al katakhod", "كم يوما": how many days, not how much money
    if not first and _what_to_bring(text):
        return ("documents",)
    if not first and _weak_where().search(text):
        return ("where",)
    # More than can be answered short: the documents, the fee and the delay before the rest (the card
    # has it), then in the order asked.
    kept_aspects = sorted(first, key=lambda a: (a not in _CONCRETE, first[a]))[:MAX_ASPECTS]
    return tuple(sorted(kept_aspects, key=first.__getitem__))


def without_cues(message: str) -> str:
    """The normalised message with every word that asks an aspect blanked out: what it says besides
    asking ("chno lwra9 dyal lpasspor" -> "dyal lpasspor")."""
    text = normalize(message)
    spans = _spans(text) + [(s, e, "fees") for s, e, _ in stem_spans(text)]
    for start, end, _ in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def detect_aspect(message: str) -> Aspect | None:
    """The single aspect a message asks about, or None when it asks about several or none."""
    found = detect_aspects(message)
    return found[0] if len(found) == 1 else None


def without_aspects(message: str) -> str:
    """The normalised message with the words that ask an aspect blanked out ("et les documents ?" ->
    "et les  ?"; "fiche anthropométrique chno kaytlbo" -> "fiche anthropométrique"): what is left says what
    the message is about."""
    text = normalize(message)
    spans = [(s, e) for s, e, _ in _spans(text)] + [(s, e) for s, e, _ in stem_spans(text)]
    spans += [m.span() for p in (_how_long(), _how_much(), _weak_where()) for m in p.finditer(text)]
    if _what_to_bring(text):  # "what ... need", "a paper with me": those words, not the ones between
        what, need = word_pattern(_WHAT), word_pattern(_NEED)
        spans += [m.span() for p in (what, need, _ALONG, _enough()) for m in p.finditer(text)]
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text
