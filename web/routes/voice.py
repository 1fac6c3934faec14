"""POST /api/voice: a spoken question, transcribed, then answered exactly like /api/chat."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Request, Response, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute

from bot.assistant import Dalil
from bot.audio_formats import ACCEPTED
from bot.config import Settings
from bot.errors import AudioError
from bot.types import AnswerLang, Transcript
from web.deps import DalilDep
from web.schemas import SESSION_PATTERN, ChatResponse

# Room for the multipart envelope and the other fields around the audio.
MULTIPART_OVERHEAD = 64 * 1024


class VoiceResponse(ChatResponse):
    transcript: str
    transcript_language: str | None


class UploadLimitRoute(APIRoute):
    """Refuses an upload whose declared length is over the limit before its body is read and spooled."""

    def get_route_handler(self) -> Callable[[Request], Awaitable[Response]]:
        handler = super().get_route_handler()

        async def limited(request: Request) -> Response:
            settings: Settings = request.app.state.dalil.settings
            length = request.headers.get("content-length", "")
            if length.isdigit() and int(length) > settings.max_audio_bytes + MULTIPART_OVERHEAD:
                limit = settings.max_audio_bytes / 1024 / 1024
                return JSONResponse({"detail": f"the upload is over the {limit:.0f} MB limit"}, status_code=413)
            return await handler(request)

        return limited


router = APIRouter(prefix="/api", tags=["voice"], route_class=UploadLimitRoute)


@router.post(
    "/voice",
    response_model=VoiceResponse,
    responses={
        400: {"description": "empty audio"},
        413: {"description": "over 10 MB"},
        415: {"description": f"not {ACCEPTED}"},
        422: {"description": "too long, undecodable, or no speech detected"},
        503: {"description": "speech recognition busy or unavailable: retry or type"},
    },
)
async def voice(
    dalil: DalilDep,
    audio: Annotated[UploadFile, File(description=f"the recording: {ACCEPTED}; at most 10 MB and 2 minutes")],
    session_id: Annotated[str | None, Form(pattern=SESSION_PATTERN)] = None,
    lang: Annotated[AnswerLang | None, Form(description="spoken and answer language")] = None,
) -> VoiceResponse:
    settings = dalil.settings
    data = await audio.read(settings.max_audio_bytes + 1)  # one byte over is enough to refuse
    transcript = await _transcribe(dalil, data, audio.content_type, lang)
    answer = await run_in_threadpool(dalil.answer, transcript.text, session_id, lang, "voice")
    return VoiceResponse(
        **ChatResponse.of(answer).model_dump(),
        transcript=transcript.text,
        transcript_language=transcript.language,
    )


async def _transcribe(dalil: Dalil, data: bytes, mime: str | None, lang: str | None) -> Transcript:
    try:
        return await dalil.transcribe_waiting(data, mime, lang)
    except AudioError as exc:
        headers = {"Retry-After": "30"} if exc.retryable else None
        raise HTTPException(exc.status_code, exc.reason, headers) from exc
