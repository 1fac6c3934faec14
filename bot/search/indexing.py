"""Knowledge files -> vectors in the store. Incremental: unchanged chunks are never re-embedded
(embedding cache by model + content hash) and chunks of removed or changed text are deleted.

The mechanism only: ``python -m ingest index`` and ``dalil ingest`` run it as a job, and the service
runs it when its store lacks vectors or an administrator changes a procedure."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from tqdm import tqdm

from bot.config import Settings
from bot.knowledge.chunking import chunk_procedure
from bot.knowledge.loading import FileError, load_knowledge
from bot.knowledge.schema import Procedure
from bot.ports import Embedder, VectorStore
from bot.search.embedding_cache import EmbeddingCache
from bot.search.scope_examples import QUERY_CACHE, embed_examples, scope_examples
from bot.types import Chunk

BATCH = 32


@dataclass
class IndexReport:
    procedures: int = 0
    chunks: int = 0
    embedded: int = 0  # chunks whose vectors had to be computed (cache misses)
    from_cache: int = 0
    added: int = 0  # chunks written to the store
    deleted: int = 0
    examples_embedded: int = 0  # the scope model's training examples embedded (cache misses)
    seconds: float = 0.0
    errors: list[FileError] = field(default_factory=list)
    embedder: str = ""
    compute: dict[str, object] = field(default_factory=dict)  # what start-up chose for this machine

    def summary(self) -> str:
        lines = [
            f"Index: {self.procedures} procedures, {self.chunks} chunks "
            f"({self.embedded} embedded, {self.from_cache} from cache; "
            f"{self.added} added, {self.deleted} deleted) in {self.seconds:.1f} s",
        ]
        if self.examples_embedded:
            lines.append(f"Scope examples: {self.examples_embedded} embedded as queries")
        if self.embedder:
            chosen = ", ".join(f"{k} {v}" for k, v in self.compute.items())
            lines.append(f"Embedder: {self.embedder} (compute: {chosen})")
        lines += [f"  skipped: {err}" for err in self.errors]
        return "\n".join(lines)


def embed_chunks(
    chunks: Sequence[Chunk],
    embedder: Embedder,
    cache: EmbeddingCache,
    report: IndexReport,
    progress: bool = True,
) -> dict[str, list[float]]:
    """Vectors for every chunk, by chunk id: from the cache, else computed in batches and cached."""
    cached = cache.get_many([c.text for c in chunks])
    missing = [c for c in chunks if cache.key(c.text) not in cached]
    report.from_cache = len(chunks) - len(missing)
    report.embedded = len(missing)
    bar = tqdm(
        total=len(missing),
        desc="embedding",
        unit="chunk",
        disable=not progress or not missing,
        file=sys.stderr,
    )
    for start in range(0, len(missing), BATCH):
        batch = missing[start : start + BATCH]
        vectors = embedder.embed_documents([c.text for c in batch])
        cache.put_many([c.text for c in batch], vectors)
        cached.update({cache.key(c.text): v for c, v in zip(batch, vectors, strict=True)})
        bar.update(len(batch))
    bar.close()
    return {c.id: cached[cache.key(c.text)] for c in chunks}


def add_new(store: VectorStore, chunks: Sequence[Chunk], vectors: dict[str, list[float]]) -> int:
    """Write the chunks the store lacks; returns how many."""
    present = store.ids()
    new = [c for c in chunks if c.id not in present]
    for start in range(0, len(new), 256):
        batch = new[start : start + 256]
        store.upsert(
            [c.id for c in batch],
            [vectors[c.id] for c in batch],
            [{"procedure_id": c.procedure_id, "lang": c.lang, "section": c.section} for c in batch],
        )
    return len(new)


def sync_store(
    store: VectorStore, chunks: Sequence[Chunk], vectors: dict[str, list[float]], report: IndexReport
) -> None:
    """Add what is new, then delete what is gone (in that order, so search never sees a hole)."""
    report.added = add_new(store, chunks, vectors)
    stale = sorted(store.ids() - {c.id for c in chunks})
    store.delete(stale)
    report.deleted = len(stale)


def index_procedures(
    procedures: Sequence[Procedure],
    embedder: Embedder,
    store: VectorStore,
    cache: EmbeddingCache,
    progress: bool = True,
) -> IndexReport:
    started = time.perf_counter()
    report = IndexReport(procedures=len(procedures))
    chunks = [chunk for proc in procedures for chunk in chunk_procedure(proc)]
    report.chunks = len(chunks)
    vectors = embed_chunks(chunks, embedder, cache, report, progress)
    sync_store(store, chunks, vectors, report)
    report.seconds = time.perf_counter() - started
    return report


def build_index(settings: Settings, embedder: Embedder, store: VectorStore, progress: bool = True) -> IndexReport:
    """Index every valid procedure of the knowledge folder; broken files are reported and skipped."""
    loaded = load_knowledge(settings.knowledge_dir)
    cache = EmbeddingCache(settings.embedding_cache_path, embedder.name)
    queries = EmbeddingCache(settings.embedding_cache_path, embedder.name, QUERY_CACHE)
    try:
        report = index_procedures(loaded.procedures, embedder, store, cache, progress)
        started = time.perf_counter()
        report.examples_embedded = embed_examples(scope_examples(loaded.procedures), embedder, queries)
        report.seconds += time.perf_counter() - started
    finally:
        cache.close()
        queries.close()
    report.errors = loaded.errors
    report.embedder = embedder.name
    return report
