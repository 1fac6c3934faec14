"""Speech to text in this process behind the ``Transcriber`` seam: faster-whisper (CTranslate2, no
torch) with Silero VAD, a language chosen between French and Arabic, and an administrative prompt.
The model (``whisper_model``) is loaded by the transcriber that owns it, on its first voice note."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.adapters.pcm import SAMPLE_RATE, decode_pcm, is_silent
from bot.adapters.whisper_model import load_model
from bot.config import Settings
from bot.types import Transcript

if TYPE_CHECKING:
    import numpy as np
    from faster_whisper import WhisperModel
    from faster_whisper.transcribe import Segment

# Dalil answers in French, Arabic or Darija. Whisper's open language detection sometimes hears Darija
# as Persian, Urdu or Hebrew and writes the wrong script, so detection chooses among these only.
LANGUAGES = ("ar", "fr")
# The conversation's language is kept unless Whisper gives the other one at least this share of their
# joint probability (bench/voice_eval.py --hint session, tune split).
PRIOR_OVERRULED = 0.9
# Administrative vocabulary in the spoken language primes the decoder towards the right words
# (CNIE, carte grise, عقد الازدياد). When DALIL_WHISPER_INITIAL_PROMPT is unset the prompt is built from
# the knowledge base's names (``bot/voice/vocabulary.py``), or is this list without one; "" disables it.
DEFAULT_PROMPTS = {
    "fr": "Démarches administratives au Maroc : CNIE, carte nationale, passeport, acte de naissance, "
    "carte grise, permis de conduire, casier judiciaire, certificat de résidence, moqataa, état civil.",
    "ar": "الإجراءات الإدارية في المغرب: البطاقة الوطنية، جواز السفر، عقد الازدياد، البطاقة الرمادية، "
    "رخصة السياقة، السجل العدلي، شهادة السكنى، المقاطعة، الحالة المدنية.",
}
# The prompt built from the knowledge base keeps its most used words within this many tokens: every
# prompt token is context for each decoded one, so the budget is also a cost (bench/voice_eval.py).
PROMPT_TOKENS = 120
PROMPT_OPENINGS = {"fr": "Démarches administratives au Maroc : ", "ar": "الإجراءات الإدارية فالمغرب: "}
# A window that decodes badly is retried at these temperatures (Whisper's fallback). Three steps
# instead of Whisper's six bound the worst case at three decodes of a window (not tuned further).
TEMPERATURES = (0.0, 0.4, 0.8)
# Fast speech is about 6 tokens a second (Arabic more than French): twice that bounds a window's
# decoding by its audio, so a hallucination loop stops early instead of running to 448 tokens.
TOKENS_PER_SECOND = 12
DECODER_CONTEXT = 448  # Whisper's limit on prompt + generated tokens

# --- transcription -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecodeOptions:
    beam_size: int = 1
    vad_filter: bool = True
    initial_prompt: str | None = None  # None: DEFAULT_PROMPTS for the language; "": no prompt
    language: str | None = None  # used when the caller gives no hint
    temperatures: tuple[float, ...] = TEMPERATURES

    @classmethod
    def from_settings(cls, settings: Settings) -> DecodeOptions:
        return cls(
            settings.whisper_beam_size,
            settings.whisper_vad_filter,
            settings.whisper_initial_prompt,
            {"darija": "ar"}.get(settings.whisper_language or "", settings.whisper_language) or None,
            TEMPERATURES if settings.whisper_fallback else TEMPERATURES[:1],
        )

    def prompt_for(self, language: str, built: Mapping[str, str]) -> str | None:
        """The setting when set ("" for none), else the prompt built from the knowledge base's
        vocabulary, else the fixed administrative list."""
        if self.initial_prompt is not None:
            return self.initial_prompt or None
        return built.get(language) or DEFAULT_PROMPTS.get(language)


@dataclass(frozen=True)
class Decoded:
    text: str
    avg_logprob: float | None
    no_speech_prob: float | None
    compression_ratio: float | None

    @classmethod
    def of(cls, segments: list[Segment]) -> Decoded:
        """The segments' text, their mean token log-probability (weighted by tokens), and the highest
        no-speech probability and compression ratio of their windows."""
        text = " ".join(segment.text.strip() for segment in segments).strip()
        tokens = sum(len(segment.tokens) for segment in segments)
        if not segments or not tokens:
            return cls(text, None, None, None)
        logprob = sum(segment.avg_logprob * len(segment.tokens) for segment in segments) / tokens
        no_speech = max(segment.no_speech_prob for segment in segments)
        return cls(text, logprob, no_speech, max(segment.compression_ratio for segment in segments))


class FasterWhisperTranscriber:
    """Owns its Whisper model: loaded on the first note, once however many threads ask at the same time
    (the composition root builds one transcriber per application)."""

    def __init__(self, settings: Settings, vocabulary: Mapping[str, Sequence[str]] | None = None) -> None:
        self.settings = settings
        self.options = DecodeOptions.from_settings(settings)
        self.vocabulary = vocabulary or {}
        self._prompts: dict[str, str] = {}
        self.max_seconds = settings.max_audio_seconds
        self._model: WhisperModel | None = None
        self._lock = threading.Lock()

    @property
    def model(self) -> WhisperModel:
        if self._model is None:
            with self._lock:  # two first notes at once must not load two models
                if self._model is None:
                    self._model = load_model(self.settings)
        return self._model

    def warm_up(self) -> None:
        """Load the model now rather than on the first note (the benchmarks time the load)."""
        _ = self.model

    def transcribe(
        self, audio: bytes, mime_type: str, language: str | None = None, prior: str | None = None
    ) -> Transcript:
        pcm = decode_pcm(audio, self.max_seconds)
        duration = pcm.size / SAMPLE_RATE
        speech = self._speech(pcm)
        if speech.size == 0:
            return Transcript("", None, duration)
        try:
            language, probability = self._language(speech, language or self.options.language, prior)
            prompt = self.options.prompt_for(language, self._built_prompts())
            decoded = self._decode(speech, language, prompt)
            if prompt and _repeats_prompt(decoded.text, prompt):
                decoded = self._decode(speech, language, None)  # the encoding is kept: this costs a decode
            return Transcript(
                decoded.text,
                language,
                duration,
                probability,
                decoded.avg_logprob,
                decoded.no_speech_prob,
                decoded.compression_ratio,
            )
        finally:
            forget = getattr(self.model, "forget", None)
            if forget:
                forget()

    def _built_prompts(self) -> dict[str, str]:
        """The knowledge base's prompt per language, chosen once with the model's tokenizer."""
        if self.vocabulary and not self._prompts:
            tokenizer = self.model.hf_tokenizer
            count = lambda text: len(tokenizer.encode(" " + text, add_special_tokens=False).ids)  # noqa: E731
            self._prompts = {
                lang: build_prompt(PROMPT_OPENINGS.get(lang, ""), terms, count)
                for lang, terms in self.vocabulary.items()
            }
        return self._prompts

    def _speech(self, pcm: np.ndarray) -> np.ndarray:
        """Only the stretches where someone speaks (Silero VAD); empty when nobody does."""
        import numpy as np
        from faster_whisper.vad import VadOptions, collect_chunks, get_speech_timestamps

        if is_silent(pcm):
            return pcm[:0]
        if not self.options.vad_filter:
            return pcm
        spans = get_speech_timestamps(pcm, VadOptions(min_silence_duration_ms=500, speech_pad_ms=200))
        if not spans:
            return pcm[:0]
        chunks, _ = collect_chunks(pcm, spans)
        return np.concatenate(chunks)

    def _language(self, speech: np.ndarray, hint: str | None, prior: str | None) -> tuple[str, float]:
        """The hinted language, else the likelier of LANGUAGES unless Whisper is unsure and the
        conversation's language (``prior``) is the other one. The first window is sliced exactly as
        ``transcribe`` will slice it, so that its encoding is reused there."""
        if hint:
            return hint, 1.0
        from faster_whisper.audio import pad_or_trim

        extractor = self.model.feature_extractor
        features = extractor(speech)
        window = pad_or_trim(features[:, : min(extractor.nb_max_frames, features.shape[-1] - 1)])
        ranked = self.model.model.detect_language(self.model.encode(window))[0]
        scores = {token[2:-2]: probability for token, probability in ranked}
        best = max(LANGUAGES, key=lambda code: scores.get(code, 0.0))
        share = scores.get(best, 0.0) / max(sum(scores.get(code, 0.0) for code in LANGUAGES), 1e-9)
        if prior in LANGUAGES and prior != best and share < PRIOR_OVERRULED:
            return str(prior), float(scores.get(str(prior), 0.0))
        return best, float(scores.get(best, 0.0))

    def _decode(self, speech: np.ndarray, language: str, prompt: str | None) -> Decoded:
        segments, _ = self.model.transcribe(
            speech,
            language=language,
            beam_size=self.options.beam_size,
            initial_prompt=prompt,
            max_new_tokens=self._token_budget(speech, prompt),
            condition_on_previous_text=False,  # a bad window must not poison the next one
            temperature=list(self.options.temperatures),
            vad_filter=False,  # applied once already, in _speech
        )
        return Decoded.of(list(segments))

    def _token_budget(self, speech: np.ndarray, prompt: str | None) -> int:
        window_s = min(speech.size / SAMPLE_RATE, 30.0)
        prompt_tokens = len(self.model.hf_tokenizer.encode(" " + prompt.strip()).ids) if prompt else 0
        ceiling = DECODER_CONTEXT - prompt_tokens - 8  # the start-of-transcript tokens take a few
        return max(16, min(ceiling, 24 + int(TOKENS_PER_SECOND * window_s)))


def build_prompt(opening: str, words: Sequence[str], tokens: Callable[[str], int]) -> str:
    """``opening`` and as many of ``words`` (most important first) as fit in ``PROMPT_TOKENS``."""
    chosen: list[str] = []
    used = tokens(opening)
    for word in words:
        cost = tokens(word) + 1  # and its comma
        if used + cost > PROMPT_TOKENS:
            break
        chosen.append(word)
        used += cost
    return opening + ", ".join(chosen) + "."


def _repeats_prompt(text: str, prompt: str) -> bool:
    """Whisper's known failure on unclear audio: it recites its prompt. Its opening words ("Démarches
    administratives…"), or three prompt terms back to back in the prompt's order, are a recital; a
    citizen naming documents does not list them so. (A citizen who does say the opening words costs
    one decode more, without the prompt.)"""
    terms = [_plain(t) for t in re.split(r"[,،:]", prompt) if _plain(t)]
    said = f" {_plain(text)} "
    opening = " ".join(terms[0].split()[:2]) if terms else ""
    if opening and f" {opening} " in said:
        return True
    return any(f" {' '.join(terms[i : i + 3])} " in said for i in range(len(terms) - 2))


def _plain(text: str) -> str:
    """Lower case, punctuation to spaces: how a recital is compared with its prompt."""
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())
