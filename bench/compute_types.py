"""What each CTranslate2 compute type costs and gives for the e5-ct2 embedder, on this machine.

For every type CTranslate2 supports here (or those named), in a fresh process and a fresh data folder:
cold index time (model conversion included), dev-set and k-fold hit@1 per style, retrieval p50/p95,
resident memory after loading and the peak. The table chose ``EMBEDDER_ORDER`` in
``bot/adapters/compute.py`` (README, ADR 0005).

    .venv/bin/python -m bench.compute_types [--types int16 float32] [--dev ../shared/eval/dev.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.retrieval import score
from bot.adapters.compute import supported_compute_types
from bot.evaluate import STYLES, load_rows, percentile

CANDIDATES = ("int16", "float32", "int8_float32", "int8")


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def inner(dev: Path) -> dict[str, object]:
    """One type, measured in this process (the environment names the type and the folders)."""
    from bench.kfold import kfold_scores
    from bot.app import search_parts
    from bot.config import get_settings
    from bot.search.query import prepare_query
    from bot.search.served import load_kb
    from bot.understand.language import detect

    search = search_parts(get_settings())
    kb = load_kb(search.settings, search.embedder, search.store)
    search.embedder.embed_query("warm up")
    rss = _rss_mb()

    def rank(q: str) -> list[str]:
        return [h.procedure_id for h in kb.retriever.search(prepare_query(q, detect(q)), k=5)]

    acc, lat = score(load_rows(dev), rank)
    folds = kfold_scores(search, baseline=False)["Dalil hybrid"][0]
    return {
        "dev": {s: v[1] / v[0] for s, v in acc.items() if v[0]} | {"all": _all(acc)},
        "kfold": {s: v[1] / v[0] for s, v in folds.items() if v[0]} | {"all": _all(folds)},
        "p50": percentile(lat, 50),
        "p95": percentile(lat, 95),
        "rss_mb": rss,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _all(acc: dict[str, list[float]]) -> float:
    n = sum(v[0] for v in acc.values())
    return sum(v[1] for v in acc.values()) / max(n, 1)


def measure(compute_type: str, dev: Path, root: Path) -> dict[str, object]:
    folder = root / compute_type
    env = os.environ | {
        "DALIL_EMBEDDER": "e5-ct2",
        "DALIL_EMBEDDER_COMPUTE_TYPE": compute_type,
        "DALIL_DATA_DIR": str(folder),
        "DALIL_MODEL_DIR": str(folder / "models"),
        "DALIL_EMBEDDING_CACHE_DIR": str(folder / "cache"),
    }
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bot.cli", "ingest"], env=env, check=True, capture_output=True)
    cold = time.perf_counter() - started
    out = subprocess.run(
        [sys.executable, "-m", "bench.compute_types", "--inner", "--dev", str(dev)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return {"type": compute_type, "cold_index_s": cold, **json.loads(out.strip().splitlines()[-1])}


def render(results: list[dict]) -> str:
    head = [
        "type",
        "cold index s",
        *(f"dev {s}" for s in [*STYLES, "all"]),
        *(f"kfold {s}" for s in [*STYLES, "all"]),
        "p50 ms",
        "p95 ms",
        "RSS MB",
        "peak MB",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        cells = [r["type"], f"{r['cold_index_s']:.0f}"]
        cells += [f"{r['dev'].get(s, 0):.3f}" for s in [*STYLES, "all"]]
        cells += [f"{r['kfold'].get(s, 0):.3f}" for s in [*STYLES, "all"]]
        cells += [f"{r['p50']:.1f}", f"{r['p95']:.1f}", f"{r['rss_mb']:.0f}", f"{r['peak_mb']:.0f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--types", nargs="+", default=None)
    parser.add_argument("--dev", type=Path, default=Path(__file__).resolve().parents[2] / "shared/eval/dev.jsonl")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        print(json.dumps(inner(args.dev)))
        return 0
    supported = supported_compute_types("cpu")
    types = [t for t in (args.types or CANDIDATES) if t in supported]
    print(f"CPU offers {sorted(supported)}; measuring {types}", flush=True)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for compute_type in types:
            results.append(measure(compute_type, args.dev, Path(tmp)))
            print(render(results[-1:]).splitlines()[-1], flush=True)
    print(render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
