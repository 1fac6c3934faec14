"""``python -m ingest check|build`` — validate the knowledge base, or (re)build the index."""

from __future__ import annotations

import argparse
import sys

from bot.config import get_settings
from ingest.loaders import load_knowledge


def check(knowledge_dir: str | None = None) -> int:
    settings = get_settings()
    folder = settings.knowledge_dir if knowledge_dir is None else type(settings.knowledge_dir)(knowledge_dir)
    result = load_knowledge(folder)
    for err in result.errors:
        print(f"ERROR {err}", file=sys.stderr)
    print(f"{len(result.procedures)} procedures valid, {len(result.errors)} errors in {folder}")
    return 1 if result.errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_check = sub.add_parser("check", help="validate every knowledge file")
    p_check.add_argument("--dir", default=None)
    sub.add_parser("build", help="build or update the search index")
    args = parser.parse_args(argv)
    if args.cmd == "check":
        return check(args.dir)
    from ingest.indexer import build_index

    report = build_index(get_settings())
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
