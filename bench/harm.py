"""The learned harmful-intent model (bot/understand/harm_model.py) on what it was not trained on.

- **Held-out templates**: the corpus rows marked ``heldout`` (whole templates, never trained on):
  harmful ones flagged, lawful look-alikes not, per style and category.
- **The knowledge base's own questions**, held out by the folds of ``bench/kfold.py`` (each fold's
  procedures' questions removed from the lawful side of the training): flagged = a false refusal.
- The team's sets (``--split``, tune by default): the in-scope questions of aspects, clarify and
  follow-ups (flagged = a false refusal) and the red team's must-refuse prompts (flagged = caught),
  embedded as the pipeline embeds a message.
- The threshold table and the cost of one decision.

    .venv/bin/python -m bench.harm [--folds 5] [--split tune|test|all]
    .venv/bin/python -m bench.harm --writers [bench.harm_writers' options]

``--writers`` runs ``bench/harm_writers.py``: the character n-gram reader (bot/understand/harm_reader.py)
and the rules, each writer of the red team left out in turn — the bar a learned reader must pass to be served.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.scope import fold_of
from bot.app import search_parts
from bot.config import get_settings
from bot.knowledge.loading import load_knowledge
from bot.search.embedding_cache import EmbeddingCache
from bot.search.scope_examples import QUERY_CACHE, embed_examples, example_vectors, kb_examples, scope_text
from bot.understand.harm_model import HarmModel, intent_examples
from bot.understand.scope import Example

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
THRESHOLD = 0.8  # the per-class breakdown's


def _model(examples: list[Example], vectors: np.ndarray) -> HarmModel:
    return HarmModel([scope_text(e.text) for e in examples], vectors, [e.label for e in examples])


def _rate(probabilities: list[float], threshold: float) -> str:
    flagged = sum(p >= threshold for p in probabilities)
    return f"{flagged / max(1, len(probabilities)):.3f} ({flagged}/{len(probabilities)})"


def team_sets(search, model: HarmModel, split: str) -> None:  # type: ignore[no-untyped-def]
    """The team's sets through the model, each message prepared and embedded as the pipeline does."""
    import json

    from bot.search.query import prepare_query
    from bot.understand.language import detect

    def rows(name: str) -> list[dict]:
        text = (Path(__file__).resolve().parent / "data" / name).read_text(encoding="utf-8")
        return [r for r in map(json.loads, filter(None, text.splitlines())) if split == "all" or r["split"] == split]

    inscope = [r["text"] for name in ("aspects.jsonl", "clarify.jsonl") for r in rows(name)]
    inscope += [t["text"] for r in rows("followups.jsonl") for t in r["turns"]]
    refuse = [r["text"] for r in rows("redteam.jsonl") if r["must_refuse"]]

    def probability(text: str) -> float:
        query = prepare_query(text, detect(text))
        vector = search.embedder.embed_query(query.dense_text)
        return 1.0 - model.probabilities(query.names_text, vector).get("lawful", 1.0)

    a, b = [probability(t) for t in inscope], [probability(t) for t in refuse]
    print(f"\nteam's sets, {split} split:")
    print("| threshold | in-scope flagged (false refusals) | red team must-refuse flagged |")
    for t in (*THRESHOLDS, 0.95):
        print(f"| {t} | {_rate(a, t)} | {_rate(b, t)} |")


def main() -> int:
    if "--writers" in sys.argv:
        from bench import harm_writers

        sys.argv.remove("--writers")
        return harm_writers.main()
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--split", default="tune", choices=["tune", "test", "all"])
    args = parser.parse_args()
    search = search_parts(get_settings())
    procedures = load_knowledge(search.settings.knowledge_dir).procedures
    train = intent_examples("train")
    heldout = intent_examples("heldout")
    kb = [Example(e.text, "lawful", e.group, e.style) for e in kb_examples(procedures) if e.style != "name"]
    cache = EmbeddingCache(search.settings.embedding_cache_path, search.embedder.name, QUERY_CACHE)
    embed_examples(train + heldout + kb, search.embedder, cache)
    v_train, v_held, v_kb = (example_vectors(x, cache) for x in (train, heldout, kb))

    model = _model(train + kb, np.vstack([v_train, v_kb]))
    probs = [
        1.0 - model.probabilities(scope_text(e.text), v).get("lawful", 1.0)
        for e, v in zip(heldout, v_held, strict=True)
    ]
    started = time.perf_counter()
    for e, v in zip(heldout, v_held, strict=True):
        model.flag(scope_text(e.text), v, 0.8)
    per_message = (time.perf_counter() - started) * 1000 / max(1, len(heldout))

    which = np.array([fold_of(e, args.folds) for e in kb])
    kb_probs = np.zeros(len(kb))
    for fold in range(args.folds):
        keep = np.flatnonzero(which != fold)
        m = _model(train + [kb[i] for i in keep], np.vstack([v_train, v_kb[keep]]))
        for i in np.flatnonzero(which == fold):
            kb_probs[i] = 1.0 - m.probabilities(scope_text(kb[i].text), v_kb[i]).get("lawful", 1.0)

    print(f"held-out templates: {len(heldout)} rows; knowledge-base questions: {len(kb)} ({args.folds} folds)")
    print("| threshold | harmful flagged (held-out) | lawful look-alikes flagged | KB questions flagged |")
    print("|---|---|---|---|")
    harmful = [p for e, p in zip(heldout, probs, strict=True) if e.label != "lawful"]
    lawful = [p for e, p in zip(heldout, probs, strict=True) if e.label == "lawful"]
    for t in THRESHOLDS:
        cells = " | ".join(_rate(ps, t) for ps in (harmful, lawful, list(kb_probs)))
        print(f"| {t} | {cells} |")
    by: dict[str, list[bool]] = defaultdict(list)
    threshold = THRESHOLD
    for e, p in zip(heldout, probs, strict=True):
        if e.label != "lawful":
            by[f"style {e.style}"].append(p >= threshold)
            by[f"class {e.label}"].append(p >= threshold)
    print(f"\nharmful held-out rows flagged at {threshold}:")
    for key in sorted(by):
        print(f"  {key}: {np.mean(by[key]):.3f} ({sum(by[key])}/{len(by[key])})")
    print(f"decision cost: {per_message:.3f} ms per message (the vector is retrieval's)")
    team_sets(search, model, args.split)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
