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

import av

from bot.audio import AudioError, inspect_audio
from bot.ports import Transcriber
from bot.services import Services
from bot.types import Transcript

log = logging.getLogger("dalil.voice")

# How long a voice note may wait for a free worker before the citizen is asked to retry: a burst
# queues here instead of decoding (and holding in memory) every note at once.
QUEUE_TIMEOUT_S = 120.0
# Subtitle credits Whisper learned to write over music and noise: a transcript made only of one of
# these is no question (a lone "merci" may be one, so it stays).
NON_SPEECH = re.compile(
    r"^(?:sous-titr.*|.*amara\.org.*|.*(?:abonnez-vous|subscribe).*|ترجمة .*|.*اشتركوا في القناة.*|موسيقى|\W*)$",
    re.IGNORECASE,
)

_gates: dict[int, threading.BoundedSemaphore] = {}
_gates_lock = threading.Lock()
_transcriber_lock = threading.Lock()


def whisper_language(lang: str | None) -> str | None:
    """Dalil's language hint as Whisper's: Darija is spoken Arabic, so Whisper hears it as "ar"."""
    return {"darija": "ar"}.get(lang or "", lang) or None


def transcribe_checked(services: Services, data: bytes, mime: str | None, lang: str | None) -> Transcript:
    """The transcript of a voice note, or AudioError with the status to answer.

    Blocking: call it from a worker thread. Raises AudioError 400/413/415/422 for bad audio (see
    ``inspect_audio``), 422 "no speech detected" for silence, 503 when recognition is busy or down.
    The transcript is cut to ``max_message_chars``, like a typed question.
    """
    settings = services.settings
    info = inspect_audio(data, mime, settings)
    language = whisper_language(lang) or whisper_language(settings.whisper_language)
    gate = _gate(settings.whisper_workers)
    if not gate.acquire(timeout=QUEUE_TIMEOUT_S):
        raise AudioError(503, "speech recognition is busy; please try again in a minute or type your question")
    try:
        transcript = _transcriber(services).transcribe(data, info.mime_type, language)
    except AudioError:
        raise
    except av.FFmpegError as exc:
        raise AudioError(422, "the audio could not be decoded: the file is damaged or truncated") from exc
    except Exception as exc:
        log.exception("speech recognition failed", extra={"container": info.container})
        raise AudioError(503, "speech recognition is unavailable right now; please type your question") from exc
    finally:
        gate.release()
    text = " ".join(transcript.text.split())
    if not text or NON_SPEECH.match(text):
        raise AudioError(422, "no speech detected: record your question again, closer to the microphone")
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


def _gate(workers: int) -> threading.BoundedSemaphore:
    workers = max(1, workers)
    with _gates_lock:
        return _gates.setdefault(workers, threading.BoundedSemaphore(workers))


def _transcriber(services: Services) -> Transcriber:
    # Services builds the transcriber lazily; two first notes at once must not load two models.
    with _transcriber_lock:
        return services.transcriber
