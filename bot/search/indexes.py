"""The indexes a retriever fuses: BM25 over token lists, the analysed procedure text, character
n-grams of names, and every chunk vector in one matrix."""

from __future__ import annotations

from collections.abc import Sequence

import bm25s
import numpy as np

from bot.knowledge.schema import Procedure
from bot.ports import VectorStore
from bot.search.documents import lexical_document
from bot.search.query import PUNCT
from bot.understand.analysis import analyze, conjugated_stems
from bot.understand.normalize import normalize


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

    def __init__(self, store: VectorStore | None, known: set[str]) -> None:
        # No store: the vector store is unreachable, and the retriever fuses the lexical signals only.
        _ids, vectors, metas = store.export() if store is not None else ([], [], [])
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
