"""Knowledge-base editing for administrators, with history and undo.

Every change writes the new YAML file atomically and records the text before and after in
``kb_revisions``; undo restores the text before the latest change. A change is validated before it
touches the folder, and the caller re-indexes: if that fails, the file is put back.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Column, DateTime, Engine, Integer, String, Table, Text, insert, select

from bot.database import metadata, now
from bot.knowledge.loading import FileError, load_file
from bot.knowledge.schema import ID_RE, Procedure

kb_revisions = Table(
    "kb_revisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("procedure_id", String(80), nullable=False, index=True),
    Column("action", String(16), nullable=False),  # create | update | delete | undo
    Column("before", Text),  # YAML text before the change (None when created)
    Column("after", Text),  # YAML text after the change (None when deleted)
    Column("author", String(80), nullable=False),
    Column("created_at", DateTime, nullable=False),
)


class EditError(Exception):
    def __init__(self, status_code: int, reason: str, errors: list[FileError] | None = None) -> None:
        super().__init__(reason)
        self.status_code = status_code
        self.reason = reason
        self.errors = errors or []


@dataclass(frozen=True)
class Change:
    procedure_id: str
    action: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class Revision:
    id: int
    procedure_id: str
    action: str
    author: str
    created_at: str
    before: str | None
    after: str | None


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


def validate_text(procedure_id: str, text: str) -> Procedure:
    """Validate YAML as if it were ``<id>.yaml``, without touching the knowledge folder."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{procedure_id}.yaml"
        path.write_text(text, encoding="utf-8")
        result = load_file(path)
    if isinstance(result, Procedure):
        return result
    raise EditError(422, "the procedure is not valid: " + "; ".join(str(e) for e in result), result)


class KnowledgeEditor:
    def __init__(self, knowledge_dir: Path, engine: Engine) -> None:
        self.folder = knowledge_dir / "procedures"
        self.engine = engine
        metadata.create_all(engine, tables=[kb_revisions])

    def path(self, procedure_id: str) -> Path:
        if not ID_RE.match(procedure_id):
            raise EditError(422, "id must be lowercase words joined by '-'")
        return self.folder / f"{procedure_id}.yaml"

    def current(self, procedure_id: str) -> str | None:
        path = self.path(procedure_id)
        return path.read_text(encoding="utf-8") if path.exists() else None

    def _apply(self, procedure_id: str, text: str | None) -> None:
        path = self.path(procedure_id)
        if text is None:
            path.unlink(missing_ok=True)
        else:
            _write_atomic(path, text)

    def save(self, procedure_id: str, text: str) -> Change:
        """Create or replace a procedure file (validated first)."""
        validate_text(procedure_id, text)
        before = self.current(procedure_id)
        self._apply(procedure_id, text)
        return Change(procedure_id, "update" if before is not None else "create", before, text)

    def delete(self, procedure_id: str) -> Change:
        before = self.current(procedure_id)
        if before is None:
            raise EditError(404, f"no procedure with id '{procedure_id}'")
        self._apply(procedure_id, None)
        return Change(procedure_id, "delete", before, None)

    def undo(self, procedure_id: str) -> Change:
        """Restore the text before the latest change (undoing an undo redoes)."""
        history = self.history(procedure_id, limit=1)
        if not history:
            raise EditError(404, f"no change to undo for '{procedure_id}'")
        target = history[0].before
        if target is not None:
            validate_text(procedure_id, target)
        replaced = self.current(procedure_id)
        self._apply(procedure_id, target)
        return Change(procedure_id, "undo", replaced, target)

    def commit(self, change: Change, author: str) -> None:
        """Record a change once the new knowledge base is serving."""
        with self.engine.begin() as conn:
            conn.execute(
                insert(kb_revisions).values(
                    procedure_id=change.procedure_id,
                    action=change.action,
                    before=change.before,
                    after=change.after,
                    author=author,
                    created_at=now(),
                )
            )

    def rollback(self, change: Change) -> None:
        """Put the file back when re-indexing failed: the change never served, so it is not recorded."""
        self._apply(change.procedure_id, change.before)

    def history(self, procedure_id: str, limit: int = 50) -> list[Revision]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(kb_revisions)
                .where(kb_revisions.c.procedure_id == procedure_id)
                .order_by(kb_revisions.c.id.desc())
                .limit(limit)
            ).all()
        return [
            Revision(r.id, r.procedure_id, r.action, r.author, r.created_at.isoformat(), r.before, r.after)
            for r in rows
        ]
