"""Harmful intent, learned from wording and shape: a logistic regression over character n-grams
(char_wb 2–5) of the normalised message and, for Darija in Latin letters, of its second reading in
Arabic script (``arabizi_to_arabic``, as ``safety.check`` reads it), so "nzawer" meets نزور. Beside
them it can weigh a few signals of the request's shape (``harm_structure.py``: a third person AND their
record, not one's own; an evasion AND a duty, not a lawful question): measured, not served
(``STRUCTURE``).

Classes: ``harm`` (any request the red team says must be refused: forging, bribing, a document for
someone else without their mandate, evading an obligation, other people's data, Dalil's internals, an
impersonated authority, a role play that signs or skips a check) against ``lawful`` (look-alikes,
citizens' questions, off-topic and opinion messages, instructions beside a real question). Fixed
seeds and a deterministic solver: the same rows give the same model.

Served after the rules (``Pipeline.learned_harm``): a message ``safety.check`` lets through is refused
when the reader's probability reaches ``DALIL_HARM_READER_MIN`` (0.9). ``bench/harm_writers.py`` chose
it leaving one WRITER out (the team, the session-5 writer, the session-6 writers, and since session 7
the s7d writer: trained without a writer's rows, scored on them): on the three writers the rules had
not read in session 6, it added 53 catches (253 -> 306 of 414) for 3 lawful rows refused (10 -> 13 of
235) and no in-scope question; on s7d, 83 -> 109 of 160 for none (3 -> 3 of 60); at 0.8 it added more,
but refused 0.8 % of the knowledge base's questions held out by procedure (0.4 % at 0.9). Unlike the
query vector (``harm_model.py``), character n-grams carry the intent's words ("nzawer", "رشوة", "bla ma")
whatever the topic. The shipped weights (``bot/data/harm_reader.npz.xz``) are rebuilt by
``python -m bench.harm_writers --fit`` when the sets or the knowledge base change.
"""

from __future__ import annotations

import io
import lzma
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression

from bot.understand import harm_structure
from bot.understand.arabizi import arabizi_to_arabic
from bot.understand.language import detect
from bot.understand.normalize import normalize

C = 8.0  # chosen with bench/harm_writers.py (leave one writer out)
_NGRAMS = (2, 5)
_FEATURES = 2**19
ARTEFACT = "harm_reader.npz.xz"
_KEEP = 0.05  # smaller weights are not shipped
# The structure signals' value beside the l2-normalised n-grams (bot/understand/harm_structure.py);
# 0: n-grams alone, served. Leaving one writer out (bench/harm_writers.py --structure 1, session 7) they
# added 17 catches over five writers but cost 2 on the one writer whose rows no word list had read
# (s7d), 2 lawful rows and 5 more of the knowledge base's held-out questions: not served.
STRUCTURE = 0.0
_WIDTH = _FEATURES + len(harm_structure.SIGNALS)


def reader_text(message: str, style: str | None = None) -> str:
    """The normalised message and, for Arabizi or code-switched text, the same in Arabic script.
    ``style``: the message's, when the caller has detected it already (the pipeline has)."""
    text = normalize(message)
    if (style or detect(message).style) in ("arabizi", "mixed"):
        text = f"{text} | {normalize(arabizi_to_arabic(message))}"
    return text


@cache
def _hasher() -> HashingVectorizer:
    return HashingVectorizer(
        analyzer="char_wb", ngram_range=_NGRAMS, n_features=_FEATURES, alternate_sign=False, norm="l2"
    )


def grams(texts: Sequence[str], structure: float = STRUCTURE) -> sparse.csr_matrix:
    """The features of texts already read by ``reader_text``: their n-grams, then their structure
    signals times ``structure``."""
    texts = list(texts)
    if structure:
        shape = sparse.csr_matrix(harm_structure.matrix(texts) * structure)
    else:  # not read at all: the signals cost about 1 ms a message
        shape = sparse.csr_matrix((len(texts), len(harm_structure.SIGNALS)), dtype=np.float32)
    return sparse.hstack([_hasher().transform(texts), shape], format="csr")


class HarmReader:
    """``probability`` that a message asks something harmful, from its n-grams. ``fit`` trains one
    (texts read by ``reader_text``); ``shipped`` loads the one ``python -m bench.harm_writers --fit``
    wrote to bot/data (trained on every writer's tune rows: see bench/data/README.md)."""

    def __init__(self, coef: np.ndarray | None, intercept: float = 0.0, structure: float = STRUCTURE) -> None:
        self._coef = coef
        self._intercept = intercept
        self._structure = structure

    @classmethod
    def fit(
        cls,
        texts: Sequence[str],
        harmful: Sequence[bool],
        weights: Sequence[float] | None = None,
        c: float = C,
        structure: float = STRUCTURE,
    ) -> HarmReader:
        if len(set(harmful)) < 2:
            return cls(None)
        model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", random_state=0)
        model.fit(grams(texts, structure), np.asarray(harmful, dtype=int), sample_weight=weights)
        return cls(model.coef_[0].astype(np.float32), float(model.intercept_[0]), structure)

    def save(self, path: Path) -> None:
        """The weights that matter (|w| >= 0.05), on 255 levels, their positions as gaps, xz-compressed:
        about 60 KB (bot/data stays under its 1 MB; probabilities move by 0.02 at most on the sets)."""
        coef = self._coef if self._coef is not None else np.zeros(_WIDTH, np.float32)
        keep = np.flatnonzero(np.abs(coef) >= _KEEP)
        gaps = np.diff(keep, prepend=0)
        if gaps.size and gaps.max() > np.iinfo(np.uint16).max:
            raise ValueError("the weights are too sparse for 16-bit gaps")
        scale = float(np.abs(coef[keep]).max() / 127) if keep.size else 1.0
        out = io.BytesIO()
        np.savez(
            out,
            gaps=gaps.astype(np.uint16),
            levels=np.round(coef[keep] / scale).astype(np.int8),
            scale=np.float32(scale),
            intercept=np.float32(self._intercept),
            structure=np.float32(self._structure),
            shape=np.array([*_NGRAMS, _FEATURES, len(harm_structure.SIGNALS)], np.int32),
        )
        path.write_bytes(lzma.compress(out.getvalue(), preset=9 | lzma.PRESET_EXTREME))

    @classmethod
    def shipped(cls) -> HarmReader:
        raw = lzma.decompress((resources.files("bot") / "data" / ARTEFACT).read_bytes())
        data = np.load(io.BytesIO(raw))
        if tuple(data["shape"]) != (*_NGRAMS, _FEATURES, len(harm_structure.SIGNALS)):
            raise ValueError(f"{ARTEFACT} was built with other features: run python -m bench.harm_writers --fit")
        coef = np.zeros(_WIDTH, np.float32)
        coef[np.cumsum(data["gaps"].astype(np.int64))] = data["levels"].astype(np.float32) * float(data["scale"])
        return cls(coef, float(data["intercept"]), float(data["structure"]))

    def probability_of(self, text: str) -> float:
        if self._coef is None:
            return 0.0
        row = grams([text], self._structure)
        logit = float(row.data @ self._coef[row.indices]) + self._intercept
        return float(1.0 / (1.0 + np.exp(-logit)))

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        if self._coef is None:
            return np.zeros(len(texts))
        logits = grams(texts, self._structure) @ self._coef + self._intercept
        return 1.0 / (1.0 + np.exp(-np.asarray(logits)))

    def probability(self, message: str, style: str | None = None) -> float:
        return self.probability_of(reader_text(message, style))
