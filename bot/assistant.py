"""``Dalil``: the narrow face the web routes, the CLI and the WhatsApp worker use. Built by
``bot.app.build``; what it holds (knowledge, pipeline, conversation store, voice gate, models) stays
behind it. ``answer`` never raises to the citizen."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from dataclasses import dataclass

import anyio

from bot.admin.console import Console
from bot.admin.editor import KnowledgeEditor
from bot.answer.cache import AnswerCache
from bot.answer.pipeline import Pipeline
from bot.channels.whatsapp.runtime import WhatsAppRuntime
from bot.config import Settings
from bot.conversation import Conversation, ConversationStore
from bot.coordination import Periodic
from bot.database import problem
from bot.knowledge.schema import Procedure
from bot.metrics import Metrics
from bot.ports import Embedder, VectorStore
from bot.privacy import pseudonym, redact
from bot.ratelimit import RateLimiter
from bot.search.served import KnowledgeHolder
from bot.sessions import SessionIds
from bot.types import Answer, AnswerLang, ComputeChoice, Heard, Transcript
from bot.voice.confidence import ConfidencePolicy, assess, confirmation
from bot.voice.transcribe import VoiceGate

log = logging.getLogger("dalil")

ANSWER_LANGS: tuple[AnswerLang, ...] = ("fr", "ar", "darija")
PROBE_EVERY_S = 2.0  # /health writes to the database at most this often


@dataclass(frozen=True)
class Readiness:
    """What ``GET /health`` reports."""

    procedures: int
    chunks: int  # -1 when the vector store cannot be reached
    knowledge_version: int
    knowledge_errors: int
    embedder: str
    compute_types: dict[str, object]
    dense: bool  # the dense signal is loaded; False: answering with the lexical signals only
    database: str = "ok"  # or locked, full, unavailable: answers are given, nothing can be stored now
    published_at: str | None = None  # when the version serving was published (None: loaded at start-up)

    @property
    def ready(self) -> bool:
        """Ready to answer: the knowledge base is loaded. A vector store that went away after the load
        costs nothing (the vectors are in memory); one that was away at the load costs the dense signal,
        not the answers: neither takes the worker out of a load balancer."""
        return self.procedures > 0


class Dalil:
    def __init__(
        self,
        settings: Settings,
        *,
        knowledge: KnowledgeHolder,
        pipeline: Pipeline,
        conversations: ConversationStore,
        voice: VoiceGate,
        editor: KnowledgeEditor,
        embedder: Embedder,
        store: VectorStore,
        compute: ComputeChoice,
        answers: AnswerCache | None = None,
        metrics: Metrics | None = None,
        sessions: SessionIds,
        limits: RateLimiter,
    ) -> None:
        self.settings = settings  # resolved: concrete compute types and thread counts
        self.editor = editor  # the admin routes' way to change the knowledge base
        self.sessions = sessions  # web session ids: issued here, honoured only when issued here
        self.limits = limits  # the web API's rate limits
        self.whatsapp: WhatsAppRuntime | None = None  # set by bot.app when WhatsApp is configured
        # Set by bot.app: the knowledge watcher and the jobs lease (which starts the WhatsApp worker and
        # the retention purge).
        self.background: list[Periodic] = []
        self.console: Console | None = None  # the administrators' console, set by bot.app
        self._knowledge = knowledge
        self._pipeline = pipeline
        self._conversations = conversations
        self._voice = voice
        self._embedder = embedder
        self._store = store
        self._compute = compute
        self._answers = answers  # whole first-turn answers (None: every question runs the pipeline)
        self.metrics = metrics or Metrics()
        self._probed: tuple[float, str] = (0.0, "ok")
        self._probe_lock = threading.Lock()
        self._confidence = ConfidencePolicy.from_settings(settings)

    # --- lifecycle ---------------------------------------------------------------------------

    def warm_up(self) -> None:
        """Load the embedding model now, not on the first citizen's question."""
        self._embedder.embed_query("warm up")

    def start(self) -> None:
        self.warm_up()
        for task in self.background:
            task.start()

    def stop(self) -> None:
        for task in reversed(self.background):
            task.stop()
        if self.whatsapp is not None:
            self.whatsapp.stop()

    # --- answering ---------------------------------------------------------------------------

    def answer(
        self,
        message: str,
        session_id: str | None = None,
        lang: AnswerLang | None = None,
        channel: str = "web",
    ) -> Answer:
        answer = self._run(message, session_id, lang)
        self._record(answer, channel)
        self.metrics.observe_answer(channel, answer.status.value, answer.style, answer.language, answer.trace)
        self._log(answer)
        return answer

    def answer_heard(
        self,
        transcript: Transcript,
        session_id: str | None = None,
        lang: AnswerLang | None = None,
        channel: str = "web",
    ) -> Heard:
        """A voice question's answer, or — when recognition or retrieval is unsure — the question "did I
        hear you right?" in its place. An unconfirmed answer is not recorded: the conversation stays on
        its topic until the citizen confirms (sends the transcript as a typed question) or corrects it."""
        answer = self._run(transcript.text, session_id, lang)
        confidence = assess(transcript, answer, self._confidence)
        if confidence.confirm:
            answer = confirmation(answer, transcript.text, confidence.doubts)
        else:
            self._record(answer, channel)
        self.metrics.observe_answer(channel, answer.status.value, answer.style, answer.language, answer.trace)
        self._log(answer, confirm=confidence.confirm)
        return Heard(answer, transcript, confidence.score, confidence.confirm, confidence.doubts)

    def _run(self, message: str, session_id: str | None, lang: AnswerLang | None) -> Answer:
        """The pipeline's answer (a new session's first turn may come from the cache); nothing recorded."""
        conversation = self._conversation(session_id) if session_id else None
        session_id = session_id or uuid.uuid4().hex
        # The version before the knowledge base: a swap in between files the answer under the older
        # version, which the next lookup at the newer one empties; never the reverse.
        version = self._knowledge.version
        kb = self._knowledge.current
        cache = self._answers if conversation is None else None  # only first turns are cached
        answer = cache.get(version, message, lang, session_id) if cache is not None else None
        if answer is None:
            answer = self._pipeline.run(message, kb, conversation, lang, session_id)
            if cache is not None:
                cache.put(version, message, lang, answer)
        return answer

    def _log(self, answer: Answer, **extra: object) -> None:
        log.info(
            "answered",
            extra={
                "session": pseudonym(answer.session_id, self.settings.hash_salt.get_secret_value()),
                "status": answer.status.value,
                "style": answer.style,
                "language": answer.language,
                "sources": [s.id for s in answer.sources],
                "total_ms": answer.trace.get("total_ms"),
                **extra,
            },
        )

    def _conversation(self, session_id: str) -> Conversation | None:
        try:
            return self._conversations.load(session_id)
        except Exception:
            log.exception("conversation store unavailable")
            return None

    def _record(self, answer: Answer, channel: str) -> None:
        try:
            self._conversations.record(answer, channel)
        except Exception as exc:
            # The citizen still gets the answer; operators see which turn was lost and why (a follow-up
            # in this conversation starts afresh, feedback on this answer finds nothing).
            self.metrics.turns_lost.labels(problem(exc)).inc()
            log.error(
                "turn lost: the answer was given but not recorded",
                extra={"answer_id": answer.answer_id, "channel": channel, "problem": problem(exc)},
                exc_info=True,
            )

    def transcribe(
        self, audio: bytes, mime: str | None, lang: str | None, session_id: str | None = None
    ) -> Transcript:
        """A voice note's transcript (blocking; raises ``AudioError`` with a code). Without ``lang``,
        the session's language breaks the recogniser's hesitations between French and Arabic."""
        return self._voice.transcribe(audio, mime, lang, self._prior(lang, session_id))

    async def transcribe_waiting(
        self, audio: bytes, mime: str | None, lang: str | None, session_id: str | None = None
    ) -> Transcript:
        """The same, for an event loop: the note waits for a worker on the loop, in a bounded queue."""
        prior = await anyio.to_thread.run_sync(self._prior, lang, session_id)
        return await self._voice.transcribe_waiting(audio, mime, lang, prior)

    def _prior(self, lang: str | None, session_id: str | None) -> str | None:
        return None if lang or not session_id else self.session_language(session_id)

    # --- what callers look up ----------------------------------------------------------------

    def procedure(self, procedure_id: str) -> Procedure | None:
        return self._knowledge.current.get(procedure_id)

    def session_language(self, session_id: str) -> AnswerLang | None:
        """The language of the session's last answer; None for a new session or a store that is down."""
        try:
            conversation = self._conversations.load(session_id, last=1)
        except Exception:
            return None
        lang = conversation.language if conversation else None
        return next((known for known in ANSWER_LANGS if known == lang), None)

    def readiness(self) -> Readiness:
        kb = self._knowledge.current
        self.metrics.knowledge_version.set(self._knowledge.version)
        self.metrics.dense.set(1 if kb.dense else 0)
        try:
            chunks = self._store.count()
        except Exception:
            chunks = -1
        return Readiness(
            procedures=len(kb.procedures),
            chunks=chunks,
            knowledge_version=self._knowledge.version,
            knowledge_errors=len(kb.errors),
            embedder=self._embedder.name,
            compute_types=self._compute.as_dict(),
            dense=kb.dense,
            database=self._database_state(),
            published_at=self._published_at(),
        )

    def _database_state(self) -> str:
        """``ok`` when the database took a small write in the last ``PROBE_EVERY_S``, else why not."""
        with self._probe_lock:
            at, state = self._probed
            if time.monotonic() - at < PROBE_EVERY_S:
                return state
            try:
                self._conversations.probe()
                state = "ok"
            except Exception as exc:
                state = problem(exc)
                log.warning("database probe failed", extra={"problem": state})
            self._probed = (time.monotonic(), state)
            return state

    def _published_at(self) -> str | None:
        stamp = self.console.publisher.published_at() if self.console is not None else None
        return stamp.isoformat(timespec="seconds") + "Z" if stamp else None

    # --- feedback ----------------------------------------------------------------------------

    def feedback(self, session_id: str, answer_id: str, rating: int, comment: str | None) -> bool:
        """Store a citizen's rating of one answer (the comment redacted); False if there is no such answer."""
        if not self._conversations.has_answer(session_id, answer_id):
            return False
        self._conversations.add_feedback(session_id, answer_id, rating, redact(comment) if comment else None)
        return True

    def recent_feedback(self, limit: int = 100) -> list[dict[str, object]]:
        return self._conversations.feedback_rows(limit)
