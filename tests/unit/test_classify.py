"""bot.classify on small vectors: probabilities, and a knowledge base with nothing to tell apart."""

from __future__ import annotations

import numpy as np

from bot.search.classify import QuestionClassifier


def _vectors(centres: np.ndarray, per_class: int, rng: np.random.Generator) -> np.ndarray:
    points = np.repeat(centres, per_class, axis=0) + 0.05 * rng.standard_normal((len(centres) * per_class, 8))
    return (points / np.linalg.norm(points, axis=1, keepdims=True)).astype(np.float32)


def test_classifier_puts_a_vector_with_its_procedure() -> None:
    rng = np.random.default_rng(0)
    centres = np.eye(8)[:3]
    labels = ["a"] * 10 + ["b"] * 10 + ["c"] * 10
    classifier = QuestionClassifier(_vectors(centres, 10, rng), labels)
    probs = classifier.scores(centres[1].tolist())
    assert max(probs, key=probs.__getitem__) == "b" and probs["b"] > 0.8
    assert abs(sum(probs.values()) - 1) < 1e-5


def test_one_procedure_or_none_gives_no_scores() -> None:
    rng = np.random.default_rng(0)
    assert QuestionClassifier(_vectors(np.eye(8)[:1], 5, rng), ["a"] * 5).scores([1.0] * 8) == {}
    assert QuestionClassifier(np.zeros((0, 8), dtype=np.float32), []).scores([1.0] * 8) == {}
