"""Knowledge-base editing for administrators, with history and undo.

Every change is one transaction, one at a time: validate, write the YAML file atomically, re-index
and swap the new version in, then record the text before and after in ``kb_revisions``. If the
re-index fails the file is put back and the previous version keeps serving; undo restores the text
before the latest change. Errors carry a code and an HTTP status; the web route only maps them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import Column, DateTime, Engine, Integer, String, Table, Text, func, insert, select

from bot.database import metadata, now
from bot.knowledge.loading import FileError, load_file
from bot.knowledge.schema import MAX_ID, Procedure, valid_id
from bot.search.served import Reloaded

kb_revisions = Table(
    "kb_revisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("procedure_id", String(80), nullable=False, index=True),
    Column("action", String(16), nullable=False),  # create | update | delete | undo | rollback | git
    Column("before", Text),  # YAML text before the change (None when created)
    Column("after", Text),  # YAML text after the change (None when deleted)
    Column("author", String(80), nullable=False),
    Column("created_at", DateTime, nullable=False),
)


EditProblem = Literal["invalid", "not_found", "reindex_failed", "reload_failed", "busy"]
# A version that could not be built or served is the service's trouble, not the request's: 503 (the
# previous version serves; try again later). Another publish under way: 409.
EDIT_STATUS: dict[EditProblem, int] = {
    "invalid": 422,
    "not_found": 404,
    "reindex_failed": 503,
    "reload_failed": 503,
    "busy": 409,
}
RETRY_AFTER_S = 60  # the Retry-After of a 503: a build or the database may be back within a minute


class EditError(Exception):
    """A change that was refused or could not be served; the knowledge base is as it was."""

    def __init__(
        self, code: EditProblem, reason: str, errors: list[FileError] | None = None, retry_after_s: int | None = None
    ) -> None:
        super().__init__(reason)
        self.code: EditProblem = code
        self.status_code = EDIT_STATUS[code]
        self.reason = reason
        self.errors = errors or []
        self.retry_after_s = retry_after_s or (RETRY_AFTER_S if self.status_code == 503 else None)


@dataclass(frozen=True)
class Change:
    procedure_id: str
    action: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class Edited:
    change: Change
    knowledge: Reloaded  # the version now serving


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
    raise EditError("invalid", "the procedure is not valid: " + "; ".join(str(e) for e in result), result)


class KnowledgeEditor:
    """Edits ``<knowledge_dir>/procedures``; ``reload`` re-indexes the folder and swaps the served
    version (built by ``bot.app``), raising when the new version cannot serve."""

    def __init__(self, knowledge_dir: Path, engine: Engine, reload: Callable[[], Reloaded]) -> None:
        self.folder = knowledge_dir / "procedures"
        self.engine = engine
        self._reload = reload
        self._lock = threading.Lock()  # one knowledge change at a time

    def path(self, procedure_id: str) -> Path:
        if not valid_id(procedure_id):
            raise EditError("invalid", f"id must be lowercase words joined by '-', at most {MAX_ID} characters")
        return self.folder / f"{procedure_id}.yaml"

    def current(self, procedure_id: str) -> str | None:
        path = self.path(procedure_id)
        return path.read_text(encoding="utf-8") if path.exists() else None

    def reload(self) -> Reloaded:
        """Re-index the folder after edits made in git; the previous version serves if it fails."""
        try:
            return self._reload()
        except Exception as exc:
            reason = f"reload failed, the previous knowledge base is still serving: {exc}"
            raise EditError("reload_failed", reason) from exc

    def save(self, procedure_id: str, text: str, author: str) -> Edited:
        """Create or replace a procedure file (validated first)."""
        return self._apply(lambda: self._save(procedure_id, text), author)

    def delete(self, procedure_id: str, author: str) -> Edited:
        return self._apply(lambda: self._delete(procedure_id), author)

    def undo(self, procedure_id: str, author: str) -> Edited:
        """Restore the text before the latest change (undoing an undo redoes)."""
        return self._apply(lambda: self._undo(procedure_id), author)

    def _apply(self, make_change: Callable[[], Change], author: str) -> Edited:
        """Make the file change, re-index and swap; on failure put the file back and keep serving."""
        with self._lock:
            change = make_change()
            try:
                knowledge = self._reload()
            except Exception as exc:
                # The change never served, so it is not recorded.
                self._write(change.procedure_id, change.before)
                with contextlib.suppress(Exception):  # the previous in-memory version serves either way
                    self._reload()
                raise EditError(
                    "reindex_failed", f"re-indexing failed, the previous version is still serving: {exc}"
                ) from exc
            self._record(change, author)
        return Edited(change, knowledge)

    def apply_built(self, changes: list[Change], author: str, serve: Callable[[], None], write: bool = True) -> None:
        """Write changes whose version is already built and checked, then ``serve`` it and record them.
        A failed write, or a version that cannot be served (its record refused by the database), puts back
        the files written before it, and the previous version keeps serving."""
        with self._lock:
            written: list[Change] = []
            try:
                for change in changes if write else []:
                    self._write(change.procedure_id, change.after)
                    written.append(change)
                serve()
            except Exception as exc:
                for change in reversed(written):
                    self._write(change.procedure_id, change.before)
                raise EditError("reindex_failed", f"nothing changed, the previous version is serving: {exc}") from exc
            for change in changes:
                self._record(change, author)

    def _write(self, procedure_id: str, text: str | None) -> None:
        path = self.path(procedure_id)
        if text is None:
            path.unlink(missing_ok=True)
        else:
            _write_atomic(path, text)

    def _save(self, procedure_id: str, text: str) -> Change:
        validate_text(procedure_id, text)
        before = self.current(procedure_id)
        self._write(procedure_id, text)
        return Change(procedure_id, "update" if before is not None else "create", before, text)

    def _delete(self, procedure_id: str) -> Change:
        before = self.current(procedure_id)
        if before is None:
            raise EditError("not_found", f"no procedure with id '{procedure_id}'")
        self._write(procedure_id, None)
        return Change(procedure_id, "delete", before, None)

    def _undo(self, procedure_id: str) -> Change:
        history = self.history(procedure_id, limit=1)
        if not history:
            raise EditError("not_found", f"no change to undo for '{procedure_id}'")
        target = history[0].before
        if target is not None:
            validate_text(procedure_id, target)
        replaced = self.current(procedure_id)
        self._write(procedure_id, target)
        return Change(procedure_id, "undo", replaced, target)

    def _record(self, change: Change, author: str) -> None:
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

    def revision(self, revision_id: int) -> Revision | None:
        with self.engine.connect() as conn:
            r = conn.execute(select(kb_revisions).where(kb_revisions.c.id == revision_id)).first()
        if r is None:
            return None
        return Revision(r.id, r.procedure_id, r.action, r.author, r.created_at.isoformat(), r.before, r.after)

    def last_changes(self) -> dict[str, dt.datetime]:
        """When each procedure was last changed."""
        query = select(kb_revisions.c.procedure_id, func.max(kb_revisions.c.created_at)).group_by(
            kb_revisions.c.procedure_id
        )
        with self.engine.connect() as conn:
            return {pid: at for pid, at in conn.execute(query)}

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
