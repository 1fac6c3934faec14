"""Query embeddings under load: a bounded cache of query vectors, and micro-batching of the queries
that arrive together.

Citizens ask the same few hundred questions: a repeated question's vector comes from the cache
(keyed by the embedder's name and the text with its spaces collapsed; a vector depends on nothing
else, so a knowledge-base publish does not clear it). Queries that arrive within ``window_s`` of each
other are embedded as one batch by whichever request came first (``embed_queries``), the others wait
for their row: one engine call instead of several (bench/load.py measures what it buys per engine
and compute type).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import numpy as np

from bot.ports import Embedder

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class LRU(Generic[K, V]):
    """A thread-safe least-recently-used map of at most ``size`` entries (0: keeps nothing)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: K) -> V | None:
        with self._lock:
            value = self._items.get(key)
            if value is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return value

    def put(self, key: K, value: V) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


@dataclass
class _Pending:
    text: str
    done: threading.Event = field(default_factory=threading.Event)
    vector: list[float] | None = None
    error: BaseException | None = None


class MicroBatcher:
    """Collects concurrent ``embed`` calls for up to ``window_s`` (or ``max_batch`` of them) and runs
    them as one ``batch`` call in the thread that arrived first. A call that comes alone (the previous
    one was more than two windows ago) does not wait: a quiet service pays nothing for batching."""

    def __init__(self, batch: Callable[[list[str]], list[list[float]]], window_s: float, max_batch: int = 16) -> None:
        self._batch = batch
        self.window_s = window_s
        self.max_batch = max_batch
        self._lock = threading.Lock()
        self._queue: list[_Pending] = []
        self._full = threading.Event()
        self._last_arrival = 0.0
        self.batches = 0
        self.items = 0

    def embed(self, text: str) -> list[float]:
        item = _Pending(text)
        with self._lock:
            now = time.monotonic()
            busy = now - self._last_arrival < 2 * self.window_s
            self._last_arrival = now
            self._queue.append(item)
            leader = len(self._queue) == 1
            if len(self._queue) >= self.max_batch:
                self._full.set()
        if leader:
            if busy:
                self._full.wait(self.window_s)
            with self._lock:
                batch, self._queue = self._queue, []
                self._full.clear()
            self._run(batch)
        item.done.wait()
        if item.error is not None:
            raise item.error
        assert item.vector is not None
        return item.vector

    def _run(self, batch: list[_Pending]) -> None:
        try:
            vectors = self._batch([p.text for p in batch])
            for pending, vector in zip(batch, vectors, strict=True):
                pending.vector = vector
        except BaseException as exc:
            for pending in batch:
                pending.error = exc
        finally:
            self.batches += 1
            self.items += len(batch)
            for pending in batch:
                pending.done.set()


class ServingEmbedder:
    """The embedder as the service uses it for queries: cached, then micro-batched when the engine
    can embed several queries in one call. Passages (indexing) go straight to the engine."""

    def __init__(self, embedder: Embedder, cache_size: int, batch_window_s: float = 0.0) -> None:
        self.inner = embedder
        self.name = embedder.name
        self.cache: LRU[str, np.ndarray] = LRU(cache_size)
        batch = getattr(embedder, "embed_queries", None)
        self.batcher = MicroBatcher(batch, batch_window_s) if batch is not None and batch_window_s > 0 else None

    def warm_up(self) -> None:
        self.inner.embed_query("warm up")

    def embed_query(self, text: str) -> list[float]:
        key = " ".join(text.split())
        cached = self.cache.get(key)
        if cached is not None:
            return cached.tolist()
        vector = self.batcher.embed(key) if self.batcher is not None else self.inner.embed_query(key)
        self.cache.put(key, np.asarray(vector, dtype=np.float32))
        return vector

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return self.inner.embed_documents(texts)
