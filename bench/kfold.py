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
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.retrieval import Rank, print_side_by_side, score
from bot.app import SearchParts, search_parts
from bot.config import get_settings
from bot.knowledge.loading import load_knowledge
from bot.search.heldout import StoreView, chunk_ids, held_out
from bot.search.query import prepare_query
from bot.search.retriever import Retriever, dense_only
from bot.understand.language import detect

Totals = dict[str, tuple[defaultdict, list[float]]]


def kfold_scores(search: SearchParts, folds: int = 5, baseline: bool = True) -> Totals:
    """Per run ("Dalil hybrid", "dense-only baseline"): per-style [n, hit@1, hit@3, rr] and latencies."""
    procedures = load_knowledge(search.settings.knowledge_dir).procedures
    search.embedder.embed_query("warm up")
    totals: Totals = {}
    for fold in range(folds):
        kept, rows, drop = held_out(procedures, fold, folds)
        view = StoreView(search.store, chunk_ids(procedures) - drop)
        retriever = Retriever(kept, search.embedder, view)  # type: ignore[arg-type]

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
