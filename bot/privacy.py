"""Personal data out of everything Dalil stores or logs: CIN numbers, Moroccan phone numbers,
e-mail addresses and RIBs are replaced by placeholders. The citizen is never refused for them."""

from __future__ import annotations

import hashlib
import hmac
import re

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("[EMAIL]", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    # RIB: 24 digits, often written in groups (bank 3, city 3, account 16, key 2).
    ("[RIB]", re.compile(r"(?<!\d)(?:\d[ .-]?){23}\d(?!\d)")),
    # +212 6xx xx xx xx, 00212..., 06..., 07..., 05... with optional separators.
    (
        "[PHONE]",
        re.compile(
            r"(?<![\w+])(?:\+|00)?212[ .-]?\(?0?\)?[ .-]?[5-7](?:[ .-]?\d){8}(?!\d)"
            r"|(?<![\w+])0[5-7](?:[ .-]?\d){8}(?!\d)"
        ),
    ),
    # CIN: one or two Latin letters then 5 or 6 digits (years have 4) (AB123456, J654321, bk 12345).
    ("[CIN]", re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,2}[ -]?\d{5,6}(?![0-9])")),
]


def redact(text: str) -> str:
    for placeholder, pattern in _PATTERNS:
        text = pattern.sub(placeholder, text)
    return text


def pseudonym(value: str, salt: str) -> str:
    """A stable, non-reversible id for logs (phone numbers, session ids)."""
    return hmac.new(salt.encode(), value.encode(), hashlib.sha256).hexdigest()[:16]
