"""ChromaDB behind the VectorStore seam: embedded PersistentClient by default, HttpClient for scale.

A server may be down when Dalil starts, or go away and come back: the remote client connects on first
use, and any failure to reach it is raised as ``StoreUnavailable`` (after dropping the connection, so
the next call connects again) for the caller to degrade, never as a vendor error."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import httpx

from bot.errors import StoreUnavailable

T = TypeVar("T")


class ChromaStore:
    def __init__(self, collection: Any = None, connect: Callable[[], Any] | None = None, where: str = "") -> None:
        self._col = collection
        self._connect = connect
        self._where = where
        self._lock = threading.Lock()

    @classmethod
    def persistent(cls, path: Path, name: str) -> ChromaStore:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        path.mkdir(parents=True, exist_ok=True)
        client = chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))
        return cls(client.get_or_create_collection(name, metadata={"hnsw:space": "cosine"}))

    @classmethod
    def remote(cls, host: str, port: int, name: str) -> ChromaStore:
        def connect() -> Any:
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            client = chromadb.HttpClient(host=host, port=port, settings=ChromaSettings(anonymized_telemetry=False))
            return client.get_or_create_collection(name, metadata={"hnsw:space": "cosine"})

        return cls(connect=connect, where=f"{host}:{port}")

    def _call(self, use: Callable[[Any], T]) -> T:
        if self._connect is None:
            return use(self._col)
        with self._lock:
            if self._col is None:
                try:
                    self._col = self._connect()
                except Exception as exc:  # chromadb says "cannot connect" with a ValueError
                    raise StoreUnavailable(f"the Chroma server at {self._where} cannot be reached: {exc}") from exc
            collection = self._col
        try:
            return use(collection)
        except (httpx.TransportError, OSError) as exc:  # not a caller's mistake: the server went away
            with self._lock:
                self._col = None  # reconnect next time: the server may have restarted without our collection
            raise StoreUnavailable(f"the Chroma server at {self._where} cannot be reached: {exc}") from exc

    def upsert(
        self, ids: Sequence[str], vectors: Sequence[Sequence[float]], metadatas: Sequence[Mapping[str, str]]
    ) -> None:
        if ids:
            self._call(
                lambda col: col.upsert(
                    ids=list(ids), embeddings=[list(v) for v in vectors], metadatas=[dict(m) for m in metadatas]
                )
            )

    def search(
        self, vector: Sequence[float], k: int, where: Mapping[str, str] | None = None
    ) -> list[tuple[str, float, dict[str, str]]]:
        n = self.count()
        if n == 0:
            return []
        res = self._call(
            lambda col: col.query(
                query_embeddings=[list(vector)],
                n_results=min(k, n),
                where=dict(where) if where else None,
                include=["metadatas", "distances"],
            )
        )
        return [
            (cid, 1.0 - float(dist), dict(meta or {}))
            for cid, dist, meta in zip(res["ids"][0], res["distances"][0], res["metadatas"][0], strict=True)
        ]

    def delete(self, ids: Sequence[str]) -> None:
        if ids:
            self._call(lambda col: col.delete(ids=list(ids)))

    def ids(self) -> set[str]:
        return set(self._call(lambda col: col.get(include=[]))["ids"])

    def export(self) -> tuple[list[str], list[list[float]], list[dict[str, str]]]:
        got = self._call(lambda col: col.get(include=["embeddings", "metadatas"]))
        vectors = [list(map(float, v)) for v in got["embeddings"]] if len(got["ids"]) else []
        return list(got["ids"]), vectors, [dict(m or {}) for m in got["metadatas"]]

    def count(self) -> int:
        return int(self._call(lambda col: col.count()))
