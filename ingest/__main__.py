"""``python -m ingest check|build`` — validate the knowledge base, or (re)build the index."""

from __future__ import annotations

import argparse
import sys

from bot.config import get_settings
from bot.knowledge.loading import load_knowledge


def check(knowledge_dir: str | None = None) -> int:
    settings = get_settings()
    folder = settings.knowledge_dir if knowledge_dir is None else type(settings.knowledge_dir)(knowledge_dir)
    result = load_knowledge(folder)
    for err in result.errors:
        print(f"ERROR {err}", file=sys.stderr)
    print(f"{len(result.procedures)} procedures valid, {len(result.errors)} errors in {folder}")
    return 1 if result.errors else 0


def stats() -> int:
    """How many procedures fill each field: where the knowledge base is thin."""
    from bot.knowledge.schema import FACT_FIELDS

    result = load_knowledge(get_settings().knowledge_dir)
    total = len(result.procedures)
    print(f"{total} procedures")
    for name in ("documents", "steps", "fees", "delay", "where", "online", "notes"):
        filled = sum(getattr(p, name) is not None for p in result.procedures)
        print(f"  {name:<10} {filled:>3} / {total}")
    strong = sum(any(p.provenance[f].tier in ("A", "B") for f in FACT_FIELDS if f in p.provenance)
                 for p in result.procedures)
    print(f"  with at least one tier A/B fact: {strong} / {total}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_check = sub.add_parser("check", help="validate every knowledge file")
    p_check.add_argument("--dir", default=None)
    sub.add_parser("build", help="build or update the search index")
    sub.add_parser("stats", help="how many procedures fill each field")
    args = parser.parse_args(argv)
    if args.cmd == "check":
        return check(args.dir)
    if args.cmd == "stats":
        return stats()
    from ingest.index import run_index

    report = run_index(get_settings())
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
