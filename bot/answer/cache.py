"""Whole answers to first turns, by knowledge-base version and normalised question.

A first turn (no conversation yet) depends only on the question, the language asked for and the
knowledge base, so citizens who ask what others asked get the same answer without running the
pipeline. A later turn depends on the conversation and is never cached. The cache is bounded (least
recently used out first) and emptied when the version served changes, so a publish is never hidden
behind an old answer. Answers that came from an error, or from an LLM, are not kept.
"""

from __future__ import annotations

import dataclasses
import uuid

from bot.privacy import redact
from bot.search.query_cache import LRU
from bot.types import Answer, AnswerLang, AnswerStatus


def question_key(message: str, lang: AnswerLang | None) -> str:
    """Case and spacing do not change an answer; anything else might, so it stays in the key."""
    return f"{lang or ''}|{' '.join(message.casefold().split())}"


class AnswerCache:
    def __init__(self, size: int) -> None:
        self._lru: LRU[str, Answer] = LRU(size)
        self._version: int | None = None

    @property
    def stats(self) -> tuple[int, int, int]:
        """(hits, misses, entries)."""
        return self._lru.hits, self._lru.misses, len(self._lru)

    def _at(self, version: int) -> None:
        if version != self._version:
            self._lru.clear()
            self._version = version

    def get(self, version: int, message: str, lang: AnswerLang | None, session_id: str) -> Answer | None:
        """The cached answer, as a new answer of this session (its own id, this question's redaction)."""
        self._at(version)
        cached = self._lru.get(question_key(message, lang))
        if cached is None:
            return None
        return dataclasses.replace(
            cached,
            answer_id=uuid.uuid4().hex,
            session_id=session_id,
            redacted_question=redact(message),
            trace={**cached.trace, "cached": True},
        )

    def put(self, version: int, message: str, lang: AnswerLang | None, answer: Answer) -> None:
        if answer.status is AnswerStatus.NO_ANSWER or "error_step" in answer.trace or "llm" in answer.trace:
            return
        self._at(version)
        self._lru.put(question_key(message, lang), answer)
