"""Personal data out of everything Dalil stores or logs: CIN, passport and CNSS numbers, Moroccan phone
numbers, e-mail addresses and RIBs are replaced by placeholders. The citizen is never refused for them.

The text is first put in one canonical form, so that a number is found however it was typed:
compatibility forms folded (NFKC: full-width ``０６…`` and ``ＰＲＯＢＥ＠…``, ligatures, non-breaking
spaces), invisible characters removed (zero-width spaces and joiners, bidi marks, soft hyphens: a
number split by one is still a number), and every script's decimal digits written as ASCII (Arabic-Indic
``٠٦٦١…``, Persian ``۰۶…``). What is stored is that canonical form, redacted.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from functools import lru_cache

# The few invisible letters and marks that are not format characters (Cf).
_INVISIBLE_OTHERS = (0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0)

_SEP = r"[ .-]?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("[EMAIL]", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    # RIB: 24 digits, often written in groups (bank 3, city 3, account 16, key 2).
    ("[RIB]", re.compile(rf"(?<!\d)(?:\d{_SEP}){{23}}\d(?!\d)")),
    # +212 6xx xx xx xx, 00212..., 06..., 07..., 05... with optional separators.
    (
        "[PHONE]",
        re.compile(
            rf"(?<![\w+])(?:\+|00)?212{_SEP}\(?0?\)?{_SEP}[5-7](?:{_SEP}\d){{8}}(?!\d)"
            rf"|(?<![\d+])0[5-8](?:{_SEP}\d){{8}}(?!\d)"
        ),
    ),
    # Passport: one or two Latin letters then 7 digits (AB1234567).
    ("[PASSPORT]", re.compile(r"(?<![0-9])[A-Za-z]{1,2}[ -]?\d{7}(?![0-9])")),
    # CIN: one or two Latin letters then 5 or 6 digits (years have 4): AB123456, J654321, bk 12345, and
    # glued to a word ("CINZX987654"): a letter before does not protect it.
    ("[CIN]", re.compile(r"(?<![0-9])[A-Za-z]{1,2}[ -]?\d{5,6}(?![0-9])")),
    # CNSS registration: 9 digits, possibly grouped.
    ("[CNSS]", re.compile(rf"(?<!\d)(?:\d{_SEP}){{8}}\d(?!\d)")),
]


@lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    """A format character (Cf: zero-width space and joiners, bidi marks and isolates, soft hyphen, BOM,
    Arabic letter mark…) or an invisible filler: nothing; a decimal digit of any script: its ASCII digit."""
    category = unicodedata.category(char)
    if category == "Cf" or ord(char) in _INVISIBLE_OTHERS:
        return ""
    if category == "Nd":
        return str(unicodedata.decimal(char))
    return char


def canonical(text: str) -> str:
    """NFKC, invisible characters removed, decimal digits of every script as ASCII."""
    text = unicodedata.normalize("NFKC", text)
    return text if text.isascii() else "".join(_fold(char) for char in text)


def redact(text: str) -> str:
    text = canonical(text)
    for placeholder, pattern in _PATTERNS:
        text = pattern.sub(placeholder, text)
    return text


_CONTACTS = [pattern for placeholder, pattern in _PATTERNS if placeholder in ("[EMAIL]", "[PHONE]")]


def _contact(raw: str) -> str:
    """An e-mail address in lower case, a phone number as its last nine digits (+212 6… = 06…)."""
    return raw.lower() if "@" in raw else re.sub(r"\D", "", raw)[-9:]


def contacts(text: str) -> set[str]:
    """The e-mail addresses and phone numbers in a text, comparable across spellings."""
    return {_contact(m.group(0)) for pattern in _CONTACTS for m in pattern.finditer(text)}


def strip_contacts(text: str, allowed: set[str]) -> tuple[str, int]:
    """Remove the e-mail addresses and phone numbers not in ``allowed`` (an answer repeats only the
    knowledge base's own); returns the text and how many were removed."""
    removed = 0

    def drop(m: re.Match[str]) -> str:
        nonlocal removed
        if _contact(m.group(0)) in allowed:
            return m.group(0)
        removed += 1
        return ""

    for pattern in _CONTACTS:
        text = pattern.sub(drop, text)
    return text, removed


def pseudonym(value: str, salt: str) -> str:
    """A stable, non-reversible id for logs (phone numbers, session ids)."""
    return hmac.new(salt.encode(), value.encode(), hashlib.sha256).hexdigest()[:16]
