"""The nouns of Dalil: what a question, an answer, a source and a chunk are."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

# The language an answer is written in (the chat API's `language`).
AnswerLang = Literal["fr", "ar", "darija"]
# How the question was written (finer than the answer language; used in logs and the eval).
Style = Literal["fr", "ar", "darija", "arabizi", "mixed"]


class AnswerStatus(StrEnum):
    ANSWERED = "answered"
    CLARIFICATION = "clarification"
    OUT_OF_SCOPE = "out_of_scope"
    REFUSED = "refused"
    NO_ANSWER = "no_answer"

    @property
    def abstained(self) -> bool:
        return self in (AnswerStatus.OUT_OF_SCOPE, AnswerStatus.REFUSED, AnswerStatus.NO_ANSWER)


@dataclass(frozen=True)
class Chunk:
    """A piece of one procedure that is embedded and searched on its own."""

    id: str  # content hash: the same text always gets the same id
    procedure_id: str
    lang: Literal["fr", "ar", "darija"]
    section: str  # overview, documents, steps, costs, or question (a citizen's question, search only)
    text: str


@dataclass(frozen=True)
class Hit:
    procedure_id: str
    score: float  # fused score, comparable across queries only after calibration
    dense: float = 0.0  # best cosine similarity of the procedure's content chunks (not its questions)
    lexical: float = 0.0  # BM25 score of the procedure's document
    names: float = 0.0  # BM25 score of the procedure's title and aliases


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str


@dataclass(frozen=True)
class Option:
    id: str
    title: str


@dataclass
class Answer:
    """One answer, the same from the pipeline to the API, the CLI and WhatsApp."""

    status: AnswerStatus
    language: AnswerLang
    text: str
    sources: list[Source] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)
    style: Style = "fr"
    answer_id: str = ""
    session_id: str = ""
    procedure_id: str | None = None  # the procedure the conversation is now about (follow-ups resolve to it)
    redacted_question: str = ""  # what is stored of the question: personal data replaced by placeholders
    # What each step did and how long it took: enough to explain any answer later.
    trace: dict[str, object] = field(default_factory=dict)

    @property
    def abstained(self) -> bool:
        return self.status.abstained

    def to_dict(self) -> dict[str, object]:
        """The answer as the chat API and ``dalil ask --json`` give it (web/schemas.py validates it)."""
        return {
            "session_id": self.session_id,
            "status": self.status.value,
            "language": self.language,
            "answer": self.text,
            "sources": [{"id": s.id, "title": s.title, "url": s.url} for s in self.sources],
            "options": [{"id": o.id, "title": o.title} for o in self.options],
            "abstained": self.abstained,
            "answer_id": self.answer_id,
            "style": self.style,
        }


@dataclass(frozen=True)
class Transcript:
    text: str
    language: str | None  # Whisper's language code, e.g. "fr", "ar"
    duration_s: float
    language_probability: float = 0.0


@dataclass(frozen=True)
class Generation:
    text: str
    cited_ids: list[str]
