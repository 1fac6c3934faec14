"""Which language and style a citizen wrote in, and so which language to answer in.

Rules, not a model: the styles differ by script and by a few hundred very frequent words. The
evidence (counts) is kept on the result so a wrong call can be explained from the logs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from bot.types import AnswerLang, Style
from bot.understand.normalize import normalize, normalize_arabic, normalize_latin, word_set

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
# Addresses say nothing about the writer's language (www.minhaty.ma, chikaya.ma, name@mail.com).
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|\b[\w-]+\.(?:ma|com|org|net|gov|fr|info)\b\S*", re.I)
_DIGIT_RUN = re.compile(r"\d\d")
_NUMBER_UNIT = re.compile(r"^\d+(?:e|er|ere|eme|h|min|mn|ans?|dh|dhs|mad|km|kg|cm|m|s|j|jours?|mois|x)$")
# Latin Darija morphology: ka-/ta- + person prefix (kanbghi, katkhlles, kaydir) and ma-...-ch.
_LATIN_KA_VERB = re.compile(r"^(?:ka|ta)(?:n|t|y)[a-z]{3,}$")
_LATIN_NEGATION = re.compile(r"^ma[a-z0-9]{2,}(?:ch|x)$")
# French derivational endings: a long word ending like this is French even if unlisted.
_FRENCH_SUFFIX = re.compile(r"(?:tion|sion|ment|ique|aire|eur|eurs|ence|ance|ite|ites|oire|isme)$")
# Arabic-script Darija: ka-/ta- progressive + person prefix (كنبغي, كيخلص, كاتخلص) and ma-...-ch.
_AR_KA_VERB = re.compile(r"^(?:كا?|غا)[نتي](?!ا)[\u0621-\u064a]{3,}$")
_MSA_KA_HAMZA = re.compile(r"ك[إأ][\u0621-\u064a]+")
_AR_NEGATION = re.compile(r"^ما[\u0621-\u064a]{2,}ش$")

# Frequent Darija words that MSA does not use (normalised spelling: ة->ه, hamza folded). Words
# that are also MSA once normalised (خاص, صافي, العقد, الخدمه, بنتي, نقدر) are deliberately absent.
_DARIJA_AR = word_set(
    """
    شنو اشنو شنوا شنهو اشنهو كيفاش كيداير فين فاين منين امتا فوقاش علاش علياش شكون اشكون شحال بشحال
    اشمن واش بغيت بغينا بغا بغات بغيتي نبغي كنبغي تنبغي ديال ديالي ديالك ديالو ديالها ديالنا
    ديالكم ديالهم ديالكوم خاصني خاصك خاصو خاصها خاصنا خاصكم خاصهم خصني خصك خصو خصنا دابا كاين كاينه
    كاينين ماكاينش حيت حيتاش ماشي باش هاد هادشي هادو هادوك هادا داك ديك هداك هديك راه راني راك
    راها راهم واخا بزاف شويه شويا والو كلشي حتال بحال عافاك عافاكم ليا ليك معايا معاك معاه معاها
    عندو نتا نتي حنا نتوما هوما ديرو ندير كندير نديرو نمشي غادي غادا غانمشي كنخلص كنعرف
    عرفتي مزيان مزيانه دغيا بالزربه زعما ياك سيري خديت جبت درت قالو قاليا قالي كيقولو تلفات
    ليا سولت نسول صيفط نصيفط اللي فاش ملي كيفما بلاصه خدام الخدام فلوس لفلوس عطيني عطاوني
    لاكارط الكارط لاكارت الباسبور البيرمي البرمي الكوميساريه الكناش السيت الدوسي لوراق التمبر الضو
    الكرا الرونديفو لابوست البوسطه خويا ختي الدراري دراري واليدي الواليد الواليده مراتي راجلي
    ف مشكل كاع ديما هاكا هكا علاه امتي جوج السيمانه البارح خايب
    شي بلي هادي هاذ باغي باغيه ديري لامتي عطيوني عاوني عاونوني يعاوني تعاوني سالات سالاو تزاد تزادت
    تزادو الداطه داطه الدات باسبور كارط الكارطه الكارت طوموبيل الطوموبيل الطونوبيل الموطور الكونطرا
    دوسي الوراق تمبر الديوانه ديوانه السبيطار سبيطار تهلا تهلاو
    """
)
# "فالضمان", "فالدار": Darija writes "in the" as one word; MSA writes "في ال".
_AR_FI_AL = re.compile(r"^فال[\u0621-\u064a]{3,}$")
# MSA words that match the Darija verb patterns below once normalised.
_MSA_LOOKALIKES = word_set("كيفيه كيفيات كنيسه كنايس كانت كانوا كنت كنتم كنا")
_MSA_PREFIXES = ("كيف", "كيل", "كيمي", "كتيب", "كنيس", "كتم", "كتل", "كنز", "كنوز", "كيان")

# Frequent Latin Darija words (Arabizi). Words that are also French ("la", "ma", "fin") are left out.
DARIJA_LATIN_CORE = word_set(
    """
    wach wash wax chno chnou chnu achno achnou xno chnahiya chnahowa kifach kifash kifech kifax
    fine fayn feen fen mnin mnayn imta emta fo9ach foqach 3lach 3lash 3lax alach chkoun chkun
    chhal ch7al sh7al x7al achmen bghit bghina bgha bghat bghiti nbghi kanbghi bghyt brit
    dyal dial dyali diali dyalek dyalk dyalo dialo dyalha dyalna dyalkom dyalhom khass khassni
    khasni khassek khassna khasna khasso 5asni 5assni daba dba kayn kayna kaynin kain kayen
    makaynch makaynach 7it hit 7itach machi mashi bach bash bax had hadi hada hadou hadchi hadik
    dak dik rah rani rak raha rahom wakha waxa bzaf bzzaf bezzaf chwiya chwia walo walou kolchi
    kulchi b7al 3afak 3afakom afak liya lia lik m3aya m3ak m3ah 3ndi 3andi 3ndk 3ndo 3andek ana
    nta nti 7na ntoma homa ndir kandir ndiro dert derti nmchi mchit mchina ghadi ghan ghadya
    njib jbt jbto nkhlles khlles khllest n9der nqder t9der y9der n3rf kan3rf 3rft 3refti
    mzyan mezyan mzyana dghya degya bzrba zaema yak safi nsit nsiti khdit khdat
    galo galou galoli galouli kaygolo tlfat tlef da3 da3et nsowl sowlt sift nsift siftli
    lakart lkart lbtaka btaka lbita9a lpermi lbermi lkonnach l3a9d lwra9 wra9 ttmbr tmbr lflous
    flous drahem lkhdma khdma lkhlas chehriya ddar lmra mrati rajli weldi benti wlidi drari lwalid
    lwalida lmo9ata3a l9iyada l3imala lbaladiya ljama3a lmahkama lbosta lbanka sbitar ssbitar
    lfatura fatora l3onwan ddaman rokhsa jawaz paspor lpaspor lpassport blach fabor
    lyoum lyoma ghda lbare7 chhar simana l3am nhar
    njdded jdded tjdid nsjjel tsjjel nbddel bddel n7et ntsna tsna ntlb tlb nchki nsayb nsawb nakhod
    nakhd nkhrrej khrrej n7ssel nchri chrit nbi3 bi3 nkhdm khdam kheddam khddam n3awd 3awd
    nbda bdit kifma bhal hna temma ilakan wla walakin ola lli elli
    """
)
# Frequent French words, accent-free. Ambiguous ones are in AMBIGUOUS_LATIN instead.
FRENCH_CORE = word_set(
    """
    le les un une des du de au aux ce cet cette ces mon ton son mes tes ses notre votre nos vos leur
    leurs je tu il elle on nous vous ils elles me te se moi toi lui eux y en qui que quoi dont
    est et pour par avec sans sur sous dans chez entre vers pendant depuis avant apres comme mais
    donc car ni si ne pas plus moins tres trop aussi deja encore toujours jamais rien tout tous toute
    toutes bien bon bonne mal meme autre autres quel quelle quels quelles lequel laquelle combien
    comment quand pourquoi faut faire fait fais font peux peut pouvez veux veut voudrais voulais
    dois doit devez savoir sais sait connaitre aller vais va allez venir viens prendre prend
    obtenir avoir ai as avons avez ont suis es sommes etes sont etait ete etre sera serait
    bonjour bonsoir svp stp madame monsieur besoin demande demander demarche demarches
    procedure papiers papier pieces piece documents document dossier fournir deposer depot retirer
    recuperer renouveler renouvellement perdu perte vole vol premiere premier fois nouveau nouvelle
    carte identite nationale passeport permis conduire acte naissance extrait copie integrale casier
    judiciaire certificat residence vie celibat mariage divorce deces livret famille grise
    vehicule voiture immatriculation vignette impot impots taxe taxes declaration revenu
    societe entreprise creation creer auto entrepreneur registre commerce patente
    retraite pension salaire allocation allocations aide sociale bourse inscription ecole lycee
    universite diplome baccalaureat hopital medecin rendez prix frais cout gratuit payer paiement
    tarif timbre fiscal delai duree jours semaines mois semaine jour heure heures annee ans
    bureau guichet commune mairie arrondissement prefecture province caidat tribunal police
    commissariat consulat ambassade poste banque agence site ligne internet portail formulaire
    photo photos adresse changement changer modifier modification legalisation signature
    conforme original originaux exige exigee exiges obligatoire necessaire possible
    mere pere enfant enfants fils fille femme mari epoux epouse parents
    expire expiree expires valide validite urgence urgent rapide vite attendre attente
    quoi voila oui non alors puis ensuite seulement juste tantot
    etranger etrangere marocain marocaine ville quartier domicile logement loyer
    aimerais souhaite souhaiterais cherche chercher trouve trouver oublie perdue dit dire
    numero telephone travail emploi contrat employeur chomage argent compte virement cheque
    credit reponse question probleme erreur service services courrier mail code attestation
    justificatif preuve legalise legalisee delivrance retrait expiration date agent
    ici chaque plusieurs quelque quelques beaucoup peu assez deux trois aujourd hui demain hier
    maintenant bientot tard matin soir exactement automatique automatiquement directement
    faudrait pourrais pouvoir vouloir devoir voir connais venu passer passe mettre donner
    depuis jusqu lors lorsque parce puisque pendant personne gens age majeur mineur
    cash charge guide moteur prise double anglais met direct directe social soutien simple
    """
)
# Tokens that read as both French and Darija ("la" = the / no, "ma" = my / not, "fin" = end /
# where): evidence for neither.
AMBIGUOUS_LATIN = word_set("la ma fin a ou o sa ta mi si l d b y i e u bla dir gal sir jib tma ila")
# Greetings, acronyms and place names shared by every style: never evidence for one of them.
NEUTRAL_LATIN = word_set(
    """
    salam slm salut hello hi merci mrc chokran choukran shukran ok okay inchallah nchallah incha2allah
    hamdoulah hamdullah lhamdullah lah llah allah bismillah machallah wallah
    cin cnie cnss cnops amo rsu rnp rdv pdf dgsn tva rib sms mre ramed ompic cv bac dh dhs mad mme
    mlle mr ir is pv anapec onee lydec redal amendis cni ppr dgi ancfcc covid tsava
    maroc rabat casa casablanca marrakech fes fez tanger meknes agadir oujda kenitra tetouan nador
    safi eljadida jadida laayoune dakhla settat khouribga larache taza essaouira mohammedia sale
    temara beni mellal berrechid ouarzazate errachidia guelmim taroudant khemisset ifrane
    moulay sidi lalla maghrib chikaya chafafiya watiqa idarati tadamon barid
    """
)
# Politeness words French speakers also use ("3afak, je voudrais..."): Darija evidence, but weak.
_POLITE = word_set("3afak afak 3afakom 3afakoum")
_FRENCH_ONSETS = word_set(
    "bl br ch cl cr dr fl fr gl gn gr kl kr ph pl pr ps pn rh sc sk sl sm sn sp sq st sv th tr vr wh"
)
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")


@dataclass(frozen=True)
class Detection:
    style: Style
    answer_lang: AnswerLang
    arabic_ratio: float  # share of Arabic letters among all letters
    darija_markers: int
    french_markers: int


@cache
def _dataword_set(name: str) -> frozenset[str]:
    """A derived word list from bot/data (one word a line, see ingest/lexicon.py)."""
    path = resources.files("bot") / "data" / name
    return frozenset(path.read_text(encoding="utf-8").split()) if path.is_file() else frozenset()


def listed_french(token: str) -> bool:
    """A normalised Latin token the French word lists hold."""
    return token in FRENCH_CORE or token in _dataword_set("french_vocab.txt")


@lru_cache(maxsize=100_000)
def is_french_word(token: str) -> bool:
    """A normalised Latin token that reads as French (listed, or a long word with a French ending)."""
    if token in FRENCH_CORE or token in _dataword_set("french_vocab.txt"):
        return True
    if token in DARIJA_LATIN_CORE:
        return False
    # -ez is the French "vous" form (consultez, allez); Darija words do not end that way.
    return (len(token) >= 7 and _FRENCH_SUFFIX.search(token) is not None) or (
        len(token) >= 5 and token.endswith("ez") and token.isalpha() and token not in _dataword_set("arabizi_vocab.txt")
    )


def _arabic_darija_markers(tokens: list[str], msa_ka: frozenset[str] = frozenset()) -> int:
    count = 0
    for token in tokens:
        # "والديوانه", "وشحال": the conjunction written on the word.
        bare = token[1:] if token.startswith("و") and len(token) > 3 else token
        if token in _DARIJA_AR or bare in _DARIJA_AR or _AR_FI_AL.match(token):
            count += 1
        elif token in _MSA_LOOKALIKES or token in msa_ka or token.startswith(_MSA_PREFIXES):
            continue
        elif _AR_NEGATION.match(token) or _AR_KA_VERB.match(token):
            count += 1
    return count


def _looks_arabizi(token: str) -> bool:
    """Darija by form: a digit used as a letter (ch7al, 3afak), not a number with a unit (2eme,
    30dh) or a code (AAC310, P203: two digits in a row are a number)."""
    return _ARABIZI_DIGIT.search(token) is not None and not _NUMBER_UNIT.match(token) and not _DIGIT_RUN.search(token)


def _darija_morphology(token: str) -> bool:
    """ka-/ta- verbs (katkhlles), ma-...-ch (makaynch), or a word-initial consonant cluster French
    does not allow (bghit, nmchi, lbtaka, ddar, chkoun)."""
    if _LATIN_NEGATION.match(token) or _LATIN_KA_VERB.match(token):
        return True
    if len(token) < 3 or not any(v in token for v in "aeiouy"):
        return False  # acronyms (cnss, rdv) have no vowel
    if token.startswith("ch"):
        return token[2] in _CONSONANTS and token[2] not in "rl"
    return token[0] in _CONSONANTS and token[1] in _CONSONANTS and token[:2] not in _FRENCH_ONSETS


@dataclass
class _Evidence:
    strong: int = 0  # listed Darija words and digit-letters
    weak: int = 0  # Darija-looking morphology or DODa vocabulary
    french: int = 0

    @property
    def darija(self) -> int:
        return self.strong + self.weak

    @property
    def score(self) -> int:
        return 2 * self.strong + self.weak


_NONE, _STRONG, _WEAK, _FRENCH = range(4)


@lru_cache(maxsize=100_000)
def _latin_kind(raw_token: str) -> int:
    """What one Latin word is evidence of (cached: the vocabulary of chat is small)."""
    token = normalize_latin(raw_token)
    if token in NEUTRAL_LATIN or token in AMBIGUOUS_LATIN or token.isdigit():
        return _NONE
    if token in _POLITE:
        return _WEAK
    if token in DARIJA_LATIN_CORE or _looks_arabizi(token):
        return _STRONG
    if is_french_word(token) or _ACCENT.search(raw_token):
        return _FRENCH
    if token in _dataword_set("arabizi_vocab.txt") or _darija_morphology(token) or token in {"f", "w"}:
        return _WEAK
    return _NONE


def _latin_evidence(raw: str) -> _Evidence:
    kinds = Counter(map(_latin_kind, _RAW_LATIN_TOKEN.findall(raw)))
    return _Evidence(kinds[_STRONG], kinds[_WEAK], kinds[_FRENCH])


def _latin_style(evidence: _Evidence) -> Style:
    score, french = evidence.score, evidence.french
    # No Darija, a lone Darija-looking word (a name, a slip) in a French message, or only weak
    # evidence (morphology, vocabulary) against as much French.
    if score == 0 or french >= 4 * score or (evidence.strong == 0 and french >= evidence.weak):
        return "fr"
    if french >= 2 and french / (french + evidence.darija) >= 0.15:
        return "mixed"
    return "arabizi"


def _result(style: Style, ratio: float, darija: int, french: int) -> Detection:
    return Detection(style, _ANSWER_LANG[style], round(ratio, 3), darija, french)


def detect(text: str) -> Detection:
    """Style of a message: "fr", "ar" (MSA), "darija" (Arabic script), "arabizi" (Latin Darija) or
    "mixed" (Latin Darija code-switched with French). Empty or letterless input is "fr"."""
    text = _URL.sub(" ", text)
    norm = normalize(text)
    n_arabic = len(_AR_LETTERS.findall(norm))
    n_latin = len(_LATIN_LETTERS.findall(norm))
    if n_arabic + n_latin == 0:
        return _result("fr", 0.0, 0, 0)
    ratio = n_arabic / (n_arabic + n_latin)
    evidence = _latin_evidence(normalize_arabic(text).lower())
    # MSA "ka" + hamza (كإنجاز) folds to the Darija ka- verb shape (كانجاز): remember those words.
    msa_ka = frozenset(normalize_arabic(w) for w in _MSA_KA_HAMZA.findall(text))
    arabic_markers = _arabic_darija_markers(_AR_TOKEN.findall(norm), msa_ka)
    evidence.strong += arabic_markers
    if ratio >= 0.5:
        # Latin French words inside Arabic-script text are code-switching, which MSA writers rarely do.
        is_darija = arabic_markers > 0 or evidence.strong > 0 or evidence.french >= 2
        style: Style = "darija" if is_darija else "ar"
    else:
        style = _latin_style(evidence)
    return _result(style, ratio, evidence.darija, evidence.french)
