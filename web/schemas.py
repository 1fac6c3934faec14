"""The chat API contract (keep these names: the web page, WhatsApp and external checks rely on them).

The OpenAPI document says what the server accepts, exactly: each text field's length and pattern are
written once here and both checked and published (a generated client, or Schemathesis, relies on them).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field, StrictInt, field_validator

from bot.sessions import SESSION_ID_LENGTH
from bot.types import Answer, AnswerLang, AnswerStatus, Style

SESSION_PATTERN = rf"^[A-Za-z0-9_.:-]{{1,{SESSION_ID_LENGTH}}}$"
ANSWER_ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
MAX_MESSAGE = 2000
MAX_COMMENT = 1000
# What a citizen cannot see: controls, spaces of every kind, zero-width and bidi marks, fillers.
_INVISIBLE = (
    r"\x00-\x20\x7f-\xa0\xad\u034f\u061c\u115f\u1160\u1680\u17b4\u17b5\u180b-\u180f\u2000-\u200f"
    r"\u2028-\u202f\u205f-\u206f\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"
)
_SURROGATES = r"\ud800-\udfff"  # only a broken client sends one ("\ud800" alone is not text)
# A message: no lone surrogate, and at least one character a citizen can see.
MESSAGE_PATTERN = rf"^[^{_SURROGATES}]*[^{_INVISIBLE}{_SURROGATES}][^{_SURROGATES}]*$"
TEXT_PATTERN = rf"^[^{_SURROGATES}]*$"
# Control characters are removed from what is stored (a NUL in a comment), line breaks and tabs kept.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _no_surrogate(field: str, value: str) -> None:
    if not re.fullmatch(TEXT_PATTERN, value):
        raise ValueError(f"{field} contains an invalid character (a lone UTF-16 surrogate): send UTF-8 text")


class Problem(BaseModel):
    """Every refusal: 4xx (and 503) with a reason a person can act on."""

    detail: str


REFUSALS: dict[int, str] = {
    400: "the body is not valid JSON (or the form is malformed)",
    401: "missing or wrong admin token",
    403: "refused",
    404: "not found",
    413: "the body is over this route's limit",
    415: "not an accepted audio format",
    422: "a field is missing or invalid: `detail` says which and why",
    429: "too many requests: retry after `Retry-After` seconds",
    503: "not available now (not configured, busy, or the database is unavailable): see `detail`",
}


def refusals(*codes: int, **described: str) -> dict[int | str, dict[str, object]]:
    """The OpenAPI ``responses`` of a route: each refusal it may answer, all shaped as :class:`Problem`
    (``described`` overrides a description: ``_404="no such procedure"``)."""
    return {
        code: {"model": Problem, "description": described.get(f"_{code}", REFUSALS[code])} for code in codes
    }


class ChatRequest(BaseModel):
    message: str = Field(
        description="the citizen's question, 1 to 2,000 characters, at least one of them visible",
        json_schema_extra={"minLength": 1, "maxLength": MAX_MESSAGE, "pattern": MESSAGE_PATTERN},
    )
    session_id: str | None = Field(
        None, pattern=SESSION_PATTERN, description="the id an earlier answer carried; null starts a conversation"
    )
    lang: AnswerLang | None = None

    @field_validator("message")
    @classmethod
    def _message(cls, v: str) -> str:
        _no_surrogate("message", v)
        if not re.fullmatch(MESSAGE_PATTERN, v):
            raise ValueError("message is empty: write a question")
        if len(v) > MAX_MESSAGE:
            raise ValueError(f"message is {len(v)} characters long; the limit is 2,000")
        return _CONTROLS.sub(" ", v)


class SourceOut(BaseModel):
    id: str
    title: str
    url: str


class OptionOut(BaseModel):
    id: str
    title: str


class ChatResponse(BaseModel):
    """``Answer.to_dict()``, validated: the answer JSON is built in one place for the API and the CLI."""

    session_id: str
    status: AnswerStatus
    language: AnswerLang
    answer: str
    sources: list[SourceOut]
    options: list[OptionOut]
    abstained: bool
    answer_id: str
    style: Style
    details: str = Field("", description="the full procedure card (Markdown) behind the short answer")
    aspects: list[str] = Field([], description="what the short answer answers: fees, delay, documents…")

    @classmethod
    def of(cls, answer: Answer) -> ChatResponse:
        return cls.model_validate(answer.to_dict())


class FeedbackRequest(BaseModel):
    session_id: str = Field(pattern=SESSION_PATTERN)
    answer_id: str = Field(pattern=ANSWER_ID_PATTERN)
    rating: StrictInt = Field(
        description="1 (helpful) or -1 (not helpful): an integer, never true or 1.0",
        json_schema_extra={"enum": [1, -1]},
    )
    comment: str | None = Field(
        None,
        description="optional, up to 1,000 characters",
        json_schema_extra={"maxLength": MAX_COMMENT, "pattern": TEXT_PATTERN},
    )

    @field_validator("rating")
    @classmethod
    def _rating(cls, v: int) -> int:
        if v not in (1, -1):
            raise ValueError("rating must be 1 or -1")
        return v

    @field_validator("comment")
    @classmethod
    def _comment(cls, v: str | None) -> str | None:
        if v is None:
            return None
        _no_surrogate("comment", v)
        if len(v) > MAX_COMMENT:
            raise ValueError(f"comment is {len(v)} characters long; the limit is 1,000")
        return _CONTROLS.sub("", v).strip() or None
