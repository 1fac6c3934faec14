"""Embeddings cached on disk by (model, content hash): re-embedding is the slow part of indexing."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np


class EmbeddingCache:
    """``kind`` "passage" holds the chunks' vectors; "query" the vectors of texts embedded as queries
    (the scope model's training examples), which differ for e5-style models (``query:`` prefix)."""

    def __init__(self, folder: Path, model_name: str, kind: str = "passage") -> None:
        folder.mkdir(parents=True, exist_ok=True)
        name = model_name if kind == "passage" else f"{model_name} [{kind}]"
        safe = hashlib.sha256(name.encode()).hexdigest()[:16]
        # Two processes may share a cache (an index job beside a service, parallel test workers): a
        # writer waits for the other's commit instead of failing with "database is locked" after 5 s.
        self._db = sqlite3.connect(folder / f"{safe}.sqlite3", timeout=120)
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT)")
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('model', ?)", (model_name,))
        self._db.commit()

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode()).hexdigest()

    def get_many(self, texts: Sequence[str]) -> dict[str, list[float]]:
        keys = [self.key(t) for t in texts]
        found: dict[str, list[float]] = {}
        for start in range(0, len(keys), 500):
            batch = keys[start : start + 500]
            marks = ",".join("?" * len(batch))
            for key, blob in self._db.execute(f"SELECT key, vec FROM vectors WHERE key IN ({marks})", batch):
                found[key] = np.frombuffer(blob, dtype=np.float32).tolist()
        return found

    def put_many(self, texts: Sequence[str], vectors: Sequence[Sequence[float]]) -> None:
        rows = [
            (self.key(t), np.asarray(v, dtype=np.float32).tobytes())
            for t, v in zip(texts, vectors, strict=True)
        ]
        self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
        self._db.commit()

    def close(self) -> None:
        self._db.close()
