"""The scope decision's signals: the scope model's probabilities beside what retrieval found.

A message about one of our procedures is usually met by its words: the top procedure's names and
text score high under BM25, most of the message's words are in the knowledge base's vocabulary (and
in that procedure's), and the Darija lexicon's concepts of the message are the procedure's. An
off-topic message that shares a word or two with a procedure ("le garagiste veut la carte grise") is
not. A logistic regression over these signals (``Calibration``, fitted by ``bench/scope.py --fit``
on messages held out of the scope model's training) gives the probability that the message is ours.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np

from bot.knowledge.schema import Procedure
from bot.search.documents import concepts_of, lexical_document
from bot.search.query import Query
from bot.types import Hit
from bot.understand.analysis import analyze
from bot.understand.darija import concept_ids

FEATURES = (
    "logit_kb",
    "logit_off",
    "logit_near",
    "logit_opinion",
    "log_lexical",
    "log_names",
    "dense",
    "dense_latin",
    "latin",
    "score",
    "margin",
    "covered_by_top",
    "covered_by_base",
    "log_words",
    "concepts",
    "concepts_of_top",
    "concepts_of_top_share",
    "concepts_of_best",
)
CALIBRATION = "scope_calibration.json"


def _logit(p: float) -> float:
    p = min(max(p, 1e-5), 1 - 1e-5)
    return math.log(p / (1 - p))


class ScopeSignals:
    """The knowledge base's vocabulary and concepts per procedure, and the signals of one message."""

    def __init__(self, procedures: Sequence[Procedure]) -> None:
        self._words = {p.id: frozenset(analyze(lexical_document(p))) for p in procedures}
        self._all_words = frozenset().union(*self._words.values()) if self._words else frozenset()
        self._concepts = {p.id: frozenset(concepts_of(p)) for p in procedures}

    def features(self, query: Query, probabilities: Mapping[str, float], hits: Sequence[Hit]) -> list[float]:
        top = hits[0] if hits else Hit("", 0.0)
        second = hits[1].score if len(hits) > 1 else 0.0
        latin = 1.0 if query.latin else 0.0
        words = set(analyze(query.names_text))
        n = max(len(words), 1)
        concepts = set(concept_ids(query.raw))
        of_top = len(concepts & self._concepts.get(top.procedure_id, frozenset()))
        of_best = max((len(concepts & self._concepts.get(h.procedure_id, frozenset())) for h in hits), default=0)
        return [
            _logit(probabilities.get("kb", 0.0)),
            _logit(probabilities.get("off", 0.0)),
            _logit(probabilities.get("near", 0.0)),
            _logit(probabilities.get("opinion", 0.0)),
            math.log1p(top.lexical),
            math.log1p(top.names),
            top.dense,
            top.dense * latin,
            latin,
            top.score,
            top.score - second,
            len(words & self._words.get(top.procedure_id, frozenset())) / n,
            len(words & self._all_words) / n,
            math.log(n),
            float(len(concepts)),
            float(of_top),
            of_top / max(len(concepts), 1),
            float(of_best),
        ]


@dataclass(frozen=True)
class Calibration:
    """A logistic regression over ``FEATURES``: the probability that a message is ours."""

    coef: tuple[float, ...]
    intercept: float

    def probability(self, features: Sequence[float]) -> float:
        z = float(np.dot(self.coef, features)) + self.intercept
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    @classmethod
    def shipped(cls) -> Calibration:
        """The calibration in bot/data (bench/scope.py --fit writes it)."""
        data = json.loads((resources.files("bot") / "data" / CALIBRATION).read_text(encoding="utf-8"))
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"{CALIBRATION} was fitted on other signals: run python -m bench.scope --fit")
        return cls(tuple(data["coef"]), float(data["intercept"]))
