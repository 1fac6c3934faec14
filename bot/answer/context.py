"""What the answer's steps share: the context of one message, and the way a step stops."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.answer.clarify import Neighbours
from bot.conversation import Conversation
from bot.search.query import Query
from bot.search.served import KnowledgeBase
from bot.types import AnswerLang, AnswerStatus, Hit
from bot.understand.aspects import Aspect
from bot.understand.language import Detection
from bot.understand.safety import Verdict


class Stop(Exception):
    """A step's decision to answer now with ``status`` (its prepared message, or ``Context.reply``)."""

    def __init__(self, status: AnswerStatus) -> None:
        self.status = status


@dataclass
class Context:
    message: str
    lang_override: AnswerLang | None
    conversation: Conversation | None
    kb: KnowledgeBase
    detection: Detection | None = None
    lang: AnswerLang = "fr"
    aspect: Aspect | None = None
    aspects: tuple[Aspect, ...] = ()  # what the message asks (fees, documents…); none: a general question
    followup_of: str | None = None
    safety: Verdict | None = None
    search: str = ""  # what is searched: the message less its greetings, or only its question beside an injection
    query: Query | None = None
    vector: list[float] = field(default_factory=list)
    scope: dict[str, float] = field(default_factory=dict)  # the scope model's probability of each class
    ours: float = 1.0  # calibrated: the message is about one of our procedures (scope model + retrieval)
    hits: list[Hit] = field(default_factory=list)
    chosen: list[str] = field(default_factory=list)  # procedure ids the answer is built on, best first
    options: list[str] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)  # a family's procedures the answer holds for alike
    neighbours: Neighbours | None = None  # what the message says about close procedures (clarify.py)
    reply: str = ""  # the text key of a prepared reply (social, refusal kinds), when not the status's own
    preface: str = ""  # the text key of a line before the card (a declined opinion, a refused clause)
    status: AnswerStatus = AnswerStatus.ANSWERED
    text: str = ""
    details: str = ""  # the full card behind the short answer
    trace: dict[str, object] = field(default_factory=dict)
