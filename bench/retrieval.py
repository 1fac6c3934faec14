"""Retrieval benchmark: the dev set through Dalil's hybrid retrieval and through a plain dense-only
baseline (same embedder, same knowledge base, same index), side by side in one run.

    .venv/bin/python bench/retrieval.py ../shared/eval/dev.jsonl [--components]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import search_parts
from bot.config import get_settings
from bot.evaluate import STYLES, load_rows, percentile
from bot.search.query import prepare_query
from bot.search.retriever import dense_only
from bot.search.served import load_kb
from bot.understand.language import detect

Rank = Callable[[str], list[str]]


def score(rows: list[dict], rank: Rank) -> tuple[dict[str, list[float]], list[float]]:
    """Per style: [n, hit@1, hit@3, rr]; plus latencies in ms. In-scope single questions only."""
    acc: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0, 0.0])
    lat: list[float] = []
    for row in rows:
        if row["kind"] == "out_of_scope" or row.get("turn", 1) > 1:
            continue
        t0 = time.perf_counter()
        ranked = rank(row["q"])
        lat.append((time.perf_counter() - t0) * 1000)
        pos = next((i for i, pid in enumerate(ranked) if pid in row["expected"]), None)
        a = acc[row["lang"]]
        a[0] += 1
        a[1] += pos == 0
        a[2] += pos is not None and pos < 3
        a[3] += 1 / (pos + 1) if pos is not None else 0
    return acc, lat


def table(name: str, acc: dict[str, list[float]], lat: list[float]) -> list[str]:
    lines = [f"-- {name} --", f"{'style':<9}{'n':>4}{'hit@1':>8}{'hit@3':>8}{'MRR':>8}"]
    total = [0, 0, 0, 0.0]
    for style in STYLES:
        n, h1, h3, rr = acc.get(style, [0, 0, 0, 0.0])
        total = [t + v for t, v in zip(total, (n, h1, h3, rr), strict=True)]
        if n:
            lines.append(f"{style:<9}{n:>4}{h1 / n:>8.3f}{h3 / n:>8.3f}{rr / n:>8.3f}")
    n = max(total[0], 1)
    lines.append(f"{'all':<9}{total[0]:>4}{total[1] / n:>8.3f}{total[2] / n:>8.3f}{total[3] / n:>8.3f}")
    lines.append(f"latency p50 {statistics.median(lat):.1f} ms, p95 {percentile(lat, 95):.1f} ms")
    return lines


def print_side_by_side(results: dict[str, tuple[dict[str, list[float]], list[float]]]) -> None:
    """One table per run, side by side, then Dalil's hit@1 as a multiple of the baseline's."""
    blocks = [table(name, *res) for name, res in results.items()]
    for line_group in zip(*[b + [""] * (max(map(len, blocks)) - len(b)) for b in blocks], strict=True):
        print("   ".join(f"{cell:<42}" for cell in line_group))
    h = results["Dalil hybrid"][0]
    b = results["dense-only baseline"][0]
    for style in STYLES:
        if style in h and b[style][1]:
            print(f"hit@1 ratio {style}: {h[style][1] / b[style][1]:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--components", action="store_true", help="also rank with BM25 alone")
    args = parser.parse_args()
    search = search_parts(get_settings())
    kb = load_kb(search.settings, search.embedder, search.store)
    search.embedder.embed_query("warm up")
    rows = load_rows(Path(args.file))
    retriever = kb.retriever

    def hybrid(q: str) -> list[str]:
        return [h.procedure_id for h in retriever.search(prepare_query(q, detect(q)), k=5)]

    def baseline(q: str) -> list[str]:
        return [h.procedure_id for h in dense_only(retriever, q, k=5)]

    runs: list[tuple[str, Rank]] = [("Dalil hybrid", hybrid), ("dense-only baseline", baseline)]
    if args.components:

        def lexical(q: str) -> list[str]:
            scores = retriever.lexical.search(prepare_query(q, detect(q)).lexical_text)
            return sorted(scores, key=scores.__getitem__, reverse=True)[:5]

        runs.append(("BM25 only (with Darija expansion)", lexical))
    print_side_by_side({name: score(rows, rank) for name, rank in runs})
    return 0


if __name__ == "__main__":
    sys.exit(main())
