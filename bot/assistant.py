"""Dalil as one object: knowledge, pipeline and conversation memory, shared by the API, the CLI,
the web page and WhatsApp. ``answer`` never raises to the citizen."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from functools import cached_property

from bot.config import Settings
from bot.pipeline import Pipeline, PipelineResult
from bot.privacy import pseudonym
from bot.revisions import KnowledgeEditor
from bot.search.served import KnowledgeBase, KnowledgeHolder, load_or_index, reload_knowledge
from bot.services import Services, build_services
from bot.store import ConversationStore, make_engine
from bot.types import Answer, AnswerLang

log = logging.getLogger("dalil")


@dataclass
class Dalil:
    settings: Settings
    services: Services
    knowledge: KnowledgeHolder
    conversations: ConversationStore
    pipeline: Pipeline

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
        )

    @cached_property
    def editor(self) -> KnowledgeEditor:
        return KnowledgeEditor(self.settings.knowledge_dir, self.conversations.engine)

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
        result = self.pipeline.run(message, self.kb, conversation, lang)
        self._record(session_id, channel, result)
        answer = Answer(
            status=result.status,
            language=result.language,
            text=result.text,
            sources=result.sources,
            options=result.options,
            style=result.style,  # type: ignore[arg-type]
            answer_id=result.answer_id,
            trace=result.trace,
        )
        answer.trace["session_id"] = session_id
        log.info(
            "answered",
            extra={
                "session": pseudonym(session_id, self.settings.hash_salt.get_secret_value()),
                "status": result.status.value,
                "style": result.style,
                "language": result.language,
                "sources": [s.id for s in result.sources],
                "total_ms": result.trace.get("total_ms"),
            },
        )
        return answer

    def _record(self, session_id: str, channel: str, result: PipelineResult) -> None:
        try:
            self.conversations.record(
                session_id,
                channel,
                answer_id=result.answer_id,
                question=result.redacted_question,
                status=result.status.value,
                language=result.language,
                style=result.style,
                sources=[s.id for s in result.sources],
                trace=result.trace,
                procedure_id=result.procedure_id,
            )
        except Exception:
            # The citizen still gets the answer; the failure is visible to operators.
            log.exception("could not record the turn")

    def reload_knowledge(self) -> tuple[int, list[str]]:
        """Re-index and swap; on failure the previous version keeps serving and the error is raised."""
        reloaded = reload_knowledge(self.settings, self.services.embedder, self.services.store, self.knowledge)
        return reloaded.procedures, reloaded.errors
