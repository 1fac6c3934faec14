"""The chat API contract (keep these names: the web page, WhatsApp and external checks rely on them)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, field_validator

from bot.types import Answer, AnswerLang, AnswerStatus, Style

SESSION_PATTERN = r"^[A-Za-z0-9_.:-]{1,128}$"


class ChatRequest(BaseModel):
    message: str = Field(description="the citizen's question, 1 to 2,000 characters")
    session_id: str | None = Field(None, pattern=SESSION_PATTERN)
    lang: AnswerLang | None = None

    @field_validator("message")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("message is empty: write a question")
        if len(v) > 2000:
            raise ValueError(f"message is {len(v)} characters long; the limit is 2,000")
        return v


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
    answer_id: str = Field(min_length=1, max_length=64)
    rating: Literal[1, -1]
    comment: str | None = Field(None, max_length=1000)
