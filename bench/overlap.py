"""How close the knowledge base's citizen questions are to an evaluation set's questions.

    .venv/bin/python -m bench.overlap ../shared/eval/dev.jsonl [--top 15]

Questions in the knowledge base are written by editors, never copied from an evaluation set; this
prints the nearest pairs (character 4-gram Jaccard after normalisation) so a reviewer can check it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.config import get_settings
from bot.evaluate import load_rows
from bot.knowledge.loading import load_knowledge
from bot.understand.normalize import normalize


def grams(text: str, n: int = 4) -> set[str]:
    t = " ".join(normalize(text).split())
    return {t[i : i + n] for i in range(max(len(t) - n + 1, 1))}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(len(a | b), 1)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    kb = load_knowledge(get_settings().knowledge_dir).procedures
    mine = [(p.id, q) for p in kb for lang in ("fr", "ar", "darija") for q in getattr(p.questions, lang)]
    theirs = [(r["id"], r["q"]) for r in load_rows(Path(args.file))]
    their_grams = [(rid, q, grams(q)) for rid, q in theirs]
    pairs = []
    for pid, q in mine:
        g = grams(q)
        rid, rq, score = max(((rid, rq, jaccard(g, rg)) for rid, rq, rg in their_grams), key=lambda x: x[2])
        pairs.append((score, pid, q, rid, rq))
    pairs.sort(reverse=True)
    print(f"{len(mine)} knowledge-base questions against {len(theirs)} evaluation questions")
    for score, pid, q, rid, rq in pairs[: args.top]:
        print(f"{score:.2f}  {pid}: {q}\n      {rid}: {rq}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
