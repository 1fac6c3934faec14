"""Guards around the answer's way out: only official links, the knowledge base's own e-mail addresses
and phone numbers, and sourced numbers leave (harmful intent and manipulation are read on the way in,
by bot/understand/safety.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.understand.normalize import normalize

_URL_RE = re.compile(r"https?://[^\s)\]>\"']+")
_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\((https?://[^)\s]+)\)")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")


def _allowed(url: str, allowed: set[str]) -> bool:
    url = url.rstrip(".,;:!?")
    return url in allowed or url.rstrip("/") in {a.rstrip("/") for a in allowed}


def strip_foreign_links(markdown: str, allowed: set[str]) -> tuple[str, int]:
    """Remove every URL that is not an official link of the knowledge base. Returns (text, removed)."""
    removed = 0

    def link(m: re.Match[str]) -> str:
        nonlocal removed
        if _allowed(m.group(2), allowed):
            return m.group(0)
        removed += 1
        return m.group(1)

    out = _MD_LINK_RE.sub(link, markdown)
    kept = [m.group(0) for m in _MD_LINK_RE.finditer(out)]
    placeholder = {f"\x00{i}\x00": k for i, k in enumerate(kept)}
    for key, value in placeholder.items():
        out = out.replace(value, key, 1)

    def bare(m: re.Match[str]) -> str:
        nonlocal removed
        if _allowed(m.group(0), allowed):
            return m.group(0)
        removed += 1
        return ""

    out = _URL_RE.sub(bare, out)
    for key, value in placeholder.items():
        out = out.replace(key, value, 1)
    return out, removed


def numbers(text: str) -> set[str]:
    return {n.replace(",", ".") for n in _NUMBER_RE.findall(normalize(text))}


def unsupported_numbers(candidate: str, sources: Iterable[str]) -> set[str]:
    """Numbers in ``candidate`` that appear in none of the source texts (fees, delays, counts)."""
    known: set[str] = set()
    for src in sources:
        known |= numbers(src)
    return {n for n in numbers(_URL_RE.sub("", candidate)) if n not in known}
