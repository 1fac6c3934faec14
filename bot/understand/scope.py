"""What a message is about, learned from data: one of our procedures (``kb``), a real procedure that
is not in the knowledge base (``near``), an opinion, a prediction, a personal case or legal advice
(``opinion``), or something else (``off``).

A logistic regression over the query vector (the one retrieval computes anyway) and character
n-grams of the normalised message, Latin-letter Darija also read in Arabic script. The vector
carries the meaning in French and MSA, where the embedder is strong; the n-grams carry Darija in
either script, where it is weak. It is trained each time the knowledge base loads: ``kb`` on the
knowledge base's citizens' questions and procedure names, the other classes on the corpora of
``bot/data`` (off-topic messages over 119 topics and ArBanking77's banking questions; near-domain
procedures; opinion requests; speech-to-text transcripts on every side). Their vectors are embedded
by the index job and read from the embedding cache, so loading costs the fit only (a few seconds on 2 cores).

``bench/scope.py`` measures it on topics, procedures and questions held out of its training.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression

from bot.corpora import corpus_rows
from bot.understand.normalize import normalize
from bot.understand.social import social_kind

Label = Literal["kb", "near", "opinion", "off"]
LABELS: tuple[Label, ...] = ("kb", "near", "opinion", "off")

# The corpora of bot/data and the class each one teaches (NOTICE-off-topic.md gives their sources).
CORPORA: dict[str, Label] = {
    "off_topic.jsonl.xz": "off",
    "off_topic_more.jsonl.xz": "off",
    "off_topic_arbanking77.jsonl.xz": "off",
    "off_topic_topics3.jsonl": "off",
    "off_topic_topics4.jsonl": "off",
    "off_topic_topics5.jsonl.xz": "off",
    "off_topic_topics6.jsonl.xz": "off",
    "near_domain_examples.jsonl": "near",
    "near_domain_examples2.jsonl.xz": "near",
    "opinion_examples.jsonl": "opinion",
    "opinion_examples2.jsonl.xz": "opinion",
    # Citizens' questions about our procedures in every style, Arabizi and code-switched as much as
    # French: with the knowledge base's own questions alone, Latin-letter Darija leaned "not ours".
    "in_scope_examples.jsonl": "kb",
    # The same, with speech-to-text transcripts (lower case, no punctuation, hesitations) on every
    # side: no corpus held one before session 10.
    "in_scope_examples2.jsonl.xz": "kb",
}
# Chosen with bench/scope.py (k-fold over held-out topics and questions), not on an evaluation set.
_C = 4.0
_DENSE_WEIGHT = 1.0  # the query vector against the n-grams (both L2-normalised)
_NGRAMS = (2, 4)
_FEATURES = 2**18


@dataclass(frozen=True)
class Example:
    text: str
    label: Label
    group: str  # the topic, procedure or kind it was written for: what bench/scope.py holds out
    style: str


def corpus_examples() -> list[Example]:
    """The examples of every class but ``kb`` (which comes from the knowledge base being loaded).
    Greetings and "who are you" messages have their own status now: they teach no class."""
    out: list[Example] = []
    for name, label in CORPORA.items():
        for row in corpus_rows(name):
            if social_kind(row["text"], "fr") is not None:
                continue
            group = row.get("topic") or row.get("procedure") or row.get("kind") or label
            out.append(Example(row["text"], label, str(group), row.get("style", "")))
    return out


@cache
def _hasher() -> HashingVectorizer:
    return HashingVectorizer(
        analyzer="char_wb", ngram_range=_NGRAMS, n_features=_FEATURES, alternate_sign=False, norm="l2"
    )


def features(texts: Sequence[str], vectors: np.ndarray) -> sparse.csr_matrix:
    grams = _hasher().transform([normalize(t) for t in texts])
    dense = sparse.csr_matrix(np.asarray(vectors, dtype=np.float32) * _DENSE_WEIGHT)
    return sparse.hstack([dense, grams], format="csr")


class ScopeModel:
    """Trained on (text, query vector, label); ``probabilities`` of each class for one message."""

    def __init__(self, texts: Sequence[str], vectors: np.ndarray, labels: Sequence[Label]) -> None:
        self.classes: list[Label] = []
        self._dense: np.ndarray | None = None
        self._grams: sparse.csr_matrix | None = None
        self._intercept: np.ndarray | None = None
        if len(set(labels)) < 2:
            return
        # saga: lbfgs took ~100 times longer on these 260,000 sparse columns for the same model.
        model = LogisticRegression(C=_C, solver="saga", tol=1e-3, max_iter=300, random_state=0)
        model.fit(features(texts, vectors), list(labels))
        self.classes = [c for c in model.classes_]
        coef = model.coef_.astype(np.float32)
        if len(self.classes) == 2:  # binary: one row for the second class; the first is its negation
            coef = np.vstack([-coef / 2, coef / 2])
            self._intercept = np.array([-model.intercept_[0] / 2, model.intercept_[0] / 2], np.float32)
        else:
            self._intercept = model.intercept_.astype(np.float32)
        dimension = vectors.shape[1]
        self._dense = coef[:, :dimension] * _DENSE_WEIGHT
        self._grams = sparse.csr_matrix(coef[:, dimension:].T)  # (features, classes): one row per n-gram

    def probabilities(self, text: str, vector: Sequence[float]) -> dict[Label, float]:
        """Each class's probability: a dot product over the vector and the message's few n-grams
        (well under a millisecond; sklearn's own predict costs more in checks than in arithmetic)."""
        if self._dense is None or self._grams is None or self._intercept is None:
            return {}
        grams = _hasher().transform([normalize(text)])
        logits = np.einsum("kd,d->k", self._dense, np.asarray(vector, dtype=np.float32))
        logits = logits + (grams @ self._grams).toarray()[0] + self._intercept
        probs = np.exp(logits - logits.max())
        probs /= probs.sum()
        return dict(zip(self.classes, probs.tolist(), strict=True))
