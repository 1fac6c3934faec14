"""Which script should answer a citizen who writes Darija in Latin letters (Arabizi)? The numbers
behind docs/adr/0010-arabizi-answers-in-arabic-script.md.

    .venv/bin/python -m bench.arabizi_script

1. In the team's sets (bench/data, every split: only the words' language is counted, not what is
   asked), how often Latin-script Darija askers mix French words in, and how much.
2. The dev set's style counts (its ``lang`` field only; its questions are not read).
3. In Dalil's short answers to the Latin-script Darija questions of bench/data/aspects.jsonl, the share
   of words that are facts quoted from the knowledge base (MSA) rather than Darija framing: what a
   Latin-script answer would have to transliterate.
4. How lossy that transliteration is: MSA fact words written in Latin letters by the usual Arabizi
   conventions (3=ع, 7=ح, 9=ق, ch=ش…; Arabic script writes no short vowels, so none can be restored),
   then read back by Dalil's own Arabizi reader: the share that comes back as the same word.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.understand.arabizi import arabizi_to_arabic
from bot.understand.language import is_french_word
from bot.understand.normalize import normalize_arabic, normalize_latin

DATA = Path(__file__).resolve().parent / "data"
DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.jsonl"
ARABIC = re.compile(r"[\u0600-\u06ff]")
LATIN_WORD = re.compile(r"[a-zà-ÿœ0-9']+")
ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
# Arabic letter -> the usual Arabizi spelling (curated/arabizi_char_map.tsv read the other way).
TO_LATIN = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "7", "خ": "kh",
    "د": "d", "ذ": "d", "ر": "r", "ز": "z", "س": "s", "ش": "ch", "ص": "s", "ض": "d", "ط": "t", "ظ": "d",
    "ع": "3", "غ": "gh", "ف": "f", "ق": "9", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w",
    "ي": "y", "ى": "a", "ة": "a", "ء": "2", "ؤ": "2", "ئ": "2",
}  # fmt: skip


def latin_darija_rows() -> list[dict]:
    rows = []
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            texts = [t["text"] for t in row.get("turns", [])] or [row.get("text", "")]
            for text in texts:
                if row.get("style") in ("arabizi", "mixed") and text and not ARABIC.search(text):
                    rows.append({"style": row["style"], "text": text, "file": path.name, **row})
    return rows


def code_switching(rows: list[dict]) -> None:
    by_style: Counter[str] = Counter()
    with_french: Counter[str] = Counter()
    tokens: Counter[str] = Counter()
    french: Counter[str] = Counter()
    for row in rows:
        words = LATIN_WORD.findall(row["text"].lower())
        found = [w for w in words if is_french_word(normalize_latin(w)) or re.search("[à-ÿœ]", w)]
        for key in (row["style"], "all"):
            by_style[key] += 1
            with_french[key] += bool(found)
            tokens[key] += len(words)
            french[key] += len(found)
    print("1. Latin-script Darija questions in bench/data (all files, all splits): French words in them")
    for key in ("arabizi", "mixed", "all"):
        print(
            f"   {key:<8} {by_style[key]:>5} questions; with at least one French word "
            f"{with_french[key] / by_style[key]:.2f}; French share of their words {french[key] / tokens[key]:.2f}"
        )


def dev_styles() -> None:
    if not DEV.exists():
        return
    styles = Counter(json.loads(line).get("lang") for line in DEV.read_text(encoding="utf-8").splitlines() if line)
    print("2. dev set styles (counts only):", ", ".join(f"{k} {v}" for k, v in sorted(styles.items())))


def answer_shares(rows: list[dict]) -> list[str]:
    """Share of an answer's words quoted from the knowledge base; returns those fact words."""
    from bot.app import build
    from bot.config import get_settings

    with tempfile.TemporaryDirectory() as tmp:
        dalil = build(get_settings(database_url=f"sqlite:///{Path(tmp) / 'b.sqlite3'}"))
        questions = [r for r in rows if r["file"] == "aspects.jsonl"]
        fact_words: list[str] = []
        total = quoted = 0
        for row in questions:
            answer = dalil.answer(row["text"], None, None, "eval")
            if answer.status.value != "answered":
                continue
            words = ARABIC_WORD.findall(answer.text)
            facts = set()
            for q in answer.trace.get("quoted", []):
                proc = dalil.procedure(q["procedure"])
                fact = proc.facts(q["field"])[q["item"]] if proc else None
                facts |= set(ARABIC_WORD.findall(fact.ar)) if fact else set()
            in_facts = [w for w in words if w in facts]
            total += len(words)
            quoted += len(in_facts)
            fact_words += in_facts
    print(
        f"3. Dalil's short answers to {len(questions)} Latin-script Darija aspect questions: "
        f"{quoted / max(total, 1):.2f} of their Arabic-script words are quoted facts (MSA), "
        f"{1 - quoted / max(total, 1):.2f} framing"
    )
    return fact_words


def round_trip(words: list[str]) -> None:
    distinct = sorted(set(words))
    back = sum(
        normalize_arabic(arabizi_to_arabic("".join(TO_LATIN.get(c, c) for c in w))) == normalize_arabic(w)
        for w in distinct
    )
    print(
        f"4. MSA fact words written in Arabizi letters and read back: {back / max(len(distinct), 1):.2f} of "
        f"{len(distinct)} distinct words come back unchanged"
    )


def main() -> int:
    rows = latin_darija_rows()
    code_switching(rows)
    dev_styles()
    round_trip(answer_shares(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
