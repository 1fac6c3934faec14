"""Publishing that cannot break the service.

A publish builds the new version beside the one serving (only its new chunks are embedded:
``bot/search/candidate.py``), asks the quality gate to compare the two, and only then writes the files
and swaps the built version in, in one step under the editor's lock. Until the files are written
nothing has changed; an error or a crash before it leaves the previous version serving, and the files
are replaced atomically (a restart serves one version or the other, never half). A blocked gate stops
the publish unless a publisher gives a written reason, which the audit log keeps.

One publish at a time across every process on the database (workers, the CLI's server): the
``publish`` lease (:class:`PublishLock`); a second publish is refused at once (409, "a publication is
in progress", with how long to wait) rather than queued behind a build and a gate of a minute or more.

The same path serves a reviewed draft (:meth:`Publisher.publish_draft`) and changes made in git
(:meth:`Publisher.publish_folder`, behind ``POST /admin/reload`` and ``dalil publish``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import math
import os
import socket
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import yaml
from sqlalchemy import Engine

from bot.admin.audit import AuditLog
from bot.admin.diff import as_text, field_diff
from bot.admin.drafts import Draft, DraftError, Drafts
from bot.admin.editor import Change, EditError, KnowledgeEditor, validate_text
from bot.admin.gate import GateReport, QualityGate
from bot.config import Settings
from bot.coordination import KnowledgeVersions, Lease
from bot.database import now
from bot.knowledge.loading import load_knowledge
from bot.knowledge.schema import Procedure
from bot.ports import Embedder, VectorStore
from bot.search.candidate import build_beside, drop_stale
from bot.search.served import KnowledgeBase, KnowledgeHolder

log = logging.getLogger("dalil.publish")
# Longer than any publish (a build and the gate take one to a few minutes on 2 cores): the lease of a
# process that died while publishing frees itself after this long.
PUBLISH_LEASE_S = 900


class PublishLock:
    """One publish at a time: a thread lock within the process, the ``publish`` lease
    (:class:`bot.coordination.Lease`, the same on SQLite and PostgreSQL) across processes. Neither waits:
    a publish that finds another under way raises ``EditError("busy")`` (409) with the time to wait."""

    def __init__(self, engine: Engine, ttl_s: float = PUBLISH_LEASE_S) -> None:
        holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.lease = Lease(engine, "publish", holder, ttl_s)
        self._local = threading.Lock()

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        if not self._local.acquire(blocking=False):
            raise _busy(self.lease.ttl_s)
        try:
            if not self.lease.acquire():
                raise _busy(self.lease.expires_in_s())
            try:
                yield
            finally:
                try:
                    self.lease.release()
                except Exception:  # the database went away: the lease expires on its own
                    log.exception("could not release the publish lease")
        finally:
            self._local.release()


def _busy(wait_s: float) -> EditError:
    seconds = max(1, math.ceil(wait_s))
    reason = f"a publication is in progress: nothing was done, try again in {seconds} s at most"
    return EditError("busy", reason, retry_after_s=seconds)


class GateBlocked(Exception):
    def __init__(self, report: GateReport) -> None:
        super().__init__("the quality gate blocked the publish: " + report.summary())
        self.report = report


@dataclass(frozen=True)
class Published:
    version: int
    procedures: int
    changed: list[str]  # procedure ids
    gate: GateReport | None
    published_at: dt.datetime


def procedure_text(proc: Procedure) -> str:
    """A procedure as YAML, for a diff of versions that exist only as loaded procedures."""
    data = proc.model_dump(mode="json", exclude_defaults=True)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


class Publisher:
    def __init__(
        self,
        settings: Settings,
        editor: KnowledgeEditor,
        holder: KnowledgeHolder,
        embedder: Embedder,
        store: VectorStore,
        drafts: Drafts,
        audit: AuditLog,
        gate: QualityGate | None,
        versions: KnowledgeVersions | None = None,
    ) -> None:
        self.settings, self.editor, self.holder = settings, editor, holder
        self.embedder, self.store = embedder, store
        self.drafts, self.audit, self.gate = drafts, audit, gate
        self.versions = versions  # kb_versions: the version every worker serves, and when it was published
        # One publish at a time, in every process: the candidate is built on the version serving.
        self.lock = PublishLock(drafts.engine)
        self._built: tuple[str, KnowledgeBase] | None = None  # the last candidate (a blocked publish retried)

    def published_at(self) -> dt.datetime | None:
        """When the version serving was published (None: as loaded at start-up, never published)."""
        if self.versions is None or not self.holder.version:
            return None
        return self.versions.published_at(self.holder.version)

    def check(self, candidate: KnowledgeBase) -> GateReport | None:
        return self.gate.compare(self.holder.current, candidate) if self.gate is not None else None

    def publish_draft(self, draft_id: int, by: str, override: str = "", ip: str = "") -> Published:
        with self.lock.held():
            draft = self.drafts.get(draft_id)
            self.drafts.check_publishable(draft, by)
            current = self.editor.current(draft.procedure_id)
            if current != draft.base:
                raise DraftError("stale", "the procedure changed since this draft was started: start it again")
            if draft.text is not None:
                validate_text(draft.procedure_id, draft.text)
            change = Change(draft.procedure_id, _action(draft, current), current, draft.text)
            procedures = self._with_draft(draft)
            published = self._switch(procedures, [change], by, override, ip, f"draft {draft.id}", draft)
            self.drafts.mark_published(draft, by, override or None)
            return published

    def publish_folder(self, by: str, override: str = "", ip: str = "") -> Published:
        """The knowledge folder as it is now (changed in git), through the same gate and switch."""
        with self.lock.held():
            loaded = load_knowledge(self.settings.knowledge_dir)
            live = self.holder.current.procedures
            new = {p.id: p for p in loaded.procedures}
            changes = [
                Change(pid, "git", _text(live.get(pid)), _text(new.get(pid)))
                for pid in sorted(set(live) | set(new))
                if live.get(pid) != new.get(pid)
            ]
            if not changes:  # nothing changed in git: the version serving stays
                return Published(self.holder.version, len(live), [], None, self.published_at() or now())
            return self._switch(loaded.procedures, changes, by, override, ip, "knowledge folder", None, write=False)

    def _with_draft(self, draft: Draft) -> list[Procedure]:
        procedures = [p for pid, p in self.holder.current.procedures.items() if pid != draft.procedure_id]
        if draft.text is not None:
            procedures.append(validate_text(draft.procedure_id, draft.text))
        return sorted(procedures, key=lambda p: p.id)

    def _switch(
        self,
        procedures: list[Procedure],
        changes: list[Change],
        by: str,
        override: str,
        ip: str,
        what: str,
        draft: Draft | None,
        write: bool = True,
    ) -> Published:
        candidate = self._candidate(procedures)
        try:
            report = self.check(candidate)
        except Exception as exc:  # the gate could not run: nothing is published unchecked
            log.exception("the quality gate could not run")
            raise EditError("reindex_failed", f"the quality gate could not run, nothing changed: {exc}") from exc
        if draft is not None and report is not None:
            self.drafts.record_gate(draft.id, report.to_json())
        targets = ", ".join(c.procedure_id for c in changes) or "-"
        if report is not None and report.blocked:
            if not override.strip():
                self.audit.record(by, "gate_blocked", targets, f"{what}: {report.summary()}", ip)
                raise GateBlocked(report)
            self.audit.record(by, "gate_override", targets, f"{what}: {override.strip()}\n{report.summary()}", ip)
        self.editor.apply_built(changes, by, lambda: self._serve(candidate, by, what), write=write)
        for change in changes:
            diff = as_text(field_diff(change.before, change.after))
            self.audit.record(by, "published", change.procedure_id, f"{what}\n{diff}", ip)
        log.info("published", extra={"version": self.holder.version, "changed": [c.procedure_id for c in changes]})
        changed = [c.procedure_id for c in changes]
        return Published(self.holder.version, len(procedures), changed, report, self.published_at() or now())

    def _candidate(self, procedures: list[Procedure]) -> KnowledgeBase:
        """The version for these procedures, built beside the one serving (reused when a blocked publish is
        retried with a reason: the same procedures build the same version)."""
        key = hashlib.sha256("".join(p.model_dump_json() for p in procedures).encode()).hexdigest()
        if self._built is not None and self._built[0] == key:
            return self._built[1]
        if not procedures:  # the request's doing (every file removed or invalid), not the service's
            raise EditError("invalid", "the new version would have no valid procedure: nothing changed")
        try:
            errors = self.holder.current.errors
            candidate, _ = build_beside(self.settings, procedures, self.embedder, self.store, errors)
        except Exception as exc:  # the store, the embedder, the disk: the version serving is untouched
            log.exception("the candidate version could not be built")
            raise EditError("reindex_failed", f"the new version could not be built, nothing changed: {exc}") from exc
        self._built = (key, candidate)
        return candidate

    def _serve(self, candidate: KnowledgeBase, by: str, what: str) -> None:
        version = self.versions.publish(len(candidate.procedures), by, what) if self.versions else None
        self.holder.swap(candidate, version)  # every worker follows the recorded version (ADR 0007)
        try:
            drop_stale(list(candidate.procedures.values()), self.store)
        except Exception:  # the stale vectors only take room; the next publish removes them
            log.exception("could not remove the stale chunks")


def _text(proc: Procedure | None) -> str | None:
    return procedure_text(proc) if proc is not None else None


def _action(draft: Draft, current: str | None) -> str:
    if draft.text is None:
        return "delete"
    if draft.kind == "rollback":
        return "rollback"
    return "create" if current is None else "update"
