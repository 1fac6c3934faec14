"""Whether a turn asks if someone else may do the procedure for the citizen: "à sa place", "f blastha",
"بلاصتو", "نيابة عني", or a person and a "may/can" ("ma femme peut le retirer ?", "wach khoya y9der
ymchi?", "هل يجوز لأخي أن يتسلمها؟"). Matched on normalised text, so accents, hamzas and Arabizi
digits vary freely.
"""

from __future__ import annotations

import re
from functools import cache

from bot.understand.normalize import normalize

# Words that say "on my behalf" outright.
_EXPLICIT = (
    "التوكيل|بالتوكيل|الوكاله|بالوكاله|"
    "n7dar ana|n7der ana|khassni n7dar|khass n7dar|darori n7dar|nkoun 7ader|nkon 7ader|لازم نحضر|"
    "خاصني نحضر|نكون حاضر|l'interesse|la personne concernee|le titulaire doit|المعني بالامر|"
    "صاحب الشان|الشخص المعني|انابه|ينيب|يوكل|اوكل|"
    "en personne|moi meme|moi-meme|personnellement|etre present|etre presente|ma presence|"
    "obligatoirement moi|b rasi|b rassi|brasi|b nefsi|bnefsi|ana b rasi|ana li nmchi|ana lli nmchi|"
    "شخصيا|بنفسي|براسي|حضوري|بحضوري|الحضور الشخصي|انا اللي نمشي|"
    "وكيل عني|وكيلا عني|يحضر عني|تحضر عني|وكيلي|qui y va|qui ira a ma place|qui va y aller|li ymchi|lli ymchi|"
    "اللي يمشي|اللي غادي يمشي|li ghadi ymchi|"
    "a sa place|a ma place|a leur place|a notre place|pour moi|pour lui|pour elle|a mon nom|"
    "en mon nom|de ma part|pour mon compte|pour le compte|procuration|mandat|mandataire|mandater|"
    "me representer|le representer|quelqu'un d'autre|une autre personne|un proche|un tiers|"
    "tierce personne|sans ma presence|sans etre present|sans etre presente|sans me deplacer|"
    "peut y aller|peut le faire|peut la faire|peut deposer|peut retirer|peut le retirer|"
    "peut la retirer|peut faire les demarches|peut signer|peut le recuperer|peut la recuperer|"
    "f blasti|fblasti|f blasto|fblasto|f blastha|f blasthom|blasti|blasto|blastha|blasthom|blastek|"
    "ydirha lia|ydiha lia|yjibouli|yjibha lia|tjibha lia|yjibhom lia|yakhodha|takhodha|ytalebha|"
    "nwkkel|nwekkel|nwakkel|nwakel|nwkel|nwekel|bdali|bdalo|bdalha|f bdali|fbdali|بدالي|فبدالي|بدالو|بدالها|"
    "yjib lia|yjib liya|yakhod lia|yakhod liya|ydir lia|ydir liya|ydirha liya|yjibha liya|yjibhali|"
    "yakhodhali|ydirhali|ysse7bha|ysa7bha|ysa7ebha|ysaybha liya|f plasti|f plasto|f plastha|fplasti|"
    "ytlebha|y9der ymchi|t9der tmchi|y9der yjib|t9der tjib|tsigner|ysigner|bla ma nmchi|bla ma nji|"
    "bla ma nhder|wkala|lwkala|tawkil|ntwakel|nsifet chi|nsift chi|nsifto|بلاصتي|بلاصتو|بلاصتها|"
    "بلاصتهم|فبلاصتي|فبلاصتو|فبلاصتها|نيابه عني|نيابه عنه|نيابه عنها|بالنيابه|نيابه|مكاني|مكانه|"
    "مكانها|عوضا عني|بدلا عني|بدلا مني|عليا|يجيبها ليا|تجيبها ليا|ياخدها عليا|يسحبها|تسحبها|يتسلم|"
    "تتسلم|يتسلمها|تتسلمها|يستلمها|تستلمها|سحبه|سحبها|استلامه|استلامها|يتابع الملف|توكيل|وكاله|تفويض|"
    "افوض|يمثلني|ينوب عني|دون حضوري|بدون حضوري|بلا ما نمشي|بلا ما نجي|نصيفط شي|شخص اخر|شخص آخر|"
    "من خارج الاسره|يقدر يمشي|تقدر تمشي|نمشي انا|نمشي أنا"
)
# Someone who could act for the citizen (not a child: "wach weldi y9der ydir passport" is about the
# child's own document, and a child named moves a family to its minor's variant).
_AGENT = (
    "chi 7ad|chi wa7d|wa7d akhor|7ad akhor|chi had akhor|5oya|5ouya|5ay|5ti|5oti|"
    "mon conjoint|ma conjointe|une personne de confiance|mon beau frere|ma belle soeur|mon beau pere|"
    "ma belle mere|mon neveu|ma niece|mon petit fils|ma petite fille|un collegue|mon employeur|"
    "mon patron|mon associe|le garage|une agence|chi had|chi wahed|ay wa7ed|wa7ed akhor|"
    "chi wa7ed akhor|wa7ed mn l3a2ila|wa7ed mn l3ayla|chi 7ed mn l3a2ila|3ayalti|3yalti|lmra dyali|"
    "mra dyali|rajel dyali|zawja|wld 3ammi|ben 3ammi|bent 3ammi|wld khali|sadi9i|sdi9i|مرتي|"
    "المرا ديالي|الراجل ديالي|ولد عمي|بنت عمي|ولد خالي|صحبتي|شي واحد من العائله|شي حد من العائله|"
    "واحد من العائله|"
    "un cousin|une cousine|mon fils majeur|ma fille majeure|وكيل|للواليد|للواليده|"
    "mon mari|ma femme|mon epoux|mon epouse|mon frere|ma soeur|mon pere|ma mere|mes parents|"
    "mon cousin|ma cousine|mon oncle|ma tante|un ami|une amie|mon ami|mon amie|un voisin|une voisine|"
    "mon voisin|mon avocat|un avocat|mon notaire|un notaire|quelqu'un|qqn|un membre de ma famille|"
    "un membre de la famille|mon comptable|un intermediaire|khoya|khouya|khay|khti|khoti|mrati|rajli|"
    "zawji|zawjti|bba|baba|mama|mmi|lwalid|lwalida|lwalidin|sa7bi|sahbi|sa7bti|jari|l'avocat|lavocat|"
    "lmo7ami|chi wa7ed|chi 7ed|chi had|3ammi|khali|3amti|khalti|زوجتي|زوجي|مراتي|راجلي|اخي|اختي|خويا|"
    "ختي|ابي|والدي|الواليد|امي|والدتي|الواليده|صديقي|صاحبي|جاري|محامي|المحامي|الموثق|شي واحد|شي حد|"
    "احد اقاربي|احد افراد الاسره|احد افراد اسرتي|احد افراد عائلتي|فرد من عائلتي|فرد من اسرتي|احد|شخص|"
    "اي شخص|قريبي|عمي|خالي"
)
_MAY = (
    "i9der|i9dar|i9dr|iqder|imken|imkn|y9edr|t9edr|y9edro|"
    "y9dar|t9dar|yqdar|tqdar|ykder|tkder|ykdar|tkdar|y9adar|t9adar|n9dar|nqdar|y9dro|yqdro|ymken|yemken|"
    "mmkn|mumkin|momken|autorise|autorisee|le droit de|le droit d|بامكان|بامكانه|بامكانها|يسمح|تسمح|مسموح|يحق|"
    "تحق|حقه|حقها|يقدرو|تقدري|نقدرو|يمدي|ينفع|"
    "ymkn|yqdr|y9dr|t9dr|9ader|9adra|ynjm|ينجم|تقدرو|يمكن ليه|يمكن ليها|est il possible|"
    "a t il le droit|a t elle le droit|"
    "peux|puis|pourrais|pourrai|n9der|nqder|nkder|نقدر|يمكنني|يمكنني ان|استطيع|"
    "peut|peuvent|pourrait|pourra|a le droit|est autorise|est autorisee|y9der|t9der|y9dro|yqder|"
    "tqder|ymken|momkin|possible|yjouz|يقدر|تقدر|يقدرو|يمكن|يمكنه|يمكنها|يمكنهم|يجوز|يستطيع|تستطيع|"
    "يحق|ممكن"
)


# A relative, a friend or a professional, by the kinship noun and its possessive, in every script:
# "mon grand-père", "sa sœur", "لأختي", "زوجته", "خوها", "mrato", "khtha" (a child is left out: the
# child's own document is the minor's variant).
_KIN_FR = (
    r"(?:mon|ma|mes|son|sa|ses|notre|nos|votre|vos|leur|un|une|le|la)\s+(?:"
    r"frere|soeur|pere|mere|mari|femme|epoux|epouse|conjoint|conjointe|cousin|cousine|oncle|tante|ami|amie|"
    r"copain|copine|voisin|voisine|collegue|grand[\s-]pere|grand[\s-]mere|grands[\s-]parents|parents|"
    r"beau[\s-]pere|belle[\s-]mere|beau[\s-]frere|belle[\s-]soeur|gendre|belle[\s-]fille|beau[\s-]fils|"
    r"neveu|niece|proche|proches|avocat|avocate|notaire|comptable|secretaire|chauffeur|employeur|patron|"
    r"associe|associee|representant|fiance|fiancee|fils majeur|fille majeure)"
)
_KIN_AR = (
    r"(?:[وفبل]|ول|لل)?(?:اخ|اخت|اخو|خو|اب|ابو|بو|ام|زوج|زوجت|مرات|مرت|راجل|صديق|صديقت|صاحب|صاحبت|صحاب|"
    r"جار|جارت|عم|عمت|خال|خالت|والد|والدت|قريب|قريبت|نسيب|نسيبت|جد|جدت|محامي|موثق)(?:ي|يا|ه|ها|و|نا|كم)"
)
_KIN_LATIN = (
    r"l?(?:(?:kh|5)[ou]?(?:ya|ti|to|ha|h|k)|(?:kh|5)outi|(?:kh|5)oti|(?:kh|5)ti|(?:kh|5)t(?:ha|o|k)|mrat(?:i|o|ou|k)|rajl(?:i|ha|ek)|"
    r"bba(?:h|ha|k)?|mm(?:i|ah|ha|ek|ti)|mimti|jart(?:i|o|ha)|sd[i]?9(?:i|ti)|sa7bt?(?:i|o|ha)|"
    r"wlad 3ammi|bnt (?:3ammi|khalti|khali)|bent (?:3ammi|khalti|khali)|jdd(?:i|ati)|nsib(?:i|ti)|"
    r"l?walid(?:a|i|ti)?|l3ayla|l3a2ila|l3ai?la)"
)
_KIN = re.compile(rf"(?<![\w])(?:{_KIN_FR}|{_KIN_AR}|{_KIN_LATIN})(?![\w])")


# Particles glued on a word in Arabic script: "and", "for", "with" ("ولزوجتي", "بتوكيل"); not the
# article ("النيابة العامة" is the prosecution, "الأحد" is Sunday).
_PARTICLES = r"(?:[وف]?[لب](?=[\u0600-\u06ff])|[وف](?=[\u0600-\u06ff]))?"


@cache
def _pattern(words: str) -> re.Pattern[str]:
    forms = sorted({normalize(w) for w in words.split("|") if w.strip()}, key=len, reverse=True)
    return re.compile(r"(?<![\w])" + _PARTICLES + "(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")


# Someone's presence asked: a "must" and a verb of coming or being there, or "himself"
# ("il doit venir lui-même ?", "wach khasso yji b rasso?", "واش خاصها تحضر؟", "يجب أن يحضر بنفسه؟").
_MUST = (
    r"doit|doivent|dois|faut|faudra|oblige|obligee|obligatoire|necessaire|khass|khas|5ass|5as|lazem|lazm|"
    r"daroori|darori|خاص|لازم|ضروري|يجب|يلزم|واجب|عليه|عليها"
)
_COME = (
    r"venir|se presenter|se deplacer|etre present|etre presente|etre la|"
    r"(?:ka|ta|gha)?[ytn](?:ji|jiw|mchi|mchiw|7dar|7der|hdar|hder|7adar|7edar|tla9a)|"
    r"(?:[وف]?(?:[يتن]|كي|كت|غا)(?:جي|جيو|مشي|مشيو|حضر|حضرو)|حضوره|حضورها|الحضور|حضور)"
)
_SELF = (
    r"lui meme|elle meme|lui-meme|elle-meme|eux memes|eux-memes|b rasso|b raso|brasso|b rasou|b rasha|"
    r"b rasha|b nefso|b nefsha|براسو|براسها|بنفسه|بنفسها|شخصيا"
)
_PRESENCE = re.compile(
    rf"(?<![\w])(?:{_MUST})(?:\w{{0,3}})\s+(?:\S+\s+)?(?:ان\s+|an\s+|que\s+)?(?:{_COME})(?:\w{{0,2}})(?![\w])"
    rf"|(?<![\w])(?:{_SELF})(?![\w])"
)


def asks_presence(message: str) -> bool:
    """The turn asks whether someone must come in person ("mon père doit venir lui-même ?")."""
    return bool(_PRESENCE.search(normalize(message)))


def says_on_behalf(message: str) -> bool:
    """The turn says "on my behalf" outright."""
    return bool(_pattern(_EXPLICIT).search(normalize(message)))


def someone_may(message: str) -> bool:
    """The turn asks whether a person may act, or the citizen for a person ("ma soeur peut y aller ?",
    "هل يمكن لأخي ...", "je peux le retirer pour ma mère ?", "n9der ndirha l mmi?")."""
    text = normalize(message)
    return bool((_pattern(_AGENT).search(text) or _KIN.search(text)) and _pattern(_MAY).search(text))
