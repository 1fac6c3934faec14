"""The knowledge base as served: validated procedures, their search indexes and the allowed links.

A new version is built beside the old one and swapped in only when it is complete, so a failed
update leaves the previous version serving.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from bot.config import Settings
from bot.errors import StoreUnavailable
from bot.knowledge.chunking import chunk_procedure
from bot.knowledge.loading import FileError, load_knowledge
from bot.knowledge.schema import Procedure
from bot.ports import Embedder, VectorStore
from bot.privacy import contacts
from bot.search.documents import family_nouns
from bot.search.embedding_cache import EmbeddingCache
from bot.search.indexing import build_index
from bot.search.retriever import Retriever
from bot.search.scope_examples import QUERY_CACHE, embed_examples, missing_examples, scope_examples, train_scope
from bot.search.scope_signals import Calibration, ScopeSignals
from bot.texts import NATIONAL_PORTAL
from bot.understand.normalize import normalize
from bot.understand.scope import ScopeModel

log = logging.getLogger("dalil")


class IndexIncomplete(RuntimeError):
    """The vector store lacks chunks of the knowledge base for the embedder in use: built for another
    model or compute type, or never built. ``dalil ingest`` (or :func:`load_or_index`) builds what is missing."""

    def __init__(self, embedder: str, missing: int, total: int, what: str = "chunks") -> None:
        super().__init__(
            f"the index holds no vectors for {missing} of the knowledge base's {total} {what} with the "
            f"embedder in use ({embedder}): run `dalil ingest` to build them"
        )
        self.missing = missing


@dataclass
class KnowledgeBase:
    procedures: dict[str, Procedure]
    retriever: Retriever
    scope: ScopeModel  # what a message is about: ours, a procedure we lack, an opinion, off topic
    signals: ScopeSignals  # the knowledge base's vocabulary and concepts, for the scope decision
    calibration: Calibration  # the scope model and retrieval signals -> the probability a message is ours
    errors: list[FileError] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        procedures: Sequence[Procedure],
        embedder: Embedder,
        store: VectorStore | None,
        queries: EmbeddingCache,
        errors: Sequence[FileError] = (),
    ) -> KnowledgeBase:
        """``queries``: the cache of the scope examples' query vectors (the index job fills it)."""
        retriever = Retriever(procedures, embedder, store)
        scope = train_scope(scope_examples(procedures), queries)
        signals = ScopeSignals(procedures)
        return cls({p.id: p for p in procedures}, retriever, scope, signals, Calibration.shipped(), list(errors))

    @property
    def dense(self) -> bool:
        """False while the vector store was unreachable at load: answers use the lexical signals only."""
        return self.retriever.has_dense

    @property
    def allowed_urls(self) -> set[str]:
        """The only URLs an answer may contain: the official links of the knowledge base."""
        return {url for p in self.procedures.values() for url in p.urls} | {NATIONAL_PORTAL}

    @cached_property
    def allowed_contacts(self) -> set[str]:
        """The only e-mail addresses and phone numbers an answer may contain: the knowledge base's."""
        return {c for p in self.procedures.values() for c in contacts(p.model_dump_json())}

    def get(self, procedure_id: str) -> Procedure | None:
        return self.procedures.get(procedure_id)

    @cached_property
    def _titles(self) -> dict[str, str]:
        return {normalize(t): p.id for p in self.procedures.values() for t in (p.title.fr, p.title.ar)}

    @cached_property
    def family_nouns(self) -> dict[str, frozenset[str]]:
        """Each family's own nouns as lexicon concepts (``documents.family_nouns``)."""
        return family_nouns(list(self.procedures.values()))

    def family(self, procedure_id: str) -> dict[str, str]:
        """The variants of a procedure's family, by variant (``{"first": "passport-first", ...}``);
        empty for a procedure in no family."""
        proc = self.procedures.get(procedure_id)
        if proc is None or proc.family is None:
            return {}
        return {p.variant: p.id for p in self.procedures.values() if p.family == proc.family and p.variant}

    def by_title(self, text: str) -> str | None:
        """The procedure whose exact title this is: a tapped clarification option (web or WhatsApp)."""
        return self._titles.get(normalize(text).strip(" .?!"))


class KnowledgeHolder:
    """Holds the serving version; ``reload`` swaps atomically or raises and keeps the old one.
    ``version`` is the published version served (``kb_versions``, shared by every worker), or a local
    counter where nothing is published."""

    def __init__(self, kb: KnowledgeBase, version: int = 1) -> None:
        self._kb = kb
        self._lock = threading.Lock()
        self.version = version

    @property
    def current(self) -> KnowledgeBase:
        return self._kb

    def swap(self, kb: KnowledgeBase, version: int | None = None) -> None:
        with self._lock:
            self._kb = kb
            self.version = self.version + 1 if version is None else version


def missing_chunks(procedures: Sequence[Procedure], store: VectorStore) -> tuple[int, int]:
    """(chunks the store lacks, chunks the procedures have)."""
    wanted = {chunk.id for proc in procedures for chunk in chunk_procedure(proc)}
    return len(wanted - store.ids()), len(wanted)


def load_kb(settings: Settings, embedder: Embedder, store: VectorStore) -> KnowledgeBase:
    """The knowledge base as served, or IndexIncomplete when the store was not built for this embedder
    (a collection is per model and compute type: vectors of two never meet) or the scope examples'
    vectors were not embedded with it."""
    loaded = load_knowledge(settings.knowledge_dir)
    missing, total = missing_chunks(loaded.procedures, store)
    if missing:
        raise IndexIncomplete(embedder.name, missing, total)
    queries = EmbeddingCache(settings.embedding_cache_path, embedder.name, QUERY_CACHE)
    try:
        examples = scope_examples(loaded.procedures)
        lacking = missing_examples(examples, queries)
        if lacking:
            raise IndexIncomplete(embedder.name, len(lacking), len(examples), "scope examples")
        return KnowledgeBase.build(loaded.procedures, embedder, store, queries, loaded.errors)
    finally:
        queries.close()


def load_or_index(settings: Settings, embedder: Embedder, store: VectorStore) -> KnowledgeBase:
    """Load the knowledge base; if the store lacks vectors for this embedder (a data folder copied from
    a machine with another compute type, an index never built), build them first: only what is
    missing is embedded, and vectors of two compute types never meet (one collection each)."""
    try:
        return load_kb(settings, embedder, store)
    except IndexIncomplete as exc:
        log.warning("index incomplete: building it", extra={"embedder": embedder.name, "missing": exc.missing})
    report = build_index(settings, embedder, store, progress=False)
    log.info("index built", extra={"embedded": report.embedded, "seconds": round(report.seconds, 1)})
    return load_kb(settings, embedder, store)


def load_or_degrade(settings: Settings, embedder: Embedder, store: VectorStore) -> KnowledgeBase:
    """:func:`load_or_index`, or, when the vector store cannot be reached, the knowledge base with the
    lexical signals only (logged as such): Dalil answers rather than refusing to start, and the
    knowledge watcher loads the vectors once the store is back."""
    try:
        return load_or_index(settings, embedder, store)
    except StoreUnavailable as exc:
        log.error("vector store unavailable: answering with the lexical signals only", extra={"error": str(exc)})
    loaded = load_knowledge(settings.knowledge_dir)
    queries = EmbeddingCache(settings.embedding_cache_path, embedder.name, QUERY_CACHE)
    try:
        embed_examples(scope_examples(loaded.procedures), embedder, queries)  # none when the index job ran
        return KnowledgeBase.build(loaded.procedures, embedder, None, queries, loaded.errors)
    finally:
        queries.close()


@dataclass(frozen=True)
class Reloaded:
    procedures: int
    errors: list[str]  # the files skipped, as "file: field: problem"
    version: int


def reload_knowledge(
    settings: Settings,
    embedder: Embedder,
    store: VectorStore,
    holder: KnowledgeHolder,
    publish: Callable[[int], int] | None = None,
) -> Reloaded:
    """Re-index and swap; on failure the previous version keeps serving and the error is raised.
    ``publish(procedures)`` records the new version for the other workers and returns its number."""
    report = build_index(settings, embedder, store, progress=False)
    kb = load_kb(settings, embedder, store)
    if not kb.procedures:
        raise RuntimeError("the new knowledge base has no valid procedure; keeping the previous one")
    holder.swap(kb, publish(len(kb.procedures)) if publish else None)
    return Reloaded(len(kb.procedures), [str(e) for e in report.errors], holder.version)
