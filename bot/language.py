"""Which language and style a citizen wrote in, and so which language to answer in.

Rules, not a model: the styles differ by script and by a few hundred very frequent words. The
evidence (counts) is kept on the result so a wrong call can be explained from the logs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from bot.normalize import normalize, normalize_arabic, normalize_latin
from bot.types import AnswerLang, Style


def _words(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text (easier to read and extend)."""
    return frozenset(text.split())


_ANSWER_LANG: dict[Style, AnswerLang] = {
    "fr": "fr",
    "ar": "ar",
    "darija": "darija",
    "arabizi": "darija",
    "mixed": "darija",
}

_AR_TOKEN = re.compile(r"[\u0621-\u064a]+")
_AR_LETTERS = re.compile(r"[\u0621-\u064a]")
_LATIN_LETTERS = re.compile(r"[a-z]")
# Raw Latin words, accents kept: an accented letter is French evidence even in an unknown word.
_RAW_LATIN_TOKEN = re.compile(r"[a-z0-9\u00e0-\u00ff\u0153]+")
_ACCENT = re.compile(r"[\u00e0-\u00ff\u0153]")

# A digit used as a letter (3=ع 7=ح 9=ق 2=ء 5=خ 8=ه) next to a letter: the Arabizi signature.
_ARABIZI_DIGIT = re.compile(r"[a-z][235789]|[235789][a-z]")
# ...but not French numbers with a unit or an ordinal ("2eme", "15jours", "30dh").
_NUMBER_UNIT = re.compile(r"^\d+(?:e|er|ere|eme|h|min|mn|ans?|dh|dhs|mad|km|kg|cm|m|s|j|jours?|mois|x)$")
# Latin Darija morphology: ka-/ta- + person prefix (kanbghi, katkhlles, kaydir) and ma-...-ch.
_LATIN_KA_VERB = re.compile(r"^(?:ka|ta)(?:n|t|y)[a-z]{3,}$")
_LATIN_NEGATION = re.compile(r"^ma[a-z0-9]{2,}(?:ch|x)$")
# French derivational endings: a long word ending like this is French even if unlisted.
_FRENCH_SUFFIX = re.compile(r"(?:tion|sion|ment|ique|aire|eur|eurs|ence|ance|ite|ites|oire|isme)$")
# Arabic-script Darija: ka-/ta- progressive + person prefix (كنبغي, كيخلص, كاتخلص) and ma-...-ch.
_AR_KA_VERB = re.compile(r"^كا?[نتي][\u0621-\u064a]{3,}$")
_AR_NEGATION = re.compile(r"^ما[\u0621-\u064a]{2,}ش$")

# Frequent Darija words that MSA does not use (normalised spelling: ة->ه, hamza folded).
_DARIJA_AR = _words(
    """
    شنو اشنو شنوا شنهو اشنهو كيفاش كيداير فين فاين منين امتا فوقاش علاش علياش شكون اشكون شحال اشمن
    واش بغيت بغينا بغا بغات بغيتي نبغي كنبغي تنبغي بغيت ديال ديالي ديالك ديالو ديالها ديالنا
    ديالكم ديالهم خاصني خاصك خاصو خاصها خاصنا خاصكم خاصهم خصني خصك خصو خصنا دابا كاين كاينه كاينين
    ماكاينش حيت حيتاش ماشي باش هاد هادشي هادو هادوك داك ديك هداك هديك راه راني راك راها راهم
    واخا بزاف شويه شويا والو كلشي حتال بحال عافاك عافاكم ليا ليك معايا معاك معاه عندو عندها
    نتا نتي حنا نتوما هوما ديرو ندير دير كندير نديرو نمشي غادي غادا غانمشي نجيب جيب نخلص كنخلص
    نقدر تقدر نعرف كنعرف عرفتي بلي مزيان مزيانه دغيا بالزربه زعما ياك صافي سير سيري نسيت مشيت
    خديت جبت درت قالو قاليا قالي كيقولو خلصت تلفات تلفت ضاعت ضاع ليا توصلت نسول سولت صيفط نصيفط
    لاكارط الكارط لاكارت الباسبور البيرمي الكوميساريه المقاطعه الكناش العقد السيت الدوسي الوراق
    لوراق التمبر الضو الما الكرا الخدمه الشهريه الروسي الرونديفو لابوست البوسطه الفاكتوره الفاتوره
    ولدي بنتي مراتي راجلي خويا ختي الدراري دراري واليدي الواليد الواليده
    """
)
# MSA words that look like Darija markers after normalisation (كائن -> كاين, كيفية -> كيفيه).
_MSA_LOOKALIKES = _words("كيفيه كيفيات كتابه كتابات كتيب كنيسه كيميا كيلو كانت كانوا كنت")

# Frequent Latin Darija words (Arabizi). Words that are also French ("la", "ma", "fin") are left out.
_DARIJA_LATIN = _words(
    """
    wach wash wax chno chnou chnu achno achnou xno chnahiya chnahowa kifach kifash kifech kifax
    fine fayn feen fen mnin mnayn imta emta fo9ach foqach 3lach 3lash 3lax alach chkoun chkun
    chhal ch7al sh7al x7al achmen bghit bghina bgha bghat bghiti nbghi kanbghi bghyt brit
    dyal dial dyali diali dyalek dyalk dyalo dialo dyalha dyalna dyalkom dyalhom khass khassni
    khasni khassek khassna khasna khasso 5asni 5assni daba dba kayn kayna kaynin kain kayen kayna
    makaynch makaynach 7it hit 7itach machi mashi bach bash bax had hadi hada hadou hadchi hadik
    dak dik rah rani rak raha rahom wakha waxa bzaf bzzaf bezzaf chwiya chwia walo walou kolchi
    kulchi b7al 3afak 3afakom afak liya lia lik m3aya m3ak m3ah 3ndi 3andi 3ndk 3ndo 3andek ana
    nta nti 7na ntoma homa ndir dir kandir ndiro dert derti nmchi mchit mchina ghadi ghan ghadya
    njib jib jbt jbto nkhlles khlles khllest n9der nqder t9der y9der n3rf kan3rf 3rft 3refti
    mzyan mezyan mzyana dghya degya bzrba zaaama zaema yak safi sir siri nsit nsiti khdit khdat
    gal galo galoli galouli kaygolo tlfat tlef tlfat da3 da3et nsowl sowlt sift nsift siftli
    lakart lkart lbtaka btaka lbita9a lpermi lbermi lkonnach l3a9d lwra9 wra9 ttmbr tmbr lflous
    flous drahem lkhdma khdma lkhlas chehriya ddar lmra mrati rajli weldi benti wlidi drari lwalid
    lwalida lmo9ata3a l9iyada l3imala lbaladiya ljama3a lmahkama lbosta lbanka sbitar ssbitar
    lfatura fatora l3onwan ddaman rokhsa jawaz paspor lpaspor lpassport bla blach fabor
    lyoum lyoma ghda lbare7 chhar simana l3am 3am nhar nhar
    njdded jdded tjdid nsjjel tsjjel nbddel bddel n7et ntsna tsna ntlb tlb nchki nsayb nsawb nakhod
    nakhd nkhrrej khrrej n7ssel nchri chrit nbi3 bi3 nkhdm khdam kheddam khddam n3awd 3awd
    nbda bdit kifma bhal hna temma tma ila ilakan wla walakin ola
    """
)
# Frequent French words, accent-free. Ambiguous ones ("la", "ma", "fin", "a", "ou") are left out.
_FRENCH = _words(
    """
    le les un une des du de au aux ce cet cette ces mon ton son mes tes ses notre votre nos vos leur
    leurs je tu il elle on nous vous ils elles me te se moi toi lui eux y en qui que quoi dont
    est et pour par avec sans sur sous dans chez entre vers pendant depuis avant apres comme mais
    donc car ni si ne pas plus moins tres trop aussi deja encore toujours jamais rien tout tous toute
    toutes bien bon bonne mal meme autre autres quel quelle quels quelles lequel laquelle combien
    comment quand pourquoi faut faire fait fais font peux peut pouvez veux veut voudrais voulais
    dois doit devez savoir sais sait connaitre aller vais va allez venir viens prendre prend
    obtenir avoir ai as avons avez ont suis es sommes etes sont etait ete etre sera serait
    bonjour bonsoir merci svp stp madame monsieur besoin demande demander demarche demarches
    procedure papiers pieces documents document dossier fournir deposer depot retirer recuperer
    renouveler renouvellement perdu perte vole vol premiere premier fois nouveau nouvelle carte
    identite nationale passeport permis conduire acte naissance extrait copie integrale casier
    judiciaire certificat residence vie celibat mariage divorce deces livret famille grise
    vehicule voiture immatriculation vignette impot impots taxe taxes declaration revenu
    societe entreprise creation creer auto entrepreneur registre commerce patente cnss amo
    retraite pension salaire allocation aide sociale bourse inscription ecole lycee universite
    diplome baccalaureat hopital medecin rendez prix frais cout gratuit payer paiement tarif
    timbre fiscal delai duree jours semaines mois semaine jour heure heures annee ans
    bureau guichet commune mairie arrondissement prefecture province caidat tribunal police
    commissariat consulat ambassade poste banque agence site ligne internet portail formulaire
    photo photos adresse changement changer modifier modification legalisation signature
    conforme original originaux exige exigee exiges obligatoire necessaire possible
    mere pere enfant enfants fils fille femme mari epoux epouse parents
    expire expiree expires valide validite urgence urgent rapide vite attendre attente
    quoi voila ok oui non alors puis ensuite aussi seulement juste encore
    etranger etrangere maroc marocain marocaine ville quartier domicile logement loyer
    """
)
# Greetings and politeness shared by every style: never evidence for one of them.
_NEUTRAL = _words("salam slm salut hello merci mrc chokran choukran shukran")


@dataclass(frozen=True)
class Detection:
    style: Style
    answer_lang: AnswerLang
    arabic_ratio: float  # share of Arabic letters among all letters
    darija_markers: int
    french_markers: int


@cache
def _extra_words(name: str) -> frozenset[str]:
    """Optional derived word list from bot/data (one word a line); empty if not built yet."""
    path = resources.files("bot") / "data" / name
    if not path.is_file():
        return frozenset()
    return frozenset(w for w in path.read_text(encoding="utf-8").split() if w)


def darija_latin_words() -> frozenset[str]:
    return _DARIJA_LATIN | _extra_words("arabizi_words.txt")


def french_words() -> frozenset[str]:
    return _FRENCH | _extra_words("french_words.txt")


def is_french_word(token: str) -> bool:
    """A normalised Latin token that reads as French (listed, or a long word with a French ending)."""
    return token in french_words() or (
        len(token) >= 7 and _FRENCH_SUFFIX.search(token) is not None and token not in darija_latin_words()
    )


def _arabic_darija_markers(tokens: list[str]) -> int:
    count = 0
    for token in tokens:
        morphology = _AR_NEGATION.match(token) or _AR_KA_VERB.match(token)
        if token in _DARIJA_AR or (morphology and token not in _MSA_LOOKALIKES):
            count += 1
    return count


def _looks_arabizi(token: str) -> bool:
    """Darija by form: digit-letters (ch7al), ka-/ta- verbs (katkhlles) or ma-...-ch (makaynch)."""
    if _ARABIZI_DIGIT.search(token):
        return not _NUMBER_UNIT.match(token)
    return bool(_LATIN_NEGATION.match(token) or _LATIN_KA_VERB.match(token))


def _latin_counts(raw: str) -> tuple[int, int]:
    darija_words = darija_latin_words()
    darija = french = 0
    for raw_token in _RAW_LATIN_TOKEN.findall(raw):
        token = normalize_latin(raw_token)
        if token in _NEUTRAL:
            continue
        if token in darija_words:
            darija += 1
        elif is_french_word(token) or _ACCENT.search(raw_token):
            french += 1
        elif _looks_arabizi(token):
            darija += 1
    return darija, french


def _latin_style(darija: int, french: int) -> Style:
    if darija == 0:
        return "fr"
    # One Darija-looking word in a long French message is a name or a slip, not Darija.
    if darija == 1 and french >= 4:
        return "fr"
    if french / (darija + french) <= 0.25:
        return "arabizi"
    return "mixed"


def _result(style: Style, ratio: float, darija: int, french: int) -> Detection:
    return Detection(style, _ANSWER_LANG[style], round(ratio, 3), darija, french)


def detect(text: str) -> Detection:
    """Style of a message: "fr", "ar" (MSA), "darija" (Arabic script), "arabizi" (Latin Darija) or
    "mixed" (Latin Darija code-switched with French). Empty or letterless input is "fr"."""
    norm = normalize(text)
    n_arabic = len(_AR_LETTERS.findall(norm))
    n_latin = len(_LATIN_LETTERS.findall(norm))
    if n_arabic + n_latin == 0:
        return _result("fr", 0.0, 0, 0)
    ratio = n_arabic / (n_arabic + n_latin)
    darija, french = _latin_counts(normalize_arabic(text).lower())
    if ratio >= 0.5:
        darija += _arabic_darija_markers(_AR_TOKEN.findall(norm))
        # French words inside Arabic-script text are code-switching, which MSA writers rarely do.
        style: Style = "darija" if darija > 0 or french > 0 else "ar"
        return _result(style, ratio, darija, french)
    return _result(_latin_style(darija, french), ratio, darija, french)
