"""A procedure classifier over the embedder's vectors, trained on the knowledge base's own citizens'
questions each time the knowledge base is loaded (about a second on 2 cores; no file to ship).

Nearest-chunk search asks "which one question is closest"; the classifier learns, from all the
questions of every procedure at once, which directions of the embedding space tell neighbours apart
(first passport or renewal). Measured with bench/kfold.py: it helps Arabic-script questions, where the
embedder is strongest, and not Latin-script ones, so only the former fuse it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression

# Weak regularisation: ~30 questions per procedure in 384 dimensions (bench/kfold.py: C=1 0.925,
# C=10 0.931, C=100 0.930 all-style hit@1).
_C = 10.0


class QuestionClassifier:
    def __init__(self, vectors: np.ndarray, labels: Sequence[str]) -> None:
        self.classes: list[str] = []
        self._coef: np.ndarray | None = None
        self._intercept: np.ndarray | None = None
        if len(set(labels)) < 2:
            return  # nothing to tell apart
        model = LogisticRegression(C=_C, max_iter=2000).fit(vectors, list(labels))
        self.classes = [str(c) for c in model.classes_]
        self._coef = model.coef_.astype(np.float32)
        self._intercept = model.intercept_.astype(np.float32)

    def scores(self, vector: Sequence[float]) -> dict[str, float]:
        """Probability of each procedure. einsum, not BLAS, for the reason given in DenseIndex."""
        if self._coef is None or self._intercept is None:
            return {}
        logits = np.einsum("kd,d->k", self._coef, np.asarray(vector, dtype=np.float32)) + self._intercept
        probs = np.exp(logits - logits.max())
        probs /= probs.sum()
        return dict(zip(self.classes, probs.tolist(), strict=True))
