"""The knowledge base's own citizens' questions, held out by folds: each fold's questions are removed
from the procedures (so from BM25, the names and the classifier) and their chunks from the dense
index, then asked as a citizen would. ``bench/kfold.py`` measures retrieval on every fold; the
publishing gate (``bot/admin/gate.py``) compares two versions on one fold."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from bot.knowledge.chunking import chunk_id, chunk_procedure
from bot.knowledge.schema import ARABIC_RE, Procedure
from bot.ports import VectorStore
from bot.understand.language import detect


class StoreView:
    """The vector store as the retriever reads it, limited to some chunk ids (a held-out fold removed,
    or a candidate version's chunks only when an older version's are still stored beside them)."""

    def __init__(self, store: VectorStore, keep: set[str]) -> None:
        self._store, self._keep = store, keep

    def export(self) -> tuple[list[str], list[list[float]], list[dict[str, str]]]:
        ids, vectors, metas = self._store.export()
        kept = [i for i, cid in enumerate(ids) if cid in self._keep]
        return [ids[i] for i in kept], [vectors[i] for i in kept], [metas[i] for i in kept]

    def ids(self) -> set[str]:
        return self._store.ids() & self._keep

    def count(self) -> int:
        return len(self.ids())


def chunk_ids(procedures: Iterable[Procedure]) -> set[str]:
    return {chunk.id for proc in procedures for chunk in chunk_procedure(proc)}


def fold_of(text: str, folds: int) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest(), 16) % folds


def style_of(lang: str, text: str) -> str:
    """The style of a knowledge-base question: its language, Darija split by script (and code-switching)."""
    if lang != "darija":
        return lang
    if ARABIC_RE.search(text):
        return "darija"
    return "mixed" if detect(text).style == "mixed" else "arabizi"


def held_out(procedures: list[Procedure], fold: int, folds: int) -> tuple[list[Procedure], list[dict], set[str]]:
    """The procedures without this fold's questions, the questions as eval rows, their chunk ids."""
    kept: list[Procedure] = []
    rows: list[dict] = []
    drop: set[str] = set()
    for proc in procedures:
        questions = {}
        for lang in ("fr", "ar", "darija"):
            mine = getattr(proc.questions, lang)
            out = [q for q in mine if fold_of(q, folds) == fold]
            questions[lang] = [q for q in mine if q not in out]
            for q in out:
                rows.append({"q": q, "lang": style_of(lang, q), "expected": [proc.id], "kind": "single"})
                drop.add(chunk_id(proc.id, lang, "question", q))
        kept.append(proc.model_copy(update={"questions": proc.questions.model_copy(update=questions)}))
    return kept, rows, drop
