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

import numpy as np

from bot.knowledge.schema import Procedure
from bot.ports import Embedder, VectorStore
from bot.search.classify import QuestionClassifier
from bot.search.documents import concepts_of, names_of
from bot.search.indexes import BM25Index, DenseIndex, LexicalIndex, char_grams
from bot.search.query import Query
from bot.types import Hit
from bot.understand.analysis import analyze

# (dense, lexical, names, char-grams, concepts, classifier). For Arabic script, names BM25 adds nothing once
# char-grams and concepts are fused (bench/kfold.py); it is still computed: the scope decision reads it.
WEIGHTS_ARABIC_SCRIPT = (0.5, 1.5, 0.0, 1.5, 1.0, 0.5)
WEIGHTS_LATIN_SCRIPT = (1.0, 1.5, 0.5, 1.0, 1.0, 0.0)



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
    def __init__(self, procedures: Sequence[Procedure], embedder: Embedder, store: VectorStore | None) -> None:
        """``store`` None: no dense signal (the vector store is down); the query is not even embedded."""
        ids = [p.id for p in procedures]
        self.ids = ids
        self._embedder = embedder
        self.dense = DenseIndex(store, set(ids))
        self.lexical = LexicalIndex(procedures)
        self.names = BM25Index(ids, [analyze(" ".join(names_of(p))) for p in procedures])
        self.grams = BM25Index(ids, [char_grams(" ".join(names_of(p))) for p in procedures])
        self.concepts = BM25Index(ids, [concepts_of(p) for p in procedures])
        questions = np.flatnonzero(self.dense.is_question)
        self.classifier = QuestionClassifier(
            self.dense.matrix[questions], [self.dense.procedure_ids[i] for i in questions]
        )

    def dense_scores(self, text: str) -> tuple[dict[str, float], dict[str, float]]:
        return self.dense.scores(self._embedder.embed_query(text))

    @property
    def has_dense(self) -> bool:
        return bool(self.dense.procedure_ids)

    def embed(self, query: Query) -> list[float]:
        return self._embedder.embed_query(query.dense_text)

    def search(self, query: Query, k: int = 5, vector: list[float] | None = None) -> list[Hit]:
        """The best ``k`` procedures; ``vector`` is the query's (``embed``) when the caller has it."""
        dense: dict[str, float] = {}
        content: dict[str, float] = {}
        classified: dict[str, float] = {}
        if self.has_dense:
            vector = vector if vector is not None else self.embed(query)
            dense, content = self.dense.scores(vector)
            classified = self.classifier.scores(vector) if not query.latin else {}  # weight 0 for Latin
        lexical = self.lexical.search(query.lexical_text)
        names = self.names.scores(analyze(query.names_text))
        grams = self.grams.scores(char_grams(query.grams_text))
        concepts = self.concepts.scores(query.concepts)
        weights = WEIGHTS_LATIN_SCRIPT if query.latin else WEIGHTS_ARABIC_SCRIPT
        fused = zfuse([dense, lexical, names, grams, concepts, classified], weights, self.ids)
        hits = [
            Hit(pid, score, content.get(pid, 0.0), lexical.get(pid, 0.0), names.get(pid, 0.0), grams.get(pid, 0.0))
            for pid, score in fused.items()
        ]
        hits.sort(key=lambda h: (h.score, h.dense), reverse=True)
        return hits[:k]


def dense_only(retriever: Retriever, text: str, k: int = 5) -> list[Hit]:
    """The baseline the benchmark compares against: the same embedder and index, nothing else."""
    ranked = sorted(retriever.dense_scores(text)[0].items(), key=lambda kv: kv[1], reverse=True)[:k]
    return [Hit(pid, s, s, 0.0) for pid, s in ranked]
