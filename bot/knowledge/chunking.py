"""Procedure -> chunks. One chunk per (language, section); the chunk id is a hash of its content,
so an unchanged chunk keeps its id (and its cached embedding) across rebuilds."""

from __future__ import annotations

import hashlib
from typing import Literal

from bot.knowledge.schema import Fact, Procedure, Text
from bot.types import Chunk

Lang = Literal["fr", "ar"]


def _text(field: Text | None, lang: Lang) -> str:
    return getattr(field, lang) if field is not None else ""


def _items(field: list[Fact] | None, lang: Lang) -> str:
    return "\n".join(f"- {getattr(item, lang)}" for item in field) if field is not None else ""


def _aliases(proc: Procedure, lang: Lang) -> str:
    names = (proc.aliases.fr if lang == "fr" else proc.aliases.ar) + proc.aliases.darija
    return ", ".join(names)


def sections(proc: Procedure, lang: Lang) -> dict[str, str]:
    """The searchable sections of a procedure in one language; empty ones are left out."""
    title = _text(proc.title, lang)
    overview = "\n".join([title, _aliases(proc, lang), _text(proc.summary, lang), _text(proc.audience, lang)])
    bodies = {
        "documents": _items(proc.documents, lang),
        "steps": "\n".join([_items(proc.steps, lang), _text(proc.where, lang), _text(proc.online, lang)]),
        "costs": "\n".join([_text(proc.fees, lang), _text(proc.delay, lang), _items(proc.notes, lang)]),
    }
    # Every chunk starts with the title so that it stands on its own when embedded.
    out = {"overview": overview.strip()}
    out.update({name: f"{title}\n{body.strip()}" for name, body in bodies.items() if body.strip()})
    return out


def chunk_id(procedure_id: str, lang: str, section: str, text: str) -> str:
    return hashlib.sha256(f"{procedure_id}\x1f{lang}\x1f{section}\x1f{text}".encode()).hexdigest()[:32]


def chunk_procedure(proc: Procedure) -> list[Chunk]:
    chunks: list[Chunk] = []
    for lang in ("fr", "ar"):
        for section, text in sections(proc, lang).items():
            chunks.append(Chunk(chunk_id(proc.id, lang, section, text), proc.id, lang, section, text))
    # One chunk per citizen question: a question is closest to another question, whole texts dilute it.
    for qlang in ("fr", "ar", "darija"):
        for text in getattr(proc.questions, qlang):
            chunks.append(Chunk(chunk_id(proc.id, qlang, "question", text), proc.id, qlang, "question", text))
    return chunks
