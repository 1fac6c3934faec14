"""A new knowledge-base version built beside the one serving.

Only the chunks the store lacks are embedded (the embedding cache knows the rest) and added; nothing
is deleted, so the version serving keeps every vector it may reload, and the candidate reads its own
chunks only (``StoreView``). The stale chunks are removed once the candidate serves
(:func:`drop_stale`)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.config import Settings
from bot.knowledge.chunking import chunk_procedure
from bot.knowledge.loading import FileError
from bot.knowledge.schema import Procedure
from bot.ports import Embedder, VectorStore
from bot.search.embedding_cache import EmbeddingCache
from bot.search.heldout import StoreView
from bot.search.indexing import IndexReport, add_new, embed_chunks
from bot.search.scope_examples import QUERY_CACHE, embed_examples, scope_examples
from bot.search.served import KnowledgeBase


def build_beside(
    settings: Settings,
    procedures: Sequence[Procedure],
    embedder: Embedder,
    store: VectorStore,
    errors: Sequence[FileError] = (),
) -> tuple[KnowledgeBase, IndexReport]:
    """The candidate version, complete and not serving; raises when it cannot be built (the version
    serving is untouched either way)."""
    if not procedures:
        raise RuntimeError("the new knowledge base has no valid procedure")
    report = IndexReport(procedures=len(procedures))
    chunks = [chunk for proc in procedures for chunk in chunk_procedure(proc)]
    report.chunks = len(chunks)
    cache = EmbeddingCache(settings.embedding_cache_path, embedder.name)
    try:
        vectors = embed_chunks(chunks, embedder, cache, report, progress=False)
    finally:
        cache.close()
    report.added = add_new(store, chunks, vectors)
    view = StoreView(store, {c.id for c in chunks})
    queries = EmbeddingCache(settings.embedding_cache_path, embedder.name, QUERY_CACHE)
    try:  # the scope model learns from the candidate's own citizens' questions too
        report.examples_embedded = embed_examples(scope_examples(procedures), embedder, queries)
        kb = KnowledgeBase.build(procedures, embedder, view, queries, errors)  # type: ignore[arg-type]
    finally:
        queries.close()
    return kb, report


def drop_stale(procedures: Sequence[Procedure], store: VectorStore) -> int:
    """Delete the chunks no procedure of the version serving has (their vectors are in memory where
    they are still used); returns how many."""
    wanted = {chunk.id for proc in procedures for chunk in chunk_procedure(proc)}
    stale = sorted(store.ids() - wanted)
    store.delete(stale)
    return len(stale)
