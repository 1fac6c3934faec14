"""Guards around the answer: manipulation attempts in, only official links and sourced numbers out."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.understand.normalize import normalize

# Attempts to change Dalil's instructions, reveal its internals or claim authority. Matched on
# normalised text (lower case, no accents, unified Arabic letters).
_OVERRIDE = [
    r"\b(ignore|oublie|oubliez|forget|disregard)\b.{0,40}\b(instruction|consigne|regle|rule|prompt|above|precedent)",
    r"\b(system prompt|prompt systeme|ton prompt|your prompt|tes instructions|your instructions)\b",
    r"\b(reveal|revele|revelez|affiche|montre|show|print|repeat)\b.{0,40}\b(prompt|instruction|config|secret|cle|key)",
    r"\b(you are now|tu es maintenant|desormais tu es|act as|joue le role|pretend)\b",
    r"\b(jailbreak|dan mode|developer mode|mode developpeur)\b",
    r"\b(je suis|i am|ana)\b.{0,20}\b(l'?administrateur|admin|administrator|le developpeur|developer)\b",
    r"(تجاهل|انس|إنس|تناس).{0,30}(التعليمات|الأوامر|التوجيهات|القواعد)",
    r"(اكشف|اعرض|اظهر|أظهر|كشف).{0,30}(التعليمات|البرومبت|الموجه|الاعدادات|الإعدادات|الأسرار)",
    r"(انا|أنا) (المسؤول|المدير|الادمين|الأدمين|المطور)",
    r"(نسى|ننسى|انسى) .{0,20}(التعليمات|القواعد)",
]
_OVERRIDE_RE = [re.compile(p) for p in _OVERRIDE]

_URL_RE = re.compile(r"https?://[^\s)\]>\"']+")
_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\((https?://[^)\s]+)\)")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")


def is_manipulation(message: str) -> bool:
    text = normalize(message)
    raw = message.lower()
    return any(p.search(text) or p.search(raw) for p in _OVERRIDE_RE)


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
