"""What a channel needs from Dalil: the assistant's face as a channel sees it. ``bot.assistant.Dalil``
is the implementation; a channel's tests use a small fake of it. The messages a channel carries are
in ``bot.types`` and the ``Channel`` seam in ``bot.ports``."""

from __future__ import annotations

from typing import Protocol

from bot.knowledge.schema import Procedure
from bot.types import Answer, AnswerLang, Heard, Transcript


class Assistant(Protocol):
    def answer(
        self, message: str, session_id: str | None = None, lang: AnswerLang | None = None, channel: str = "web"
    ) -> Answer:
        """Never raises: a failure is an answer with a status and a polite message."""
        ...

    def transcribe(
        self, audio: bytes, mime: str | None, lang: str | None, session_id: str | None = None
    ) -> Transcript:
        """Blocking; raises ``bot.errors.AudioError`` with a code. The session's language, when it
        has one, settles a hesitation between French and Arabic."""
        ...

    def answer_heard(
        self,
        transcript: Transcript,
        session_id: str | None = None,
        lang: AnswerLang | None = None,
        channel: str = "web",
    ) -> Heard:
        """A voice question's answer, or the question "did I hear you right?" when unsure (``confirm``)."""
        ...

    def procedure(self, procedure_id: str) -> Procedure | None: ...

    def session_language(self, session_id: str) -> AnswerLang | None:
        """The language of the session's last answer, None for a new session."""
        ...
