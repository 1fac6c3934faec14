"""ChromaDB behind the VectorStore seam: embedded PersistentClient by default, HttpClient for scale."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any


class ChromaStore:
    def __init__(self, collection: Any) -> None:
        self._col = collection

    @classmethod
    def persistent(cls, path: Path, name: str) -> ChromaStore:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        path.mkdir(parents=True, exist_ok=True)
        client = chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))
        return cls(client.get_or_create_collection(name, metadata={"hnsw:space": "cosine"}))

    @classmethod
    def remote(cls, host: str, port: int, name: str) -> ChromaStore:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        client = chromadb.HttpClient(host=host, port=port, settings=ChromaSettings(anonymized_telemetry=False))
        return cls(client.get_or_create_collection(name, metadata={"hnsw:space": "cosine"}))

    def upsert(
        self, ids: Sequence[str], vectors: Sequence[Sequence[float]], metadatas: Sequence[Mapping[str, str]]
    ) -> None:
        if ids:
            self._col.upsert(
                ids=list(ids), embeddings=[list(v) for v in vectors], metadatas=[dict(m) for m in metadatas]
            )

    def search(
        self, vector: Sequence[float], k: int, where: Mapping[str, str] | None = None
    ) -> list[tuple[str, float, dict[str, str]]]:
        n = self.count()
        if n == 0:
            return []
        res = self._col.query(
            query_embeddings=[list(vector)],
            n_results=min(k, n),
            where=dict(where) if where else None,
            include=["metadatas", "distances"],
        )
        return [
            (cid, 1.0 - float(dist), dict(meta or {}))
            for cid, dist, meta in zip(res["ids"][0], res["distances"][0], res["metadatas"][0], strict=True)
        ]

    def delete(self, ids: Sequence[str]) -> None:
        if ids:
            self._col.delete(ids=list(ids))

    def ids(self) -> set[str]:
        return set(self._col.get(include=[])["ids"])

    def export(self) -> tuple[list[str], list[list[float]], list[dict[str, str]]]:
        got = self._col.get(include=["embeddings", "metadatas"])
        vectors = [list(map(float, v)) for v in got["embeddings"]] if len(got["ids"]) else []
        return list(got["ids"]), vectors, [dict(m or {}) for m in got["metadatas"]]

    def count(self) -> int:
        return int(self._col.count())
