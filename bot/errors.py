"""Errors that callers branch on. Each carries a code to branch on; its message is for people and
is never parsed."""

from __future__ import annotations

from typing import Literal


class ConfigError(ValueError):
    """A setting this machine cannot honour: printed as one line at start-up, never a traceback."""


AudioProblem = Literal[
    "empty", "too_large", "unsupported", "too_long", "undecodable", "no_audio", "no_speech", "busy", "unavailable"
]
# What a web caller answers for each problem.
AUDIO_STATUS: dict[AudioProblem, int] = {
    "empty": 400,
    "too_large": 413,
    "unsupported": 415,
    "too_long": 422,
    "undecodable": 422,
    "no_audio": 422,
    "no_speech": 422,
    "busy": 503,
    "unavailable": 503,
}


class AudioError(Exception):
    """A voice note Dalil cannot or will not transcribe: ``code`` says why, ``status_code`` is the HTTP
    status for it, ``reason`` a sentence the citizen can act on. No caller turns one into a 500."""

    def __init__(self, code: AudioProblem, reason: str) -> None:
        super().__init__(reason)
        self.code: AudioProblem = code
        self.status_code = AUDIO_STATUS[code]
        self.reason = reason

    @property
    def retryable(self) -> bool:
        """Recognition was busy or down: the same note may be transcribed later."""
        return self.code in ("busy", "unavailable")


class ChannelAuthError(Exception):
    """A webhook delivery that is not authenticated (401/403) or is refused unread (413)."""

    def __init__(self, status_code: int, reason: str) -> None:
        super().__init__(reason)
        self.status_code = status_code
        self.reason = reason


class ChannelError(Exception):
    """A platform call failed. ``retryable``: rate limit, server error, timeout; ``retry_after``: the
    platform's own hint in seconds, when it gave one."""

    def __init__(self, message: str, *, retryable: bool, status: int | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.retryable = retryable
        self.status = status
        self.retry_after = retry_after


class StoreUnavailable(Exception):
    """The vector store cannot be reached (a Chroma server down or restarting). Answers carry on with
    the lexical signals; the knowledge watcher brings the dense signal back when the store returns."""
