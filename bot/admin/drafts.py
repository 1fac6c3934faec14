"""Drafts: a change to one procedure, saved by an editor, submitted, then published or sent back by a
different person with the publisher role.

    draft ──submit──▶ submitted ──publish──▶ published
      ▲                  │
      └─ save ◀─ returned ◀┘ send back (with a comment)        draft | returned ──withdraw──▶ withdrawn

A draft holds the YAML it proposes (None: remove the procedure) and the YAML it was started from
(``base``): a draft whose procedure changed since is refused at publish (started again from the new
text). A rollback is a draft whose text is an older version's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar, Literal

from sqlalchemy import Column, DateTime, Engine, Integer, String, Table, Text, insert, select, update

from bot.database import metadata, now

DraftKind = Literal["edit", "create", "delete", "rollback"]
DraftState = Literal["draft", "submitted", "returned", "published", "withdrawn"]
OPEN_STATES: tuple[DraftState, ...] = ("draft", "submitted", "returned")

kb_drafts = Table(
    "kb_drafts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("procedure_id", String(80), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("state", String(16), nullable=False, index=True),
    Column("base", Text),  # the published YAML the draft started from (None: a new procedure)
    Column("text", Text),  # the proposed YAML (None: remove the procedure)
    Column("author", String(40), nullable=False),
    Column("note", String(500), nullable=False, default=""),  # why, in the editor's words
    Column("origin", String(80), nullable=False, default=""),  # e.g. "turn 412" for a fix from the queue
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("reviewer", String(40)),
    Column("review_comment", String(1000)),
    Column("reviewed_at", DateTime),
    Column("gate", Text),  # the last quality-gate report (JSON)
    Column("override", String(1000)),  # the publisher's reason to publish past a blocking gate
)


class DraftError(Exception):
    STATUS: ClassVar[dict[str, int]] = {
        "not_found": 404,
        "wrong_state": 409,
        "same_person": 403,
        "not_author": 403,
        "stale": 409,
    }

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason
        self.status_code = self.STATUS.get(code, 400)


@dataclass(frozen=True)
class Draft:
    id: int
    procedure_id: str
    kind: DraftKind
    state: DraftState
    base: str | None
    text: str | None
    author: str
    note: str
    origin: str
    created_at: dt.datetime
    updated_at: dt.datetime
    reviewer: str | None
    review_comment: str | None
    reviewed_at: dt.datetime | None
    gate: str | None
    override: str | None

    @property
    def open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def editable(self) -> bool:
        return self.state in ("draft", "returned")


class Drafts:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def start(
        self,
        procedure_id: str,
        kind: DraftKind,
        base: str | None,
        text: str | None,
        author: str,
        note: str = "",
        origin: str = "",
    ) -> Draft:
        stamp = now()
        with self.engine.begin() as conn:
            result = conn.execute(
                insert(kb_drafts).values(
                    procedure_id=procedure_id,
                    kind=kind,
                    state="draft",
                    base=base,
                    text=text,
                    author=author,
                    note=note[:500],
                    origin=origin[:80],
                    created_at=stamp,
                    updated_at=stamp,
                )
            )
            draft_id = int(result.inserted_primary_key[0])  # type: ignore[index]
        return self.get(draft_id)

    def get(self, draft_id: int) -> Draft:
        with self.engine.connect() as conn:
            row = conn.execute(select(kb_drafts).where(kb_drafts.c.id == draft_id)).first()
        if row is None:
            raise DraftError("not_found", f"no draft {draft_id}")
        return Draft(**row._mapping)

    def list(
        self, states: tuple[str, ...] = OPEN_STATES, procedure_id: str | None = None, limit: int = 200
    ) -> list[Draft]:
        query = select(kb_drafts).where(kb_drafts.c.state.in_(states)).order_by(kb_drafts.c.updated_at.desc())
        if procedure_id is not None:
            query = query.where(kb_drafts.c.procedure_id == procedure_id)
        with self.engine.connect() as conn:
            return [Draft(**r._mapping) for r in conn.execute(query.limit(limit))]

    def _move(self, draft: Draft, allowed: tuple[str, ...], **values: object) -> Draft:
        if draft.state not in allowed:
            raise DraftError("wrong_state", f"draft {draft.id} is {draft.state}")
        with self.engine.begin() as conn:
            moved = conn.execute(
                update(kb_drafts)
                .where(kb_drafts.c.id == draft.id, kb_drafts.c.state == draft.state)  # no lost race
                .values(updated_at=now(), **values)
            ).rowcount
        if moved != 1:
            raise DraftError("wrong_state", f"draft {draft.id} changed meanwhile")
        return self.get(draft.id)

    def save(self, draft_id: int, text: str | None, by: str, note: str | None = None) -> Draft:
        draft = self.get(draft_id)
        if draft.author != by:
            raise DraftError("not_author", "only its author changes a draft; start your own from it")
        values: dict[str, object] = {"text": text, "state": "draft"}
        if note is not None:
            values["note"] = note[:500]
        return self._move(draft, ("draft", "returned"), **values)

    def submit(self, draft_id: int, by: str) -> Draft:
        draft = self.get(draft_id)
        if draft.author != by:
            raise DraftError("not_author", "only its author submits a draft")
        return self._move(draft, ("draft", "returned"), state="submitted")

    def send_back(self, draft_id: int, by: str, comment: str) -> Draft:
        draft = self.get(draft_id)
        if draft.author == by:
            raise DraftError("same_person", "a draft is reviewed by someone other than its author")
        values = {"state": "returned", "reviewer": by, "review_comment": comment[:1000], "reviewed_at": now()}
        return self._move(draft, ("submitted",), **values)

    def withdraw(self, draft_id: int, by: str) -> Draft:
        draft = self.get(draft_id)
        if draft.author != by:
            raise DraftError("not_author", "only its author withdraws a draft")
        return self._move(draft, ("draft", "returned", "submitted"), state="withdrawn")

    def check_publishable(self, draft: Draft, by: str) -> None:
        if draft.state != "submitted":
            raise DraftError("wrong_state", f"draft {draft.id} is {draft.state}, not submitted")
        if draft.author == by:
            raise DraftError("same_person", "a draft is published by someone other than its author")

    def record_gate(self, draft_id: int, report: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(kb_drafts).where(kb_drafts.c.id == draft_id).values(gate=report))

    def mark_published(self, draft: Draft, by: str, override: str | None) -> Draft:
        return self._move(draft, ("submitted",), state="published", reviewer=by, reviewed_at=now(), override=override)
