"""Build the Darija data the service loads (bot/data/) from permissively licensed sources only.

Run: .venv/bin/python -m ingest lexicon [--shared ../shared/data/darija]

Sources and licences (see bot/data/NOTICE.md, written by this script):
- curated/ (CC0-1.0) and ingest/lexicon_extra.tsv (CC0-1.0, hand-written for Dalil): concepts.
- aaransia_apache2/dictionary.csv (Apache-2.0): extra concepts and spellings.
- doda_mit_2023/sentences.csv (MIT + attribution): Arabizi vocabulary for language detection.
Never reads doda_v2_ccbync/ (CC BY-NC 4.0): nothing derived from it may reach a runtime artefact.

Outputs:
- darija_lexicon.tsv   concepts: id, latin | arabic | msa | french variants, source
- arabizi_words.tsv    Arabizi word -> Arabic-script word (lexicon before character rules)
- arabizi_vocab.txt    Latin Darija words (detection evidence), French words removed
- french_vocab.txt     French words from the lexicons' French columns (detection evidence)
- arabizi_char_map.tsv copy of the curated character rules
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from bot.understand.arabizi import transliterate_rules
from bot.understand.language import AMBIGUOUS_LATIN, DARIJA_LATIN_CORE, FRENCH_CORE, NEUTRAL_LATIN
from bot.understand.normalize import normalize, normalize_arabic

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bot" / "data"
EXTRA = ROOT / "ingest" / "lexicon_extra.tsv"
DEFAULT_SHARED = ROOT.parent / "shared" / "data" / "darija"
COLUMNS = ("id", "type", "latin", "arabic", "msa", "french", "source")
_WORD = re.compile(r"^[a-z0-9]+$")
_FRENCH_TOKEN = re.compile(r"[a-z]+")
_MIN_SENTENCE_COUNT = 3  # a word seen this often in DODa's sentences counts as Darija vocabulary

NOTICE = """# Third-party data in bot/data

Built by `ingest/lexicon.py` (`python -m ingest lexicon`). The runtime reads only this folder.

## Dalil curated lexicon (CC0-1.0)
`curated/` of the project's shared data and `ingest/lexicon_extra.tsv`, written for Dalil.

## Darija Open Dataset (DODa), MIT licence, version of 2023-10-02
This software includes data sourced from Darija Open Dataset.
https://github.com/darija-open-dataset/dataset
Used for: the Arabizi word list `arabizi_vocab.txt` (language detection), from its sentences.
Licence: MIT, Copyright (c) 2020 aissam (full text: `LICENSE-DODa.txt`).

## 3aransia dictionary (Apache-2.0)
Copyright 2019 The 3aransia Authors. All rights reserved.
Source: https://github.com/3aransia/3aransia (aaransia/data/dictionary.csv, commit 8657515).
Licensed under the Apache License, Version 2.0 (full text: `LICENSE-3aransia.txt`); you may not
use this file except in compliance with the License. Rows were filtered and reformatted into
`darija_lexicon.tsv` (source `aaransia`) and `arabizi_words.tsv`.

## Off-topic corpus (CC0-1.0) and ArBanking77 rows (CC BY-SA 4.0)
Not built by this script: attribution and licences in `NOTICE-off-topic.md`.
"""


def split(cell: str | None) -> list[str]:
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [r for r in rows if r.get("id") and not r["id"].startswith("#")]


def similarity(a: str, b: str) -> float:
    """1 - normalised Levenshtein distance."""
    if not a or not b:
        return 0.0
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return 1 - previous[-1] / max(len(a), len(b))


# Arabizi writers use k for ق in loans (btaka) and h for ح (chhal): fold those too.
_SKELETON = str.maketrans({"ط": "ت", "ص": "س", "ض": "د", "ظ": "ز", "ث": "ت", "ذ": "د", "ق": "ك", "ح": "ه",
                           "ا": None, "و": None, "ي": None, "ء": None, "ّ": None})  # fmt: skip


def skeleton(arabic: str) -> str:
    """Consonants only, emphatics folded, article and feminine ending dropped: the part of a
    spelling that Arabizi reliably encodes."""
    word = normalize_arabic(arabic)
    word = word[2:] if word.startswith("ال") else word
    return word.removesuffix("ه").translate(_SKELETON)


def is_frenchish(word: str) -> bool:
    return word in FRENCH_CORE or word in AMBIGUOUS_LATIN or word in NEUTRAL_LATIN


def best_arabic(latin: str, candidates: Iterable[str]) -> str | None:
    """The Arabic variant with the same consonant skeleton and article as the character rules'
    rendering of ``latin`` (closest first); None when no variant is a spelling of this word."""
    guess = normalize_arabic(transliterate_rules(latin))
    matching = [
        c
        for c in candidates
        if " " not in c
        and skeleton(c) == skeleton(guess)
        and normalize_arabic(c).startswith("ال") == guess.startswith("ال")
    ]
    return max(matching, key=lambda c: similarity(guess, normalize_arabic(c)), default=None)


def concepts(shared: Path) -> tuple[list[dict[str, str]], list[tuple[str, str]]]:
    """Curated + extra concepts (merged by id) and the translit-only spelling rows."""
    merged: dict[str, dict[str, list[str]]] = {}
    types: dict[str, str] = {}
    translit: list[tuple[str, str]] = []
    seed = read_tsv(shared / "curated" / "darija_query_expansion_seed.tsv")
    for row in seed + read_tsv(EXTRA):
        if row["type"] == "translit":
            translit += zip(split(row["arabizi_variants"]), split(row["darija_ar"]), strict=True)
            continue
        types.setdefault(row["id"], row["type"])
        entry = merged.setdefault(row["id"], {"latin": [], "arabic": [], "msa": [], "french": []})
        for key, column in (("latin", "arabizi_variants"), ("arabic", "darija_ar"), ("msa", "msa")):
            entry[key] += [v for v in split(row[column]) if v not in entry[key]]
        entry["french"] += [v for v in split(row["french"]) if v not in entry["french"]]
    rows = [
        {"id": cid, "type": types[cid], **{k: "|".join(v) for k, v in e.items()}, "source": "curated"}
        for cid, e in merged.items()
    ]
    return rows, translit


def aaransia_rows(shared: Path, taken: set[str]) -> Iterator[dict[str, str]]:
    """Rows with every column filled whose Arabizi key is a new, non-French word."""
    with (shared / "aaransia_apache2" / "dictionary.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            latin, darija, msa, french = (
                (row.get(k) or "").strip() for k in ("Moroccan", "Moroccan Arabic", "Arabic", "French")
            )
            key = normalize(latin)
            if not (latin and darija and msa and french) or len(key) < 3 or key in taken or is_frenchish(key):
                continue
            taken.add(key)
            yield {"id": f"aa_{key.replace(' ', '_')}", "type": "word", "latin": latin, "arabic": darija, "msa": msa,
                   "french": french.replace("’", "'"), "source": "aaransia"}  # fmt: skip


def translit_pairs(rows: list[dict[str, str]], translit: list[tuple[str, str]]) -> dict[str, str]:
    """Arabizi word -> Arabic word. Hand-written pairs win, then aligned lexicon spellings."""
    pairs: dict[str, str] = {}
    for latin, arabic in translit:
        pairs.setdefault(normalize(latin), arabic)
    for row in rows:
        arabic_variants = split(row["arabic"])
        for latin in split(row["latin"]):
            for key, choice in _aligned_words(normalize(latin), arabic_variants):
                # aaransia writes the article as a bare ل (لمغريب): the rules do better there.
                if row["source"] == "aaransia" and re.match(r"^l[^aeiou]", key):
                    continue
                if key not in pairs and not is_frenchish(key):
                    pairs[key] = choice
    return pairs


def _aligned_words(latin: str, arabic_variants: list[str]) -> list[tuple[str, str]]:
    """Word pairs from one Latin spelling: a single word against the one-word Arabic variants, or
    a phrase word by word against an Arabic variant of the same length (all words must match)."""
    words = latin.split()
    if not all(_WORD.match(w) for w in words):
        return []
    if len(words) == 1:
        choice = best_arabic(words[0], arabic_variants)
        return [(words[0], choice)] if choice else []
    for variant in arabic_variants:
        targets = variant.split()
        if len(targets) == len(words):
            choices = [best_arabic(w, [t]) for w, t in zip(words, targets, strict=True)]
            if all(choices):
                return list(zip(words, choices, strict=True))  # type: ignore[arg-type]
    return []


def doda_words(shared: Path) -> Counter[str]:
    """Frequent words of DODa's Darija sentences. Its word lists are not used: they are full of
    French loans spelled the French way (moteur, guide), which would count as Darija evidence."""
    with (shared / "doda_mit_2023" / "sentences.csv").open(encoding="utf-8", newline="") as f:
        counts = Counter(w for row in csv.DictReader(f) for w in normalize(row.get("darija") or "").split())
    return Counter({w: c for w, c in counts.items() if c >= _MIN_SENTENCE_COUNT})


def vocabularies(shared: Path, rows: list[dict[str, str]], translit: dict[str, str]) -> tuple[list[str], list[str]]:
    french: set[str] = set()
    for row in rows:
        for value in split(row["french"]):
            french.update(w for w in _FRENCH_TOKEN.findall(normalize(value)) if len(w) >= 3)
    doda = set(doda_words(shared))
    # Moroccan terms in the French columns (adoul, moqaddem, caid) are Darija evidence, not French.
    french -= DARIJA_LATIN_CORE | AMBIGUOUS_LATIN | (doda - FRENCH_CORE)
    darija = set(translit) | doda
    for row in rows:
        if row["source"] == "curated":
            darija.update(k for k in map(normalize, split(row["latin"])) if _WORD.match(k))
    darija = {w for w in darija if _WORD.match(w) and len(w) >= 3 and not w.isdigit()}
    darija -= french | FRENCH_CORE | AMBIGUOUS_LATIN | NEUTRAL_LATIN
    return sorted(darija), sorted(french - FRENCH_CORE)


def write_tsv(path: Path, columns: Iterable[str], rows: Iterable[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, list(columns), delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        writer.writeheader()
        writer.writerows(rows)


def build_lexicon(shared: Path = DEFAULT_SHARED) -> None:
    """Write every file of bot/data that this job derives, from the shared data folder."""
    OUT.mkdir(parents=True, exist_ok=True)

    rows, translit_rows = concepts(shared)
    taken = {normalize(v) for r in rows for v in split(r["latin"])}
    rows += list(aaransia_rows(shared, taken))
    translit = translit_pairs(rows, translit_rows)
    darija_vocab, french_vocab = vocabularies(shared, rows, translit)

    write_tsv(OUT / "darija_lexicon.tsv", COLUMNS, rows)
    write_tsv(OUT / "arabizi_words.tsv", ("latin", "arabic"), ({"latin": k, "arabic": v} for k, v in translit.items()))
    (OUT / "arabizi_vocab.txt").write_text("\n".join(darija_vocab) + "\n", encoding="utf-8")
    (OUT / "french_vocab.txt").write_text("\n".join(french_vocab) + "\n", encoding="utf-8")
    shutil.copyfile(shared / "curated" / "arabizi_char_map.tsv", OUT / "arabizi_char_map.tsv")
    shutil.copyfile(shared / "doda_mit_2023" / "LICENSE.txt", OUT / "LICENSE-DODa.txt")
    shutil.copyfile(shared / "aaransia_apache2" / "LICENSE.txt", OUT / "LICENSE-3aransia.txt")
    (OUT / "NOTICE.md").write_text(NOTICE, encoding="utf-8")
    sources = Counter(r["source"] for r in rows)
    print(f"concepts {dict(sources)}, translit pairs {len(translit)}, "
          f"arabizi vocab {len(darija_vocab)}, french vocab {len(french_vocab)} -> {OUT}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    build_lexicon(parser.parse_args().shared)


if __name__ == "__main__":
    main()
