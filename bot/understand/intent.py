"""Whether a message continues the conversation (what it asks about: ``bot.understand.aspects``)."""

from __future__ import annotations

from bot.understand.normalize import normalize

_FOLLOWUP_OPENERS = {"et", "w", "o", "ou", "wa", "و", "واش", "wach", "alors", "donc", "mais", "ou bien"}


def looks_like_followup(message: str) -> bool:
    """Short messages, or messages opening with a connector, continue the conversation."""
    text = normalize(message)
    words = text.split()
    if not words:
        return False
    opener = words[0].strip(",.!?")
    return len(words) <= 8 or opener in _FOLLOWUP_OPENERS or text.startswith("و")
