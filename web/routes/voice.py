"""POST /api/voice: a spoken question, transcribed, then answered exactly like /api/chat — or, when
Dalil is unsure of what it heard, answered with "did I hear you right?" (``confirm``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import Field

from bot.assistant import Dalil
from bot.audio_formats import ACCEPTED
from bot.errors import AudioError
from bot.types import AnswerLang, Transcript
from web.deps import DalilDep, continue_session
from web.schemas import SESSION_PATTERN, ChatResponse, refusals


class VoiceResponse(ChatResponse):
    """The chat response plus what was heard. With ``confirm`` the answer is the question "I understood
    «…». Is that right?", with no sources: the client shows the transcript for the citizen to confirm or
    correct, then sends it to /api/chat as a typed question."""

    transcript: str
    transcript_language: str | None
    confidence: float = Field(ge=0.0, le=1.0, description="how surely the recogniser heard the transcript")
    confirm: bool = Field(description="true: ask the citizen to confirm the transcript before answering")


# The upload is capped by web.middleware.Guard (max_audio_bytes and the multipart envelope) as it arrives.
router = APIRouter(prefix="/api", tags=["voice"])


@router.post(
    "/voice",
    response_model=VoiceResponse,
    responses=refusals(
        400,
        413,
        415,
        422,
        429,
        503,
        _400="empty audio, or a malformed form",
        _413="over 10 MB",
        _415=f"not {ACCEPTED}",
        _422="too long, undecodable, no speech detected, or an invalid field",
        _503="speech recognition busy or unavailable: retry or type",
    ),
)
async def voice(
    request: Request,
    dalil: DalilDep,
    audio: Annotated[UploadFile, File(description=f"the recording: {ACCEPTED}; at most 10 MB and 2 minutes")],
    session_id: Annotated[str | None, Form(pattern=SESSION_PATTERN)] = None,
    lang: Annotated[AnswerLang | None, Form(description="spoken and answer language")] = None,
) -> VoiceResponse:
    session_id = continue_session(dalil, request, session_id)
    data = await audio.read(dalil.settings.max_audio_bytes + 1)  # one byte over is enough to refuse
    transcript = await _transcribe(dalil, data, audio.content_type, lang, session_id)
    heard = await run_in_threadpool(dalil.answer_heard, transcript, session_id, lang, "voice")
    return VoiceResponse.model_validate(heard.to_dict())


async def _transcribe(
    dalil: Dalil, data: bytes, mime: str | None, lang: str | None, session_id: str | None
) -> Transcript:
    try:
        return await dalil.transcribe_waiting(data, mime, lang, session_id)
    except AudioError as exc:
        headers = {"Retry-After": "30"} if exc.retryable else None
        raise HTTPException(exc.status_code, exc.reason, headers) from exc
