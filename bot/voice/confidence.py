"""How sure Dalil is that it heard the question it is about to answer.

Two independent witnesses: the recogniser (Whisper's mean token log-probability and its probability
that nobody spoke) and retrieval on the transcript (how far the first procedure leads the next one).
A misheard question usually fails both: Whisper hesitates, and the words it guessed match no
procedure clearly. When either is unsure, the citizen is shown what was heard and asked to confirm
before any answer is sent ("did I hear you right?"). Thresholds are settings, chosen on the spoken
tune split by ``bench/voice_eval.py --calibrate``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from bot.config import Settings
from bot.texts import say
from bot.types import Answer, AnswerStatus, Transcript

# Whisper's own test for a decoding stuck in a loop (its compression-ratio threshold, not tuned here).
LOOP_RATIO = 2.4
# The transcript quoted in a confirmation is cut here: the question must fit a WhatsApp button message.
QUOTE_CHARS = 600


@dataclass(frozen=True)
class ConfidencePolicy:
    enabled: bool
    min_logprob: float
    max_no_speech: float
    min_margin: float

    @classmethod
    def from_settings(cls, settings: Settings) -> ConfidencePolicy:
        return cls(
            settings.voice_confirm,
            settings.voice_min_logprob,
            settings.voice_max_no_speech,
            settings.voice_min_margin,
        )


@dataclass(frozen=True)
class Confidence:
    """``score`` in [0, 1] is what clients show (the recogniser's mean token probability, lowered by
    the chance of no speech); ``doubts`` names the witnesses that were unsure; ``confirm`` says
    whether the citizen is asked before the answer is sent."""

    score: float
    doubts: tuple[str, ...]
    confirm: bool
    margin: float | None


def retrieval_margin(answer: Answer) -> float | None:
    """The fused-score lead of the first procedure over the second (None without two hits)."""
    hits = answer.trace.get("hits")
    if not isinstance(hits, list) or len(hits) < 2:
        return None
    scores = [h.get("score") for h in hits[:2] if isinstance(h, dict)]
    if len(scores) < 2 or not all(isinstance(s, int | float) for s in scores):
        return None
    return float(scores[0]) - float(scores[1])  # type: ignore[arg-type]


def assess(transcript: Transcript, answer: Answer, policy: ConfidencePolicy) -> Confidence:
    """The confidence in ``answer`` as an answer to what was said (``transcript``)."""
    doubts: list[str] = []
    unsure = transcript.avg_logprob is not None and transcript.avg_logprob < policy.min_logprob
    # A loop ("5, 5, 5, …") is decoded with confidence: its probability says nothing.
    looping = transcript.compression_ratio is not None and transcript.compression_ratio > LOOP_RATIO
    if unsure or looping:
        doubts.append("recognition")
    if transcript.no_speech_prob is not None and transcript.no_speech_prob > policy.max_no_speech:
        doubts.append("speech")
    margin = retrieval_margin(answer)
    if answer.status is AnswerStatus.ANSWERED and not answer.trace.get("followup_of"):
        # A follow-up answers the procedure already discussed: its lead over others says nothing.
        if margin is not None and margin < policy.min_margin:
            doubts.append("retrieval")
    elif answer.status is not AnswerStatus.CLARIFICATION and doubts:
        # "Not ours" or "not found" after a shaky recognition is more likely a mishearing.
        doubts.append("scope")
    logprob = transcript.avg_logprob if transcript.avg_logprob is not None else 0.0
    score = math.exp(min(logprob, 0.0)) * (1.0 - (transcript.no_speech_prob or 0.0))
    return Confidence(round(score, 3), tuple(doubts), policy.enabled and bool(doubts), margin)


def confirmation(answer: Answer, heard: str, doubts: tuple[str, ...]) -> Answer:
    """``answer`` replaced by the question "I understood «…». Is that right?" in its language: the same
    status, no sources, no options, no details, no answer id (nothing is recorded until the citizen
    confirms): nothing of the answer to a possibly misheard question reaches the citizen."""
    quote = heard if len(heard) <= QUOTE_CHARS else heard[: QUOTE_CHARS - 1].rstrip() + "…"
    trace = answer.trace | {"confirm": list(doubts), "would_cite": [s.id for s in answer.sources]}
    return replace(
        answer,
        text=say("confirm_heard", answer.language, text=quote),
        sources=[],
        options=[],
        details="",
        aspects=[],
        answer_id="",
        procedure_id=None,
        trace=trace,
    )
