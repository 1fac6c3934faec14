"""Arabizi -> Arabic word accuracy against the DODa v2 Arabizi/Arabic pairs.

Run: .venv/bin/python -m bench.translit_eval [--pairs PATH] [--errors N]
The pairs are CC BY-NC 4.0: this script only reads them from ../shared to print numbers. Nothing
from them may be copied into bot/data, ingest/ or tests.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from collections import Counter
from pathlib import Path

from bot.understand.arabizi import arabizi_to_arabic
from bot.understand.normalize import normalize_arabic

DEFAULT = (
    Path(__file__).resolve().parent.parent.parent
    / "shared/data/darija/doda_v2_ccbync/derived_arabizi_to_arabic_pairs.tsv"
)
_LONG_VOWELS = re.compile("[اوي]")


def _norm(text: str) -> str:
    return normalize_arabic(text).replace(" ", "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=Path, default=DEFAULT)
    parser.add_argument("--errors", type=int, default=0, help="print N random errors")
    args = parser.parse_args()
    with args.pairs.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if " " not in r["arabizi"].strip()]
    exact: Counter[str] = Counter()
    skeleton: Counter[str] = Counter()
    total: Counter[str] = Counter()
    errors: list[tuple[str, str, str]] = []
    for row in rows:
        group = "shorts" if "shorts" in row["source_file"] else "lexicon"
        gold = _norm(row["darija_ar"])
        got = _norm(arabizi_to_arabic(row["arabizi"]))
        total[group] += 1
        exact[group] += got == gold
        skeleton[group] += _LONG_VOWELS.sub("", got) == _LONG_VOWELS.sub("", gold)
        if got != gold:
            errors.append((row["arabizi"], gold, got))
    print(f"{'pairs':<9}{'words':>8}{'exact':>9}{'no-vowel':>10}")
    for group in (*sorted(total), "all"):
        n = sum(total.values()) if group == "all" else total[group]
        e = sum(exact.values()) if group == "all" else exact[group]
        s = sum(skeleton.values()) if group == "all" else skeleton[group]
        print(f"{group:<9}{n:>8}{e / n:>9.1%}{s / n:>10.1%}")
    for arabizi, gold, got in random.Random(0).sample(errors, min(args.errors, len(errors))):
        print(f"  {arabizi:<16} gold {gold:<14} got {got}")


if __name__ == "__main__":
    main()
