"""The seams of Dalil: one small Protocol per role. Vendors stay inside ``bot/adapters``.

Each contract is stated in its docstring; every implementation has a test that uses it for real.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol, runtime_checkable

from bot.types import Generation, Inbound, Media, Reply, Transcript


@runtime_checkable
class Embedder(Protocol):
    """Turns text into L2-normalised vectors. Queries and passages may be embedded differently
    (e5-style models need ``query:``/``passage:`` prefixes). ``name`` identifies the model and is
    part of the embedding cache key, so two models never share cached vectors."""

    name: str

    def embed_query(self, text: str) -> list[float]: ...

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]: ...


@runtime_checkable
class VectorStore(Protocol):
    """Stores chunk vectors with metadata. ``search`` returns ``(id, similarity, metadata)`` best
    first, similarity in [-1, 1] (cosine). ``where`` filters on metadata equality."""

    def upsert(
        self, ids: Sequence[str], vectors: Sequence[Sequence[float]], metadatas: Sequence[Mapping[str, str]]
    ) -> None: ...

    def search(
        self, vector: Sequence[float], k: int, where: Mapping[str, str] | None = None
    ) -> list[tuple[str, float, dict[str, str]]]: ...

    def delete(self, ids: Sequence[str]) -> None: ...

    def ids(self) -> set[str]: ...

    def export(self) -> tuple[list[str], list[list[float]], list[dict[str, str]]]:
        """Every (id, vector, metadata): the retriever keeps the serving vectors in memory."""
        ...

    def count(self) -> int: ...


@runtime_checkable
class Transcriber(Protocol):
    """Speech to text. ``audio`` is the raw file as uploaded (OGG/Opus, WebM, MP3, M4A, WAV);
    ``language`` is an optional hint (ISO code), followed; ``prior`` the language the conversation was
    in, taken only when the recogniser cannot tell (a backend without language scores may ignore it).
    Blocking: call it from a worker thread."""

    def transcribe(
        self, audio: bytes, mime_type: str, language: str | None = None, prior: str | None = None
    ) -> Transcript: ...


@runtime_checkable
class Generator(Protocol):
    """An LLM that phrases an answer from the messages it is given (the cards it may use are in the
    messages). It must say which procedure ids it used; the output guard checks everything else."""

    def generate(self, messages: Sequence[Mapping[str, str]]) -> Generation: ...


@runtime_checkable
class Channel(Protocol):
    """A messaging platform (WhatsApp today; Telegram or SMS would implement the same three methods and
    reuse the inbox, outbox and worker). ``parse`` authenticates a webhook delivery and returns its
    messages (raising ``bot.errors.ChannelAuthError`` for an unauthenticated one); ``send`` delivers one
    reply and returns the platform's message id; ``fetch_media`` downloads an attachment (refusing one
    over ``max_bytes``, by default the platform's configured limit). ``send`` and ``fetch_media`` raise
    ``bot.errors.ChannelError`` with ``retryable`` set when trying again may help."""

    name: str

    def parse(self, payload: bytes, headers: Mapping[str, str]) -> list[Inbound]: ...

    def send(self, to: str, reply: Reply) -> str: ...

    def fetch_media(self, media_id: str, max_bytes: int | None = None) -> Media: ...


@runtime_checkable
class RateCounter(Protocol):
    """Counts requests per key in fixed windows (the web API's rate limits, ``bot.ratelimit``).

    ``hit(key, window_s, now)`` records one request of ``key`` in the window of ``window_s`` seconds that
    holds ``now`` (a Unix time; the window is ``floor(now / window_s)``) and returns how many requests of
    ``key`` that window holds, this one included. The increment must be atomic for every caller that
    shares the counter: the in-process implementation serves one worker; a backend shared by several
    workers (one row per key and window, ``INSERT … ON CONFLICT DO UPDATE … RETURNING``) serves them all.
    Windows that ended may be forgotten."""

    def hit(self, key: str, window_s: int, now: float) -> int: ...
