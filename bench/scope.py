"""The scope decision on messages held out of its training, per style.

- **Off-topic, unseen topics**: the off-topic corpus's topics are split in folds; each fold's topics
  are left out of training and their messages asked (abstention wanted).
- **Near-domain, unseen procedures**: the same for the near-domain corpus's procedures
  (``not_covered`` wanted, or at least no card); **opinions** by kind.
- **False abstention**: the knowledge base's citizens' questions held out by the folds of
  ``bench/kfold.py`` (removed from the training and from the search indexes), asked as a citizen would.
- Then, trained on everything: ``bench/data/scope_novel_topics.jsonl`` (18 topics absent from every
  corpus) and ``bench/data/near_domain.jsonl`` (procedures not in the knowledge base), all rows, and the
  other side of the trade: the tune split's in-scope questions (aspects, clarify, voice questions),
  by the scope decision alone (the pipeline also keeps a message naming a family of procedures).
- A table of ``DALIL_SCOPE_MIN_OURS`` values: what each would give on the k-fold and the tune split.

The decision is the pipeline's own (``bot.answer.boundaries.scope_decision``) over the model's
probabilities and the retrieval hits.

    .venv/bin/python -m bench.scope [--folds 5] [--misses N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.answer.boundaries import ScopeVerdict, scope_decision
from bot.app import SearchParts, search_parts
from bot.config import Settings, get_settings
from bot.knowledge.loading import load_knowledge
from bot.search.embedding_cache import EmbeddingCache
from bot.search.heldout import StoreView, held_out
from bot.search.heldout import fold_of as _fold
from bot.search.heldout import style_of as _style
from bot.search.query import prepare_query
from bot.search.retriever import Retriever
from bot.search.scope_examples import (
    QUERY_CACHE,
    embed_examples,
    example_vectors,
    scope_examples,
    scope_text,
    train_scope,
)
from bot.search.scope_signals import CALIBRATION, FEATURES, Calibration, ScopeSignals
from bot.understand.language import detect
from bot.understand.scope import Example, ScopeModel

DATA = Path(__file__).resolve().parent / "data"
STYLES = ("fr", "ar", "darija", "arabizi", "mixed", "voice")


@dataclass
class Asked:
    example: Example
    style: str
    fold: int
    probabilities: dict[str, float]
    features: list[float]
    top: str
    ms: float = 0.0  # what the scope decision added to the answer: model, signals (retrieval is shared)
    ours: float = 0.0  # filled by a calibration fitted without this message's fold

    def verdict(self, settings: Settings) -> ScopeVerdict:
        return scope_decision(self.ours, self.probabilities, settings)


def fold_of(example: Example, folds: int) -> int:
    """Knowledge-base questions by bench/kfold.py's folds (names always stay); corpora by group."""
    if example.label == "kb":
        return -1 if example.style == "name" else _fold(example.text, folds)
    return int(hashlib.sha256(example.group.encode()).hexdigest(), 16) % folds


def style_of(example: Example) -> str:
    return _style(example.style, example.text) if example.label == "kb" else example.style


def ask(retriever: Retriever, signals: ScopeSignals, model: ScopeModel, example: Example, fold: int) -> Asked:
    query = prepare_query(example.text, detect(example.text))
    vector = retriever.embed(query)
    hits = retriever.search(query, k=5, vector=vector)
    started = time.perf_counter()
    probabilities = model.probabilities(query.names_text, vector)
    features = signals.features(query, probabilities, hits)
    Calibration(tuple([0.0] * len(features)), 0.0).probability(features)  # its cost, not its value
    ms = (time.perf_counter() - started) * 1000
    top = hits[0].procedure_id if hits else ""
    return Asked(example, style_of(example), fold, probabilities, features, top, ms)


def held_out_runs(search: SearchParts, folds: int) -> list[Asked]:
    """Every example of a fold asked of a scope model and a retriever built without that fold."""
    procedures = load_knowledge(search.settings.knowledge_dir).procedures
    examples = scope_examples(procedures)
    cache = EmbeddingCache(search.settings.embedding_cache_path, search.embedder.name, QUERY_CACHE)
    embed_examples(examples, search.embedder, cache)
    vectors = example_vectors(examples, cache)
    which = np.array([fold_of(e, folds) for e in examples])
    out: list[Asked] = []
    for fold in range(folds):
        kept, _rows, drop = held_out(procedures, fold, folds)
        retriever = Retriever(kept, search.embedder, StoreView(search.store, search.store.ids() - drop))  # type: ignore[arg-type]
        train = np.flatnonzero(which != fold)
        texts = [scope_text(examples[i].text) for i in train]
        model = ScopeModel(texts, vectors[train], [examples[i].label for i in train])
        signals = ScopeSignals(kept)
        out += [ask(retriever, signals, model, examples[i], fold) for i in np.flatnonzero(which == fold)]
    return out


def fit_calibration(runs: list[Asked]) -> Calibration:
    x = np.asarray([r.features for r in runs])
    y = np.asarray([r.example.label == "kb" for r in runs])
    model = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    return Calibration(tuple(float(c) for c in model.coef_[0]), float(model.intercept_[0]))


def calibrate_held_out(runs: list[Asked], folds: int) -> None:
    """Each run's ``ours`` from a calibration fitted on the other folds' runs only."""
    for fold in range(folds):
        calibration = fit_calibration([r for r in runs if r.fold != fold])
        for run in runs:
            if run.fold == fold:
                run.ours = calibration.probability(run.features)


def bench_rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def team_sets(search: SearchParts, calibration: Calibration) -> list[Asked]:
    """The team's held-out sets, through a scope model trained on every example."""
    procedures = load_knowledge(search.settings.knowledge_dir).procedures
    examples = scope_examples(procedures)
    cache = EmbeddingCache(search.settings.embedding_cache_path, search.embedder.name, QUERY_CACHE)
    model = train_scope(examples, cache)
    retriever, signals = Retriever(procedures, search.embedder, search.store), ScopeSignals(procedures)
    out = []
    sets = (("scope_novel_topics.jsonl", "off", "topic"), ("near_domain.jsonl", "near", "procedure"))
    examples = [
        Example(row["text"], label, f"{name}:{row[group]}", row["style"])  # type: ignore[arg-type]
        for name, label, group in sets
        for row in bench_rows(name)
    ]
    examples += [
        Example(row["text"], "kb", f"{name}:tune", row.get("style") or row["lang"])
        for name in TUNE_IN_SCOPE
        for row in bench_rows(name)
        if row.get("split") == "tune"
    ]
    for example in examples:
        run = ask(retriever, signals, model, example, -1)
        run.ours = calibration.probability(run.features)
        out.append(run)
    return out


TUNE_IN_SCOPE = ("aspects.jsonl", "clarify.jsonl", "voice_questions.jsonl")
TUNE_TITLE = "tune split's in-scope questions (aspects, clarify, voice): kept"
THRESHOLDS = (0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2, 0.25, 0.3)
WANTED = {"kb": ("in",), "off": ("off", "near", "opinion"), "near": ("near",), "opinion": ("opinion",)}
TITLES = {
    "kb": "knowledge-base questions held out: kept (1 - false abstention)",
    "off": "off-topic, topics held out: abstained",
    "near": "near-domain, procedures held out: not_covered",
    "opinion": "opinion requests, kinds held out: declined",
}


def report(runs: list[Asked], settings: Settings, title: str, misses: int) -> None:
    cells: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    missed: list[str] = []
    for run in runs:
        label, verdict = run.example.label, run.verdict(settings)
        team = run.example.group.split(":")[0] if ":" in run.example.group else ""
        checks = [(TITLES[label], verdict.kind in WANTED[label])] if not team else []
        if team == "scope_novel_topics.jsonl":
            checks = [("scope_novel_topics.jsonl (18 unseen topics): abstained", verdict.kind != "in")]
        elif team == "near_domain.jsonl":
            checks = [
                ("near_domain.jsonl: no card (any abstention)", verdict.kind != "in"),
                ("near_domain.jsonl: not_covered", verdict.kind == "near"),
            ]
        elif team in TUNE_IN_SCOPE:
            checks = [(TUNE_TITLE, verdict.kind == "in")]
        elif label in ("near", "opinion"):
            checks.append((f"{TITLES[label].split(':')[0]}: no card", verdict.kind != "in"))
        for name, ok in checks:
            for style in (run.style, "all"):
                cells[name][style][0] += ok
                cells[name][style][1] += 1
        if not checks[0][1] and not team and len(missed) < misses:
            missed.append(f"  [{label}] {run.example.text[:90]} -> {verdict.kind} ({verdict.reason}) top={run.top}")
    print(f"== {title} ==")
    print("| set | " + " | ".join((*STYLES, "all")) + " |")
    print("|---" * (len(STYLES) + 2) + "|")
    for name, per_style in cells.items():
        row = [f"{c[0] / c[1]:.3f} ({c[0]}/{c[1]})" if (c := per_style.get(s)) else "-" for s in (*STYLES, "all")]
        print(f"| {name} | " + " | ".join(row) + " |")
    print("\n".join(missed))


def tradeoffs(runs: list[Asked], team: list[Asked]) -> None:
    """What each threshold would give: the numbers to choose ``DALIL_SCOPE_MIN_OURS`` by."""
    tune = [r.ours for r in team if r.example.group.split(":")[0] in TUNE_IN_SCOPE]
    off = [r.ours for r in runs if r.example.label == "off"]
    kb = [r.ours for r in runs if r.example.label == "kb"]
    columns = ("off-topic, unseen topics: abstained", "KB questions: false abstention", "tune in-scope: kept")
    print("| DALIL_SCOPE_MIN_OURS | " + " | ".join(columns) + " |")
    print("|---|---|---|---|")
    for t in THRESHOLDS:
        rates = [np.mean([o < t for o in off]), np.mean([o < t for o in kb]), np.mean([o >= t for o in tune])]
        print(f"| {t} | " + " | ".join(f"{x:.3f}" for x in rates) + " |")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--misses", type=int, default=0, help="list this many misses of the k-fold (never the team's)")
    parser.add_argument("--fit", action="store_true", help=f"fit the calibration, write bot/data/{CALIBRATION}")
    parser.add_argument("--runs", type=Path, help="keep the held-out runs in this file and reuse them (tuning)")
    args = parser.parse_args()
    search = search_parts(get_settings())
    search.embedder.embed_query("warm up")
    started = time.perf_counter()
    if args.runs and args.runs.exists():
        runs = pickle.loads(args.runs.read_bytes())
    else:
        runs = held_out_runs(search, args.folds)
        if args.runs:
            args.runs.write_bytes(pickle.dumps(runs))
    calibrate_held_out(runs, args.folds)
    report(runs, search.settings, f"held out of training ({args.folds}-fold)", args.misses)
    if not args.fit:
        calibration = Calibration.shipped()
    else:
        calibration = fit_calibration(runs)
        path = Path(__file__).resolve().parent.parent / "bot" / "data" / CALIBRATION
        data = {
            "features": FEATURES,
            "coef": calibration.coef,
            "intercept": calibration.intercept,
            "fitted_on": f"bench/scope.py --fit: {len(runs)} messages held out of the scope model's training",
        }
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    print()
    team = team_sets(search, calibration)
    report(team, search.settings, "the team's sets (never trained on)", 0)
    tradeoffs(runs, team)
    ms = sorted(r.ms for r in runs + team)
    print(f"scope decision added per message: p50 {ms[len(ms) // 2]:.2f} ms, p95 {ms[int(0.95 * len(ms))]:.2f} ms")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
