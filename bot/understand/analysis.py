"""BM25 analyser for mixed French / Arabic / Darija text.

``analyze`` runs for every query and every chunk at indexing time, so it is a few regexes, a set
lookup and a per-token cache: no models, no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

from bot.understand.normalize import normalize, word_set

# One token = a run of Latin letters/digits or a run of Arabic letters: mixed-script words split.
_TOKEN = re.compile(r"[a-z0-9]+|[\u0621-\u064a]+")
_AR_LETTER = re.compile(r"[\u0621-\u064a]")

# Snowball's French list, accents stripped (tokens are accent-free after normalisation).
_FR_STOP = word_set(
    """
    au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me meme mes
    moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un
    une vos votre vous c d j l a m n s t y ete etee etees etes etant etais etait etions etiez etaient
    suis es est sommes sont serai seras sera serons serez seront serais serait serions seriez
    seraient fus fut fumes futes furent sois soit soyons soyez soient fusse fusses fussions fussiez
    fussent ayant eu eue eues eus ai as avons avez ont aurai auras aura aurons aurez auront aurais
    aurait aurions auriez auraient avais avait avions aviez avaient eut eumes eutes eurent aie aies
    ait ayons ayez aient eusse eusses eut eussions eussiez eussent ceci cela ca cet cette ici ils
    bonjour salut merci svp stp alors aussi donc tres bien deja encore
    """
)
# MSA function words (normalised spelling: ة->ه, ى->ي, hamza carriers folded).
_AR_STOP = word_set(
    """
    في من الي علي عن مع هذا هذه ذلك تلك هل ما ماذا لا لم لن ان او ثم قد كان كانت يكون تكون هو هي
    هم هن انا نحن انت انتم الذي التي الذين اللذين كل بعض اي غير عند عندي لدي لي له لها لهم به بها
    فيه فيها منه منها عليه عليها اذا حتي كما لكن بل او ام ايضا فقط هناك هنا اين كيف متي لماذا كم
    السلام عليكم شكرا مرحبا صباح الخير من فضلك
    """
)
# Darija function words in both scripts: they say how, not what, and would dominate BM25.
_DARIJA_STOP = word_set(
    """
    واش شنو اشنو اش كيفاش فين منين امتا علاش شكون ديال ديالي ديالك ديالو ديالها ديالنا ديالكم ديالهم
    د دابا راه راني راك راها هاد هادي هادا هادو هادشي داك ديك باش حيت واخا ولا ولا غير شي كاين
    كاينه كاينين ماكاينش بزاف شويه ليا ليك ليه معايا معاك انا نتا نتي حنا نتوما هوما عافاك سلام
    wach wash chno chnou achno ach kifach kifash fin fine mnin imta 3lach chkoun dyal dial dyali diali
    dyalk dyalek dyalo dyalha dyalna dyalkom d daba db raha rah rani rak had hadi hada hadou hadchi
    dak dik bach bash 7it hit wakha wla ghir chi xi kayn kayna kaynin kain bzaf bzzaf chwiya liya
    lik m3aya m3ak ana nta nti 7na ntoma homa 3afak afak salam slm f fi b w o l lia lih liha lina 3la
    3lia 3lih mn men li lli elli bih biha ila
    و عندو عندها عندنا عندك عندهم مازال مزال غادي غاديه قال قالو قالت قاليا بغيت بغينا بغا بغات خاصني
    خاصك خاصو خاصها نقدر يقدر تقدر واحد وحده كيفما بحال هاكا هكا اللي الي علاه ملي
    """
)
STOP_WORDS = _FR_STOP | _AR_STOP | _DARIJA_STOP

_AR_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و")
# ة was folded to ه by normalisation, so ية appears as يه.
_AR_SUFFIXES = ("ات", "ون", "ين", "ان", "ها", "هم", "يه", "ه", "ي")
_PRONOUN_SUFFIXES = frozenset({"ها", "هم", "ي"})
_MIN_STEM = 3

_french = Stemmer.Stemmer("french")


def stem_arabic(token: str) -> str:
    """Light stemming (in the spirit of Larkey's light10): strip one article/conjunction prefix and
    one suffix, each only if at least three letters remain."""
    for prefix in _AR_PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= _MIN_STEM:
            token = token[len(prefix) :]
            break
    for suffix in _AR_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= _MIN_STEM:
            token = token[: -len(suffix)]
            # بطاقتي -> بطاقت -> بطاق, so "my card" meets "the card" (البطاقه -> بطاق).
            if suffix in _PRONOUN_SUFFIXES and token.endswith("ت") and len(token) > _MIN_STEM:
                token = token[:-1]
            break
    return token


@lru_cache(maxsize=200_000)
def _stem(token: str) -> str:
    if _AR_LETTER.match(token):
        return stem_arabic(token)
    if any(c.isdigit() for c in token):
        return token  # Arabizi (ch7al) or a number: the French stemmer would only damage it
    # "renouvler", "renoveler", "renovler": the e or the u dropped as it is said; one stem with "renouveler".
    return _RENEW_TYPO.sub("renouvel", _french.stemWord(token))


_RENEW_TYPO = re.compile(r"^r[ei]no?u?ve?l")


def tokenize(text: str) -> list[str]:
    """Normalised tokens, stop words included (useful for detection and n-gram lookups)."""
    return _TOKEN.findall(normalize(text))


def analyze(text: str) -> list[str]:
    """Tokens for BM25: normalise, tokenise, drop stop words, stem (French Snowball for Latin
    tokens, light stemming for Arabic ones). Use the same function for queries and chunks."""
    return [_stem(t) for t in _TOKEN.findall(normalize(text)) if t not in STOP_WORDS]


# A verb conjugated the Darija way: person prefix (n/t/y, after the aspect prefix ka/ta), stem, ending.
# Moroccans conjugate French verbs so too (ndéclari, kanpayi, nrecuperiw, tsigniw).
_CONJUGATED = re.compile(r"(?:ka|ta)?[nty]([a-z]{4,}?)w?")


def conjugated_stems(text: str, known: set[str]) -> list[str]:
    """Stems of the Latin-script verbs conjugated the Darija way, kept only when the knowledge base
    uses the stem and not the word itself: ndeclari -> declar (as in déclaration)."""
    out: list[str] = []
    for token in _TOKEN.findall(normalize(text)):
        if token in STOP_WORDS or _stem(token) in known or not (m := _CONJUGATED.fullmatch(token)):
            continue
        if (stem := _french.stemWord(m[1])) in known and len(stem) >= 4:
            out.append(stem)
    return out
