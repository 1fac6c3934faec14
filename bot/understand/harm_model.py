"""Harmful intent, learned: a logistic regression over the query vector (the one retrieval computes
anyway), classes weighted to their sizes.

Classes: ``harm`` (forging, bribing, a document for someone else without their mandate, evading an
obligation), ``data`` (other people's data), ``internals`` (Dalil's instructions, keys, an admin mode,
an impersonated authority) against ``lawful`` — the look-alikes of ``bot/data/intent_examples.jsonl.xz``
(a mandate, reporting a forgery, a lost card, paying a tax) and the knowledge base's own citizens'
questions. The corpus was written for Dalil from general knowledge, in fr / MSA / Darija both scripts
/ mixed; rows marked ``heldout`` (whole templates) are never trained on.

**Not served.** ``bench/harm.py`` shows why: on the corpus's held-out templates and the knowledge
base's held-out questions it separates well, but on the team's in-scope sets (other people's
phrasings) it flags about as many citizens' questions as red-team requests — the e5-small query
vector carries the topic and the register, not the intent. The word cues and the structural reading
(bot/understand/safety.py, structure.py) and the character n-gram reader that passed its own bench
(bot/understand/harm_reader.py, bench/harm_writers.py) decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
from sklearn.linear_model import LogisticRegression

from bot.corpora import corpus_rows
from bot.understand.scope import Example

_C = 3.0  # chosen with bench/harm.py (held-out templates and knowledge-base questions)
HarmLabel = Literal["harm", "data", "internals", "lawful"]
CORPUS = "intent_examples.jsonl.xz"
# The corpus's categories and the class each one teaches.
_CLASS: dict[str, HarmLabel] = {
    "forgery": "harm",
    "bribery": "harm",
    "proxy": "harm",
    "evasion": "harm",
    "data": "data",
    "impersonation": "internals",
    "system": "internals",
}


def intent_rows(split: str = "train") -> list[dict]:
    """The corpus's rows of one split (``train``, ``heldout`` or ``all``)."""
    return [r for r in corpus_rows(CORPUS) if split == "all" or r["split"] == split]


def intent_examples(split: str = "train") -> list[Example]:
    """The corpus as examples (their ``label`` is the class; ``group`` the template)."""
    return [
        Example(r["text"], _CLASS.get(r["category"], "lawful"), r["template"], r["style"])  # type: ignore[arg-type]
        for r in intent_rows(split)
    ]


class HarmModel:
    """The classes' probabilities for one message; ``flag`` the harmful class above the threshold.

    Over the query vector only: a dot product per class (microseconds), where character n-grams
    cost a millisecond or more per message. The classes are weighted to their sizes: the knowledge
    base's questions far outnumber the harmful examples."""

    def __init__(self, texts: Sequence[str], vectors: np.ndarray, labels: Sequence[str]) -> None:
        self.classes: list[str] = []
        self._coef = np.zeros((0, 0), np.float32)
        self._intercept = np.zeros(0, np.float32)
        if len(set(labels)) < 2:
            return
        model = LogisticRegression(C=_C, class_weight="balanced", max_iter=2000)
        model.fit(np.asarray(vectors, dtype=np.float32), list(labels))
        self.classes = [str(c) for c in model.classes_]
        coef, intercept = model.coef_.astype(np.float32), model.intercept_.astype(np.float32)
        if len(self.classes) == 2:  # binary: one row for the second class; the first is its negation
            coef, intercept = np.vstack([-coef / 2, coef / 2]), np.array([-intercept[0] / 2, intercept[0] / 2])
        self._coef, self._intercept = coef, intercept

    def probabilities(self, text: str, vector: Sequence[float]) -> dict[str, float]:
        if not self.classes:
            return {}
        logits = self._coef @ np.asarray(vector, dtype=np.float32) + self._intercept
        probs = np.exp(logits - logits.max())
        probs /= probs.sum()
        return dict(zip(self.classes, probs.tolist(), strict=True))

    def flag(self, text: str, vector: Sequence[float], threshold: float) -> tuple[HarmLabel, float] | None:
        """The most probable harmful class when the message is not lawful with at least that
        probability; None otherwise (and always when the model could not be trained)."""
        probs = self.probabilities(text, vector)
        if not probs:
            return None
        lawful = probs.get("lawful", 0.0)
        kind = max((k for k in probs if k != "lawful"), key=probs.__getitem__, default=None)
        if kind is None or 1.0 - lawful < threshold:
            return None
        return kind, 1.0 - lawful  # type: ignore[return-value]
