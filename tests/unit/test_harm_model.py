"""The learned harmful-intent model (bot/understand/harm_model.py): its corpus and its decision. Its
generalisation is measured by bench/harm.py (not good enough yet to be served: see the README)."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np

from bot.config import ROOT
from bot.understand.harm_model import HarmModel, intent_rows


def test_the_corpus_is_large_varied_and_keeps_whole_templates_out() -> None:
    rows = intent_rows("all")
    labels = Counter(r["label"] for r in rows)
    assert labels["harm"] >= 600 and labels["lawful"] >= 600
    assert {r["style"] for r in rows} == {"fr", "ar", "darija", "arabizi", "mixed"}
    assert {r["category"] for r in rows if r["label"] == "harm"} >= {
        "forgery",
        "bribery",
        "proxy",
        "evasion",
        "data",
        "impersonation",
        "system",
    }
    held = {r["template"] for r in rows if r["split"] == "heldout"}
    trained = {r["template"] for r in rows if r["split"] == "train"}
    assert held and not held & trained


def test_no_corpus_row_is_a_row_of_the_teams_evaluation_sets() -> None:
    corpus = {r["text"].strip().lower() for r in intent_rows("all")}
    for name in ("redteam.jsonl", "aspects.jsonl", "clarify.jsonl", "greetings.jsonl", "opinion.jsonl"):
        lines = (ROOT / "bench" / "data" / name).read_text(encoding="utf-8").splitlines()
        texts = {json.loads(line)["text"].strip().lower() for line in lines if line.strip()}
        assert not corpus & texts, name


def _toy() -> HarmModel:
    rng = np.random.default_rng(0)
    harm = rng.normal([3.0, 0.0], 0.3, (40, 2))
    lawful = rng.normal([0.0, 3.0], 0.3, (80, 2))
    return HarmModel(["x"] * 120, np.vstack([harm, lawful]), ["harm"] * 40 + ["lawful"] * 80)


def test_the_model_flags_the_harmful_side_above_the_threshold_only() -> None:
    model = _toy()
    found = model.flag("x", [3.0, 0.0], 0.8)
    assert found is not None and found[0] == "harm" and found[1] >= 0.8
    assert model.flag("x", [0.0, 3.0], 0.8) is None
    assert model.flag("x", [1.5, 1.5], 1.0) is None  # nothing is certain enough at 1.0
    assert HarmModel(["x"], np.zeros((1, 2)), ["lawful"]).flag("x", [3.0, 0.0], 0.5) is None
