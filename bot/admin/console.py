"""The administrators' console as one object the web routes and the CLI use: people, the audit log,
drafts and their review, publishing through the quality gate, what citizens ask, and the procedures
list with a badge per problem. Built by ``bot.app``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.admin.accounts import Accounts
from bot.admin.audit import AuditLog
from bot.admin.diff import as_text, field_diff
from bot.admin.drafts import Draft, DraftError, Drafts
from bot.admin.editor import KnowledgeEditor, Revision
from bot.admin.form import from_text, template, to_text
from bot.admin.insights import Insights
from bot.admin.publish import Publisher
from bot.answer.compose import card
from bot.config import Settings
from bot.knowledge.schema import FACT_FIELDS, Procedure
from bot.search.served import KnowledgeBase
from bot.types import AnswerLang

OPTIONAL_FIELDS = ("documents", "steps", "fees", "delay", "online")
QUESTION_LANG = {"fr": "fr", "ar": "ar"}  # every other style (darija, arabizi, mixed) is a Darija question


@dataclass(frozen=True)
class Row:
    """One procedure in the list, with its problems."""

    id: str
    title_fr: str
    title_ar: str
    category: str
    verified_on: dt.date
    stale: bool
    missing: list[str]
    weak: int  # facts and items backed only by tier C
    changed_at: dt.datetime | None  # the last published change
    asked: int  # answers that cited it first, last 30 days
    drafts: int  # open drafts
    badges: list[str] = field(default_factory=list)


def weak_facts(proc: Procedure) -> int:
    return sum(fact.tier == "C" for name in FACT_FIELDS for fact in proc.facts(name))


class Console:
    def __init__(
        self,
        settings: Settings,
        knowledge: Callable[[], KnowledgeBase],
        editor: KnowledgeEditor,
        accounts: Accounts,
        audit: AuditLog,
        drafts: Drafts,
        publisher: Publisher,
        insights: Insights,
    ) -> None:
        self.settings = settings
        self._knowledge = knowledge
        self.editor, self.accounts, self.audit = editor, accounts, audit
        self.drafts, self.publisher, self.insights = drafts, publisher, insights

    @property
    def kb(self) -> KnowledgeBase:
        return self._knowledge()

    # --- the procedures list ------------------------------------------------------------------

    def rows(self) -> list[Row]:
        today = dt.date.today()
        stale_before = today - dt.timedelta(days=self.settings.admin_stale_days)
        asked = dict(self.insights.top_procedures(limit=1000))
        changed = self.editor.last_changes()
        open_drafts: dict[str, int] = {}
        for draft in self.drafts.list():
            open_drafts[draft.procedure_id] = open_drafts.get(draft.procedure_id, 0) + 1
        rows = []
        for proc in sorted(self.kb.procedures.values(), key=lambda p: p.id):
            row = Row(
                proc.id,
                proc.title.fr,
                proc.title.ar,
                proc.category,
                proc.verified_on,
                proc.verified_on < stale_before,
                [name for name in OPTIONAL_FIELDS if getattr(proc, name) is None],
                weak_facts(proc),
                changed.get(proc.id),
                asked.get(proc.id, 0),
                open_drafts.get(proc.id, 0),
            )
            rows.append(_with_badges(row, today))
        return rows

    # --- drafts -------------------------------------------------------------------------------

    def start_edit(self, procedure_id: str, by: str) -> Draft:
        current = self.editor.current(procedure_id)
        if current is None:
            raise DraftError("not_found", f"no procedure '{procedure_id}'")
        return self.drafts.start(procedure_id, "edit", current, current, by)

    def start_new(self, procedure_id: str, by: str, category: str = "civil-status", origin: str = "") -> Draft:
        self.editor.path(procedure_id)  # refuses an id that is not one
        if self.editor.current(procedure_id) is not None:
            raise DraftError("wrong_state", f"'{procedure_id}' exists already: edit it")
        text = to_text(template(procedure_id, category))
        return self.drafts.start(procedure_id, "create", None, text, by, origin=origin)

    def start_delete(self, procedure_id: str, by: str, note: str) -> Draft:
        current = self.editor.current(procedure_id)
        if current is None:
            raise DraftError("not_found", f"no procedure '{procedure_id}'")
        return self.drafts.start(procedure_id, "delete", current, None, by, note=note)

    def start_rollback(self, procedure_id: str, revision_id: int, by: str) -> Draft:
        """A draft that brings the procedure back to what it was before change ``revision_id`` (every
        version is the one before some change; the latest serves): reviewed like any change."""
        revision = self.editor.revision(revision_id)
        if revision is None or revision.procedure_id != procedure_id:
            raise DraftError("not_found", f"no version {revision_id} of '{procedure_id}'")
        current = self.editor.current(procedure_id)
        note = f"back to the version before change {revision_id} ({revision.created_at[:16]})"
        origin = f"revision {revision_id}"
        return self.drafts.start(procedure_id, "rollback", current, revision.before, by, note=note, origin=origin)

    def history(self, procedure_id: str) -> list[tuple[Revision, list]]:
        return [(r, field_diff(r.before, r.after)) for r in self.editor.history(procedure_id)]

    # --- from what citizens ask to a fix ------------------------------------------------------

    def fix(self, key: str, action: str, procedure_id: str, text: str, by: str) -> Draft:
        """One action from a queue row: the question added to a procedure's questions or aliases, or a
        new procedure's draft with it as its first question. Reviewed like any change."""
        row = self.insights.row(key)
        if row is None:
            raise DraftError("not_found", "this row is no longer in the queue")
        lang = QUESTION_LANG.get(row.style, "darija")
        text = " ".join((text or row.question).split())
        if action == "new":
            draft = self.start_new(procedure_id, by, origin=key)
            data = from_text(draft.text)
            data["questions"] = {lang: [text]}
            draft = self.drafts.save(draft.id, to_text(data), by)
        else:
            draft = self.start_edit(procedure_id, by)
            data = from_text(draft.text)
            group = "questions" if action == "question" else "aliases"
            values = dict(data.get(group) or {})
            values[lang] = [*values.get(lang, []), text]
            data[group] = values
            draft = self.drafts.save(draft.id, to_text(data), by, note=f"from {key}")
        self.insights.handled(key, action, by)
        self.audit.record(by, f"fix_{action}", procedure_id, f"{key}: {text}")
        return draft

    # --- what the editor shows ----------------------------------------------------------------

    @staticmethod
    def preview(proc: Procedure, lang: AnswerLang) -> str:
        """The citizen's answer for this procedure, as the answer composer writes it."""
        return card(proc, lang)

    @staticmethod
    def diff(draft: Draft) -> list:
        return field_diff(draft.base, draft.text)

    @staticmethod
    def diff_text(draft: Draft) -> str:
        return as_text(field_diff(draft.base, draft.text))


def _with_badges(row: Row, today: dt.date) -> Row:
    badges = []
    if row.stale:
        badges.append("stale")
    if row.missing:
        badges.append("missing")
    if row.weak:
        badges.append("weak")
    if row.changed_at and row.changed_at.date() >= today - dt.timedelta(days=30):
        badges.append("recent")
    if row.drafts:
        badges.append("draft")
    return Row(**{**row.__dict__, "badges": badges})
