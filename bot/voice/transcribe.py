"""A voice question to the text Dalil answers: validate the audio, transcribe it on a bounded pool,
refuse silence. Shared by the web API and WhatsApp voice notes.

The transcript then goes through exactly the same normalisation and retrieval as typed text
(``Dalil.answer``): Whisper has no Darija, it writes Darija speech in Arabic script, which is what
the Darija layer already reads.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import replace

import anyio
import av

from bot.audio_formats import UNDECODABLE
from bot.config import Settings
from bot.errors import AudioError
from bot.ports import Transcriber
from bot.types import Transcript
from bot.voice.audio import inspect_audio

log = logging.getLogger("dalil.voice")

# How long a voice note may wait for a free worker before the citizen is asked to retry: a burst
# queues here instead of decoding (and holding in memory) every note at once.
QUEUE_TIMEOUT_S = 120.0
# Notes allowed to wait on the event loop per transcription worker; beyond, the citizen is asked to retry.
QUEUE_PER_WORKER = 8
# Subtitle credits Whisper learned to write over music and noise: a transcript made only of one of
# these is no question (a lone "merci" may be one, so it stays).
NON_SPEECH = re.compile(
    r"^(?:sous-titr.*|.*amara\.org.*|.*(?:abonnez-vous|subscribe).*|ترجمة .*|.*اشتركوا في القناة.*|موسيقى|\W*)$",
    re.IGNORECASE,
)


def whisper_language(lang: str | None) -> str | None:
    """Dalil's language hint as Whisper's: Darija is spoken Arabic, so Whisper hears it as "ar"."""
    return {"darija": "ar"}.get(lang or "", lang) or None


class VoiceGate:
    """Speech recognition for one application: at most ``whisper_workers`` transcriptions at once, the
    checks every note goes through, and a bounded queue for callers on an event loop. Built once per
    application by ``bot.app``; nothing about it outlives the application."""

    def __init__(self, settings: Settings, transcriber: Transcriber) -> None:
        self.settings = settings
        self.transcriber = transcriber
        workers = max(1, settings.whisper_workers)
        self._slots = threading.BoundedSemaphore(workers)
        # Notes from the web wait here, on the event loop, not in threads: a burst of voice notes
        # must not take every worker thread from /api/chat.
        self._limiter = anyio.CapacityLimiter(workers)

    def transcribe(self, data: bytes, mime: str | None, lang: str | None, prior: str | None = None) -> Transcript:
        """The transcript of a voice note, or AudioError with a code (see ``bot.errors``).

        Blocking: call it from a worker thread. Bad audio is refused before recognition (see
        ``inspect_audio``); silence is ``no_speech``; ``busy`` when no worker freed up in time,
        ``unavailable`` when recognition failed. The transcript is cut to ``max_message_chars``,
        like a typed question. ``prior`` is the conversation's language (Dalil's), a tie-breaker.
        """
        settings = self.settings
        info = inspect_audio(data, mime, settings)
        language = whisper_language(lang) or whisper_language(settings.whisper_language)
        if not self._slots.acquire(timeout=QUEUE_TIMEOUT_S):
            raise AudioError("busy", "speech recognition is busy; please try again in a minute or type your question")
        try:
            transcript = self.transcriber.transcribe(data, info.mime_type, language, whisper_language(prior))
        except AudioError:
            raise
        except av.FFmpegError as exc:
            raise AudioError("undecodable", UNDECODABLE) from exc
        except Exception as exc:
            log.exception("speech recognition failed", extra={"container": info.container})
            raise AudioError(
                "unavailable", "speech recognition is unavailable right now; please type your question"
            ) from exc
        finally:
            self._slots.release()
        text = " ".join(transcript.text.split())
        if not text or NON_SPEECH.match(text):
            raise AudioError("no_speech", "no speech detected: record your question again, closer to the microphone")
        log.info(
            "transcribed",
            extra={
                "container": info.container,
                "audio_s": round(info.duration_s, 1),
                "language": transcript.language,
                "chars": len(text),
            },
        )
        duration = transcript.duration_s or info.duration_s  # remote servers may not say
        return replace(transcript, text=text[: settings.max_message_chars], duration_s=duration)

    async def transcribe_waiting(
        self, data: bytes, mime: str | None, lang: str | None, prior: str | None = None
    ) -> Transcript:
        """:meth:`transcribe` for an event loop: the note waits for a worker on the loop, and is refused
        (``busy``) when ``QUEUE_PER_WORKER`` notes per worker already wait."""
        limiter = self._limiter
        if limiter.statistics().tasks_waiting >= QUEUE_PER_WORKER * limiter.total_tokens:
            raise AudioError("busy", "too many voice questions at once; please retry in a minute")
        return await anyio.to_thread.run_sync(self.transcribe, data, mime, lang, prior, limiter=limiter)
