"""Speech to text on another machine: any server speaking OpenAI's ``POST /v1/audio/transcriptions``
(OpenAI, Groq, speaches / faster-whisper-server, whisper.cpp server, vLLM). For GPU scale — large-v3
or a Darija fine-tune — without a GPU in the web process. Selected by ``DALIL_STT_BASE_URL``."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from bot.adapters.stt import PROMPT_OPENINGS, build_prompt
from bot.audio_formats import CONTAINERS, sniff
from bot.config import Settings
from bot.types import Transcript

TIMEOUT_S = 60.0
# OpenAI's verbose_json names the language ("french"); other servers give the ISO code.
LANGUAGE_NAMES = {"arabic": "ar", "french": "fr", "english": "en", "spanish": "es"}
ARABIC = re.compile(r"[\u0600-\u06FF]")


@dataclass(frozen=True)
class RemoteTranscriber:
    endpoint: str
    model: str
    api_key: str | None = None
    language: str | None = None  # used when the caller gives no hint
    prompt: str | None = None  # DALIL_WHISPER_INITIAL_PROMPT as is; None: the vocabulary's; "": none
    timeout_s: float = TIMEOUT_S
    # The knowledge base's names per language (``bot/voice/vocabulary.py``), as the local recogniser gets.
    vocabulary: Mapping[str, Sequence[str]] = field(default_factory=dict)

    @classmethod
    def from_settings(
        cls, settings: Settings, vocabulary: Mapping[str, Sequence[str]] | None = None
    ) -> RemoteTranscriber:
        return cls(
            endpoint=transcriptions_url(settings.stt_base_url or ""),
            model=settings.stt_model,
            api_key=settings.stt_api_key.get_secret_value() if settings.stt_api_key else None,
            language=settings.whisper_language or None,
            prompt=settings.whisper_initial_prompt,
            vocabulary=vocabulary or {},
        )

    def prompt_for(self, language: str | None) -> str | None:
        """The setting when set ("" for none); else, when the language is known (hint, setting or the
        session's), the knowledge base's names in it. Without a language no names are sent: a prompt in
        one language would decide the server's language detection."""
        if self.prompt is not None:
            return self.prompt or None
        whisper_language = "ar" if language in ("ar", "darija") else language
        terms = self.vocabulary.get(whisper_language or "")
        if not whisper_language or not terms:
            return None
        # The server's tokenizer is not here: about 3 bytes a token errs long for French and Arabic.
        opening = PROMPT_OPENINGS.get(whisper_language, "")
        return build_prompt(opening, terms, lambda text: len(text.encode()) // 3 + 1)

    def transcribe(
        self, audio: bytes, mime_type: str, language: str | None = None, prior: str | None = None
    ) -> Transcript:
        """Raises ``httpx.HTTPError`` when the server is unreachable or refuses the request. The
        protocol has no prior: the server detects the language itself when no hint is given (the
        prior only chooses the language of the prompt)."""
        form = {"model": self.model, "response_format": "verbose_json", "temperature": "0"}
        if language or self.language:
            form["language"] = str(language or self.language)
        if prompt := self.prompt_for(language or self.language or prior):
            form["prompt"] = prompt
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        container = sniff(audio) or "ogg"
        files = {"file": (f"voice.{container}", audio, mime_type or CONTAINERS[container][1])}
        with httpx.Client(timeout=self.timeout_s) as client:
            response = client.post(self.endpoint, data=form, files=files, headers=headers)
            if response.status_code == 400 and "response_format" in response.text:
                # Some models (gpt-4o-transcribe) only answer plain JSON: no language, no duration.
                form["response_format"] = "json"
                response = client.post(self.endpoint, data=form, files=files, headers=headers)
            response.raise_for_status()
        return parse_transcript(response.json())


def transcriptions_url(base_url: str) -> str:
    """``https://host``, ``https://host/v1`` and the full endpoint all name the same server."""
    base = base_url.rstrip("/")
    if base.endswith("/audio/transcriptions"):
        return base
    if not re.search(r"/v\d+$", base):
        base += "/v1"
    return base + "/audio/transcriptions"


def parse_transcript(body: dict[str, Any]) -> Transcript:
    text = str(body.get("text") or "").strip()
    language: str | None = str(body.get("language") or "").strip().lower() or None
    if language:
        language = LANGUAGE_NAMES.get(language, language)
    elif text:  # plain JSON: the script says enough to route the answer
        language = "ar" if ARABIC.search(text) else "fr"
    logprob, no_speech = _confidence(body.get("segments"))
    return Transcript(text, language, float(body.get("duration") or 0.0), 0.0, logprob, no_speech)


def _confidence(segments: object) -> tuple[float | None, float | None]:
    """verbose_json's segments carry Whisper's own ``avg_logprob`` and ``no_speech_prob`` (OpenAI and
    speaches do; other servers may not: then the confidence rests on retrieval alone)."""
    if not isinstance(segments, list):
        return None, None
    rows = [s for s in segments if isinstance(s, dict) and isinstance(s.get("avg_logprob"), int | float)]
    if not rows:
        return None, None
    weights = [max(1, len(s["tokens"]) if isinstance(s.get("tokens"), list) else 1) for s in rows]
    logprob = sum(float(s["avg_logprob"]) * w for s, w in zip(rows, weights, strict=True)) / sum(weights)
    no_speech = [float(s["no_speech_prob"]) for s in rows if isinstance(s.get("no_speech_prob"), int | float)]
    return logprob, max(no_speech) if no_speech else None
