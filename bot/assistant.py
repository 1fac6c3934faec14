"""Dalil as one object: knowledge, pipeline and conversation memory, shared by the API, the CLI,
the web page and WhatsApp. ``answer`` never raises to the citizen."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from functools import cached_property, partial

from bot.admin.editor import KnowledgeEditor
from bot.answer.pipeline import Pipeline
from bot.config import Settings
from bot.conversation import ConversationStore
from bot.database import make_engine
from bot.privacy import pseudonym
from bot.search.served import KnowledgeBase, KnowledgeHolder, load_or_index, reload_knowledge
from bot.services import Services, build_services
from bot.types import Answer, AnswerLang, Transcript
from bot.voice.transcribe import VoiceGate

log = logging.getLogger("dalil")


@dataclass
class Dalil:
    settings: Settings
    services: Services
    knowledge: KnowledgeHolder
    conversations: ConversationStore
    pipeline: Pipeline
    voice: VoiceGate

    @classmethod
    def create(cls, settings: Settings, **overrides: object) -> Dalil:
        services = build_services(settings, **overrides)
        settings = services.settings  # with the compute types and threads chosen for this machine
        kb = load_or_index(settings, services.embedder, services.store)
        conversations = ConversationStore(make_engine(settings.sqlite_url))
        return cls(
            settings,
            services,
            KnowledgeHolder(kb),
            conversations,
            Pipeline(settings, services.generator),
            VoiceGate(settings, services.transcriber),
        )

    @cached_property
    def editor(self) -> KnowledgeEditor:
        services = self.services
        return KnowledgeEditor(
            self.settings.knowledge_dir,
            self.conversations.engine,
            partial(reload_knowledge, self.settings, services.embedder, services.store, self.knowledge),
        )

    @property
    def kb(self) -> KnowledgeBase:
        return self.knowledge.current

    def answer(
        self,
        message: str,
        session_id: str | None = None,
        lang: AnswerLang | None = None,
        channel: str = "web",
    ) -> Answer:
        session_id = session_id or uuid.uuid4().hex
        try:
            conversation = self.conversations.load(session_id)
        except Exception:
            log.exception("conversation store unavailable")
            conversation = None
        answer = self.pipeline.run(message, self.kb, conversation, lang, session_id)
        self._record(answer, channel)
        log.info(
            "answered",
            extra={
                "session": pseudonym(session_id, self.settings.hash_salt.get_secret_value()),
                "status": answer.status.value,
                "style": answer.style,
                "language": answer.language,
                "sources": [s.id for s in answer.sources],
                "total_ms": answer.trace.get("total_ms"),
            },
        )
        return answer

    def transcribe(self, audio: bytes, mime: str | None, lang: str | None) -> Transcript:
        """A voice note's transcript (blocking; raises ``AudioError`` with a code)."""
        return self.voice.transcribe(audio, mime, lang)

    async def transcribe_waiting(self, audio: bytes, mime: str | None, lang: str | None) -> Transcript:
        """The same, for an event loop: the note waits for a worker on the loop, in a bounded queue."""
        return await self.voice.transcribe_waiting(audio, mime, lang)

    def _record(self, answer: Answer, channel: str) -> None:
        try:
            self.conversations.record(answer, channel)
        except Exception:
            # The citizen still gets the answer; the failure is visible to operators.
            log.exception("could not record the turn")
