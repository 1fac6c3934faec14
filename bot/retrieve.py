"""Hybrid retrieval: BM25 over analysed FR/AR text + dense vectors in the store, fused by
reciprocal rank and aggregated from chunks to procedures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import bm25s

from bot.analysis import analyze
from bot.darija import expand
from bot.language import Detection
from bot.ports import Embedder, VectorStore
from bot.types import Hit
from ingest.chunking import lexical_document
from ingest.schema import Procedure

RRF_K = 60  # the usual constant: damps the head of each ranking
DENSE_CHUNKS = 48  # chunks fetched from the store before aggregating to procedures


@dataclass(frozen=True)
class Query:
    """A message prepared for search: what the dense model and BM25 each see."""

    raw: str
    dense_text: str
    lexical_text: str


def prepare_query(text: str, detection: Detection) -> Query:
    """Darija (either script) is expanded with Arabic-script, MSA and French equivalents, so both
    retrievers meet the vocabulary the knowledge base is written in."""
    exp = expand(text, detection.style)
    extra = " ".join([exp.arabic, *exp.msa, *exp.french]).strip()
    combined = f"{text} {extra}".strip()
    return Query(raw=text, dense_text=combined, lexical_text=combined)


class LexicalIndex:
    """BM25 over one document per procedure (both languages, names and aliases weighted)."""

    def __init__(self, procedures: Sequence[Procedure]) -> None:
        self.ids = [p.id for p in procedures]
        self._bm25 = bm25s.BM25()
        corpus = [analyze(lexical_document(p)) or ["_"] for p in procedures]
        if corpus:
            self._bm25.index(corpus, show_progress=False)

    def scores(self, text: str) -> dict[str, float]:
        tokens = analyze(text)
        if not tokens or not self.ids:
            return {}
        raw = self._bm25.get_scores(tokens)
        return {pid: float(s) for pid, s in zip(self.ids, raw, strict=True) if s > 0}


def rrf(rankings: Sequence[Sequence[str]], weights: Sequence[float]) -> dict[str, float]:
    fused: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, pid in enumerate(ranking):
            fused[pid] = fused.get(pid, 0.0) + weight / (RRF_K + rank + 1)
    return fused


class Retriever:
    def __init__(
        self,
        procedures: Sequence[Procedure],
        embedder: Embedder,
        store: VectorStore,
        dense_weight: float = 1.0,
        lexical_weight: float = 1.0,
    ) -> None:
        self._known = {p.id for p in procedures}
        self._embedder = embedder
        self._store = store
        self.lexical = LexicalIndex(procedures)
        self._weights = (dense_weight, lexical_weight)

    def dense_scores(self, text: str) -> dict[str, float]:
        vector = self._embedder.embed_query(text)
        best: dict[str, float] = {}
        for _cid, sim, meta in self._store.search(vector, DENSE_CHUNKS):
            pid = meta.get("procedure_id", "")
            if pid in self._known and sim > best.get(pid, -1.0):
                best[pid] = sim
        return best

    def search(self, query: Query, k: int = 5) -> list[Hit]:
        dense = self.dense_scores(query.dense_text)
        lexical = self.lexical.scores(query.lexical_text)
        fused = rrf(
            [
                sorted(dense, key=dense.__getitem__, reverse=True),
                sorted(lexical, key=lexical.__getitem__, reverse=True),
            ],
            self._weights,
        )
        hits = [Hit(pid, score, dense.get(pid, 0.0), lexical.get(pid, 0.0)) for pid, score in fused.items()]
        hits.sort(key=lambda h: (h.score, h.dense), reverse=True)
        return hits[:k]


def dense_only(retriever: Retriever, text: str, k: int = 5) -> list[Hit]:
    """The baseline the benchmark compares against: the same embedder and store, nothing else."""
    dense = retriever.dense_scores(text)
    ranked = sorted(dense.items(), key=lambda kv: kv[1], reverse=True)[:k]
    return [Hit(pid, s, s, 0.0) for pid, s in ranked]
