"""Style-detection accuracy on the development set: per-style accuracy and a confusion matrix.

Run: .venv/bin/python -m bench.language_eval [--data ../shared/eval/dev.jsonl] [--errors]
Measures only: never copy its questions into word lists, rules or tests.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from bot.understand.language import detect

STYLES = ("fr", "ar", "darija", "arabizi", "mixed")
ANSWER = {"fr": "fr", "ar": "ar", "darija": "darija", "arabizi": "darija", "mixed": "darija"}
DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--errors", action="store_true", help="print the misdetected answer languages")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    confusion: Counter[tuple[str, str]] = Counter()
    for row in rows:
        found = detect(row["q"])
        confusion[row["lang"], found.style] += 1
        if args.errors and found.answer_lang != ANSWER[row["lang"]]:
            print(f"  {row['id']} {row['lang']} -> {found}")
    print(f"{'gold/found':<11}" + "".join(f"{s:>9}" for s in STYLES) + f"{'style':>9}{'answer':>9}")
    for gold in STYLES:
        total = sum(confusion[gold, s] for s in STYLES)
        style_ok = confusion[gold, gold] / total if total else 0.0
        answer_ok = sum(confusion[gold, s] for s in STYLES if ANSWER[s] == ANSWER[gold]) / total if total else 0.0
        cells = "".join(f"{confusion[gold, s]:>9}" for s in STYLES)
        print(f"{gold:<11}{cells}{style_ok:>9.1%}{answer_ok:>9.1%}")


if __name__ == "__main__":
    main()
