"""``python -m ingest check|index|lexicon|stats``: the jobs over the knowledge base.

- ``check``: validate every knowledge file (``make check``; exit 1 when one is broken);
- ``index``: build or update the search index (what ``dalil ingest`` runs);
- ``lexicon``: rebuild the Darija data in ``bot/data`` from the shared data folder;
- ``stats``: procedures per category, fields filled, sources by tier.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.config import get_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_check = sub.add_parser("check", help="validate every knowledge file")
    p_check.add_argument("--dir", default=None)
    sub.add_parser("index", aliases=["build"], help="build or update the search index")
    p_lexicon = sub.add_parser("lexicon", help="rebuild the Darija data in bot/data")
    p_lexicon.add_argument("--shared", type=Path, default=None)
    sub.add_parser("stats", help="procedures per category, fields filled, sources by tier")
    args = parser.parse_args(argv)
    knowledge_dir = get_settings().knowledge_dir
    if args.cmd == "check":
        from ingest.check import check

        return check(Path(args.dir) if args.dir else knowledge_dir)
    if args.cmd == "stats":
        from ingest.check import stats

        return stats(knowledge_dir)
    if args.cmd == "lexicon":
        from ingest.lexicon import DEFAULT_SHARED, build_lexicon

        build_lexicon(args.shared or DEFAULT_SHARED)
        return 0
    from ingest.index import run_index

    report = run_index(get_settings())
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
