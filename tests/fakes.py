"""Recording fakes for every seam of ``bot/ports.py``: fast, deterministic, and they remember what they
were asked. Hand them to ``bot.app.build`` in ``Parts``; ``tests/fake_graph.py`` stays the WhatsApp
transport fake (a local HTTP server speaking the Graph API)."""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.app import Parts
from bot.config import ROOT, Settings
from bot.search.served import KnowledgeHolder, load_or_index
from bot.types import Generation, Inbound, Media, Reply, Transcript
from bot.understand.analysis import analyze


class FakeEmbedder:
    """A hashed bag of words: every analysed token (normalised, stemmed, no stop word) adds 1 to one of
    ``dimension`` buckets (CRC32, so
    the same in every process), L2-normalised. Texts that share words are close; others are not."""

    def __init__(self, dimension: int = 256) -> None:
        self.name = f"fake-bag-of-words-{dimension}"
        self.dimension = dimension
        self.queries: list[str] = []
        self.documents: list[str] = []

    def vector(self, text: str) -> list[float]:
        v = np.zeros(self.dimension, dtype=np.float32)
        for token in analyze(text):
            v[zlib.crc32(token.encode()) % self.dimension] += 1.0
        norm = float(np.linalg.norm(v))
        return (v / norm if norm else v).tolist()

    def embed_query(self, text: str) -> list[float]:
        self.queries.append(text)
        return self.vector(text)

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        self.documents.extend(texts)
        return [self.vector(t) for t in texts]


class FakeVectorStore:
    """In memory; ``search`` ranks by cosine. Records the ids written and deleted."""

    def __init__(self) -> None:
        self.rows: dict[str, tuple[list[float], dict[str, str]]] = {}
        self.upserted: list[str] = []
        self.deleted: list[str] = []

    def upsert(
        self, ids: Sequence[str], vectors: Sequence[Sequence[float]], metadatas: Sequence[Mapping[str, str]]
    ) -> None:
        for cid, vector, meta in zip(ids, vectors, metadatas, strict=True):
            self.rows[cid] = (list(vector), dict(meta))
        self.upserted.extend(ids)

    def search(
        self, vector: Sequence[float], k: int, where: Mapping[str, str] | None = None
    ) -> list[tuple[str, float, dict[str, str]]]:
        query = np.asarray(vector, dtype=np.float32)
        found = [
            (cid, float(np.dot(query, np.asarray(v, dtype=np.float32))), meta)
            for cid, (v, meta) in self.rows.items()
            if not where or all(meta.get(key) == value for key, value in where.items())
        ]
        return sorted(found, key=lambda row: row[1], reverse=True)[:k]

    def delete(self, ids: Sequence[str]) -> None:
        for cid in ids:
            self.rows.pop(cid, None)
        self.deleted.extend(ids)

    def ids(self) -> set[str]:
        return set(self.rows)

    def export(self) -> tuple[list[str], list[list[float]], list[dict[str, str]]]:
        ids = list(self.rows)
        return ids, [self.rows[i][0] for i in ids], [self.rows[i][1] for i in ids]

    def count(self) -> int:
        return len(self.rows)


@dataclass
class FakeTranscriber:
    """Gives the scripted transcripts in turn (an exception in the script is raised); records
    ``(audio size, mime type, language hint)`` of every call, and its prior in ``priors``."""

    script: list[Transcript | Exception] = field(default_factory=list)
    calls: list[tuple[int, str, str | None]] = field(default_factory=list)
    priors: list[str | None] = field(default_factory=list)

    def transcribe(
        self, audio: bytes, mime_type: str, language: str | None = None, prior: str | None = None
    ) -> Transcript:
        self.calls.append((len(audio), mime_type, language))
        self.priors.append(prior)
        result = self.script.pop(0)
        if isinstance(result, Exception):
            raise result
        return result


@dataclass
class FakeGenerator:
    """Replies with the scripted texts in turn (an exception in the script is raised); records the
    messages of every call."""

    script: list[str | Exception] = field(default_factory=list)
    calls: list[list[dict[str, str]]] = field(default_factory=list)

    def generate(self, messages: Sequence[Mapping[str, str]]) -> Generation:
        self.calls.append([dict(m) for m in messages])
        reply = self.script.pop(0)
        if isinstance(reply, Exception):
            raise reply
        return Generation(text=reply, cited_ids=[])


@dataclass
class FakeChannel:
    """A messaging platform in memory: ``parse`` returns the scripted messages, ``fetch_media`` the
    stored media; records every reply sent as ``(address, reply)``."""

    name: str = "fake"
    inbound: list[Inbound] = field(default_factory=list)
    media: dict[str, Media] = field(default_factory=dict)
    sent: list[tuple[str, Reply]] = field(default_factory=list)

    def parse(self, payload: bytes, headers: Mapping[str, str]) -> list[Inbound]:
        messages, self.inbound = self.inbound, []
        return messages

    def send(self, to: str, reply: Reply) -> str:
        self.sent.append((to, reply))
        return f"fake-{len(self.sent)}"

    def fetch_media(self, media_id: str, max_bytes: int | None = None) -> Media:
        return self.media[media_id]


def fake_parts(settings: Settings) -> Parts:
    """Every part of an application as a fake, the real knowledge base indexed with the bag-of-words
    embedder: ``create_app(settings, fake_parts(settings))`` is a whole Dalil in a second."""
    embedder, store = FakeEmbedder(), FakeVectorStore()
    knowledge = KnowledgeHolder(load_or_index(settings, embedder, store))
    return Parts(embedder=embedder, store=store, knowledge=knowledge, transcriber=FakeTranscriber())


def fake_settings(folder: Path, **overrides: object) -> Settings:
    base: dict[str, object] = {
        "data_dir": folder,
        "knowledge_dir": ROOT / "knowledge",
        "embedding_cache_dir": folder / "cache",
    }
    return Settings(**(base | overrides))  # type: ignore[arg-type]
