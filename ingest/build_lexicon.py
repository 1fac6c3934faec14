"""Build the Darija lexicons the service loads (bot/data/) from permissively licensed sources.

Run: .venv/bin/python -m ingest.build_lexicon [--shared ../shared/data/darija]
Sources: curated/ (CC0), ingest/lexicon_extra.tsv (CC0, hand-written for Dalil).
Never reads doda_v2_ccbync/ (CC BY-NC): nothing under it may reach a runtime artefact.
"""

from __future__ import annotations

import argparse
import csv
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bot" / "data"
DEFAULT_SHARED = ROOT.parent / "shared" / "data" / "darija"
COLUMNS = ("id", "latin", "arabic", "msa", "french", "source")


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f, delimiter="\t") if not (row.get("id") or "").startswith("#")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    rows = [
        {
            "id": r["id"],
            "latin": r["arabizi_variants"],
            "arabic": r["darija_ar"],
            "msa": r["msa"],
            "french": r["french"],
            "source": "curated",
        }
        for r in read_tsv(args.shared / "curated" / "darija_query_expansion_seed.tsv")
    ]
    with (OUT / "darija_lexicon.tsv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    shutil.copyfile(args.shared / "curated" / "arabizi_char_map.tsv", OUT / "arabizi_char_map.tsv")
    print(f"{len(rows)} concepts -> {OUT / 'darija_lexicon.tsv'}")


if __name__ == "__main__":
    main()
