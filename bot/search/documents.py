"""What each index reads of a procedure: its names, its concepts, its citizens' questions, its text.

The names (titles and aliases) are listed here once: the names, character-gram and concept indexes
read them, and the BM25 document counts them twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.knowledge.chunking import sections
from bot.knowledge.schema import ARABIC_RE, Procedure
from bot.understand.arabizi import arabizi_to_arabic
from bot.understand.darija import concept_ids


def names_of(proc: Procedure) -> list[str]:
    """What citizens call the procedure: its titles and aliases, in every language."""
    return [proc.title.fr, proc.title.ar, *proc.aliases.fr, *proc.aliases.ar, *proc.aliases.darija]


def concepts_of(proc: Procedure) -> list[str]:
    """The concepts of each name and citizen's question, counted once per text they appear in."""
    texts = [*names_of(proc), *proc.questions.fr, *proc.questions.ar, *proc.questions.darija]
    return [concept for text in texts for concept in concept_ids(text)]


def family_nouns(procedures: Sequence[Procedure]) -> dict[str, frozenset[str]]:
    """Each family's own nouns, as the Darija lexicon's concepts: in the names of every one of its
    procedures, and in more of its names than of all other procedures' (passport, id_card, driving_licence,
    car_registration; not "car" nor "licence", said of other procedures as often), however a citizen spells
    them ("لباسبور", "btaka", "lkarta nasyonal")."""
    said = {p.id: [set(concept_ids(name)) for name in names_of(p)] for p in procedures}
    families: dict[str, list[Procedure]] = {}
    for proc in procedures:
        if proc.family:
            families.setdefault(proc.family, []).append(proc)
    out: dict[str, frozenset[str]] = {}
    for family, members in families.items():
        shared = set.intersection(*(set().union(*said[p.id]) for p in members))
        everywhere = [n for names in said.values() for n in names]
        mine = [n for p in members for n in said[p.id]]
        own = {c for c in shared if 2 * sum(c in n for n in mine) >= sum(c in n for n in everywhere)}
        out[family] = frozenset(own)
    return out


def questions_text(proc: Procedure) -> str:
    """The citizens' questions, Latin-letter Darija also in Arabic script so that either spelling of
    a question meets them."""
    latin = [q for q in proc.questions.darija if not ARABIC_RE.search(q)]
    return " ".join([*proc.questions.fr, *proc.questions.ar, *proc.questions.darija, *map(arabizi_to_arabic, latin)])


def lexical_document(proc: Procedure) -> str:
    """The text BM25 sees for a procedure: both languages, with names and aliases counted twice, and
    the questions citizens ask about it."""
    named = " ".join(names_of(proc))
    body = " ".join(text for lang in ("fr", "ar") for text in sections(proc, lang).values())
    return f"{named} {named} {body} {questions_text(proc)}"
