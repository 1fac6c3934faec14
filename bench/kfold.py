"""Retrieval on the knowledge base's own citizens' questions, held out by folds: a second measure
beside the dev set, twenty times larger (about 2,000 questions; 32 per style in the dev set make one
question worth 3 points of hit@1, so the dev set alone cannot tell a real gain from noise).

Each fold's questions are removed from the BM25 documents and from the dense index, then asked as a
citizen would; the rest of the knowledge base (official texts, names, other questions) stays. The
questions were written to tell neighbouring procedures apart, so this set is easier than citizens'
own messages: read it for differences between two settings, not as the expected score.

    .venv/bin/python -m bench.kfold [--folds 5]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.retrieval import Rank, print_side_by_side, score
from bot.app import SearchParts, search_parts
from bot.config import get_settings
from bot.knowledge.chunking import chunk_id
from bot.knowledge.loading import load_knowledge
from bot.knowledge.schema import ARABIC_RE, Procedure
from bot.ports import VectorStore
from bot.search.query import prepare_query
from bot.search.retriever import Retriever, dense_only
from bot.understand.language import detect


class _Without:
    """The serving vector store less some chunks (only what the retriever reads)."""

    def __init__(self, store: VectorStore, drop: set[str]) -> None:
        self._store, self._drop = store, drop

    def export(self) -> tuple[list[str], list[list[float]], list[dict[str, str]]]:
        ids, vectors, metas = self._store.export()
        keep = [i for i, cid in enumerate(ids) if cid not in self._drop]
        return [ids[i] for i in keep], [vectors[i] for i in keep], [metas[i] for i in keep]


def _fold(text: str, folds: int) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest(), 16) % folds


def _style(lang: str, text: str) -> str:
    if lang != "darija":
        return lang
    if ARABIC_RE.search(text):
        return "darija"
    return "mixed" if detect(text).style == "mixed" else "arabizi"


def held_out(procedures: list[Procedure], fold: int, folds: int) -> tuple[list[Procedure], list[dict], set[str]]:
    """The procedures without this fold's questions, the questions as eval rows, their chunk ids."""
    kept: list[Procedure] = []
    rows: list[dict] = []
    drop: set[str] = set()
    for proc in procedures:
        questions = {}
        for lang in ("fr", "ar", "darija"):
            mine = getattr(proc.questions, lang)
            out = [q for q in mine if _fold(q, folds) == fold]
            questions[lang] = [q for q in mine if q not in out]
            for q in out:
                rows.append({"q": q, "lang": _style(lang, q), "expected": [proc.id], "kind": "single"})
                drop.add(chunk_id(proc.id, lang, "question", q))
        kept.append(proc.model_copy(update={"questions": proc.questions.model_copy(update=questions)}))
    return kept, rows, drop


Totals = dict[str, tuple[defaultdict, list[float]]]


def kfold_scores(search: SearchParts, folds: int = 5, baseline: bool = True) -> Totals:
    """Per run ("Dalil hybrid", "dense-only baseline"): per-style [n, hit@1, hit@3, rr] and latencies."""
    procedures = load_knowledge(search.settings.knowledge_dir).procedures
    search.embedder.embed_query("warm up")
    totals: Totals = {}
    for fold in range(folds):
        kept, rows, drop = held_out(procedures, fold, folds)
        retriever = Retriever(kept, search.embedder, _Without(search.store, drop))  # type: ignore[arg-type]

        def hybrid(q: str, r: Retriever = retriever) -> list[str]:
            return [h.procedure_id for h in r.search(prepare_query(q, detect(q)), k=5)]

        def dense(q: str, r: Retriever = retriever) -> list[str]:
            return [h.procedure_id for h in dense_only(r, q, k=5)]

        runs: list[tuple[str, Rank]] = [("Dalil hybrid", hybrid)]
        if baseline:
            runs.append(("dense-only baseline", dense))
        for name, rank in runs:
            acc, lat = score(rows, rank)
            total_acc, total_lat = totals.setdefault(name, (defaultdict(lambda: [0, 0, 0, 0.0]), []))
            for style, values in acc.items():
                total_acc[style] = [t + v for t, v in zip(total_acc[style], values, strict=True)]
            total_lat.extend(lat)
    return totals


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    print_side_by_side(kfold_scores(search_parts(get_settings()), args.folds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
