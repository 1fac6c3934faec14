"""Whether a turn points back at what the conversation is about with a pronoun rather than a name:
a clitic on a verb or a preposition ("khassha", "ndirha", "fiha", "نديرها", "تجديدها", "عليها"), a
French object or subject pronoun ("comment la renouveler ?", "est-elle valable ?", "elle dure combien ?").
Documents are feminine in French, Arabic and Darija, so "-ha" / "ها" / "la" / "elle" carry most of it.
Matched on normalised text (``normalize``).
"""

from __future__ import annotations

import re

from bot.understand.normalize import normalize

# Darija in Latin letters: a conjugated verb (person prefix, maybe the aspect's ka/ta/gha) or "khass"
# with a third-person object ("ndirha", "kanakhdoha", "khassha"), or a preposition that carries it; not
# a noun ending in a digraph's "h" ("nsokha", a copy: "kh", "gh", "ch" are one letter).
_LATIN_VERB = r"(?:(?:ka|ta|gha|ghan|kan|kat|kay)?[nty][a-z0-9]{2,}?|khass|khas|5ass)(?<![kgc])(?:ha|hom|houm)"
_LATIN = (
    rf"{_LATIN_VERB}"
    r"|fiha|fihom|3liha|3lihom|biha|bihom|mnha|menha|m3aha|dyalha|dyalhom|dialha"
)
# Arabic script: a verb with its person prefix, or a verbal noun, carrying "ها"/"هم" ("نديرها",
# "تجديدها", "خاصها"); prepositions with the pronoun ("عليها", "فيها", "منها", "بيها").
_ARABIC_VERB = r"[وف]?(?:[نتي]|كن|كت|كي|غا|غان)[\u0621-\u064a]{2,}(?:ها|هم)"
_ARABIC = (
    rf"{_ARABIC_VERB}"
    r"|[وف]?(?:ال)?[\u0621-\u064a]{3,}(?:ها)(?<!اللها)"
    r"|[وف]?(?:عليها|عليهم|فيها|فيهم|منها|منهم|بيها|بها|ديالها|ديالهم|خاصها|خاصهم|خاصو)"
)
# French: an object pronoun before an infinitive after a modal or a question word, a subject pronoun
# after its verb, or "elle" before one ("comment la renouveler", "doit-on le refaire", "est-elle").
_FRENCH_VERB = (
    r"(?:peux|peut|peuvent|dois|doit|faut|faudra|veux|pourrais|pourrait|comment|ou|quand|ou est ce que|"
    r"pour)\s+(?:on\s+|je\s+|il\s+)?(?:la|le|les|l')\s*[a-z]+(?:er|ir|re)"
)
_FRENCH = (
    rf"{_FRENCH_VERB}"
    r"|(?:est|doit|sera|peut|faut|dure|coute|reste|expire)[\s-]+(?:t-)?(?:elle|il)"
    r"|elle\s+(?:est|doit|sera|dure|coute|reste|expire|vaut|se)"
    r"|(?:ca|cela)\s+(?:change|coute|prend|dure|se fait|se passe|vaut|reste|concerne|s'applique|depend)"
)
_POINTS_BACK = re.compile(rf"(?<![\w'])(?:{_LATIN}|{_ARABIC}|{_FRENCH})(?![\w])")
# Only a verb's object ("n3awedha", "نديرها", "la renouveler"): "3liha" (on it) may be said of anything.
_ON_A_VERB = re.compile(rf"(?<![\w'])(?:{_LATIN_VERB}|{_ARABIC_VERB}|{_FRENCH_VERB})(?![\w])")


def points_back(message: str) -> bool:
    """The turn refers to the conversation's procedure by a pronoun."""
    return bool(_POINTS_BACK.search(normalize(message)))


def verb_points_back(message: str) -> bool:
    """The turn's verb takes the conversation's procedure as its object ("khassni n3awedha?")."""
    return bool(_ON_A_VERB.search(normalize(message)))


# "What do I do?" with nothing else ("chno ndir?", "que faire ?", "ماذا أفعل؟"): about what was being discussed.
_WHAT_TO_DO = re.compile(
    r"^\W*(?:w|o|و|et)?\s*(?:chno|chnou|ach|achno|ash|shno|شنو|اش|اشنو|ماذا|ما الذي|que|quoi)\s+"
    r"(?:ndir|ndiro|nadir|ندير|نديرو|افعل|اعمل|نعمل|faire|je fais|dois je faire|je dois faire)"
    r"(?:\s+(?:daba|دابا|maintenant|alors|الان|ensuite|mn b3d|من بعد))?\W*$"
)


def asks_what_to_do(message: str) -> bool:
    return bool(_WHAT_TO_DO.search(normalize(message)))
