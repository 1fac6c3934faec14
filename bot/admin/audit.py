"""The audit log: who did what, when, from where, with the diff. Append-only: the code has no way to
change or delete a row, and the database refuses it (a trigger on SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from sqlalchemy import DDL, Column, DateTime, Engine, Integer, String, Table, Text, event, insert, select

from bot.database import metadata, now

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False, index=True),
    Column("actor", String(40), nullable=False, index=True),
    Column("action", String(40), nullable=False),
    Column("target", String(120), nullable=False, default=""),
    Column("detail", Text, nullable=False, default=""),  # a diff, a reason, a gate report summary
    Column("ip", String(64), nullable=False, default=""),
)

# The database itself refuses to change the log (migration 0005 creates the same triggers).
SQLITE_TRIGGERS = [
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
]
POSTGRES_TRIGGERS = [
    "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$ LANGUAGE plpgsql",
    "DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
]
for _statement in SQLITE_TRIGGERS:
    event.listen(audit_log, "after_create", DDL(_statement).execute_if(dialect="sqlite"))
for _statement in POSTGRES_TRIGGERS:
    event.listen(audit_log, "after_create", DDL(_statement).execute_if(dialect="postgresql"))

CSV_COLUMNS = ("id", "at", "actor", "action", "target", "detail", "ip")


@dataclass(frozen=True)
class Entry:
    id: int
    at: dt.datetime
    actor: str
    action: str
    target: str
    detail: str
    ip: str


class AuditLog:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(self, actor: str, action: str, target: str = "", detail: str = "", ip: str = "") -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(audit_log).values(
                    at=now(), actor=actor[:40], action=action[:40], target=target[:120], detail=detail, ip=ip[:64]
                )
            )

    def entries(
        self, limit: int = 200, actor: str = "", action: str = "", target: str = "", before_id: int | None = None
    ) -> list[Entry]:
        query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
        if actor:
            query = query.where(audit_log.c.actor == actor)
        if action:
            query = query.where(audit_log.c.action == action)
        if target:
            query = query.where(audit_log.c.target == target)
        if before_id is not None:
            query = query.where(audit_log.c.id < before_id)
        with self.engine.connect() as conn:
            return [Entry(r.id, r.at, r.actor, r.action, r.target, r.detail, r.ip) for r in conn.execute(query)]

    def csv(self, entries: list[Entry]) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for e in entries:
            at = e.at.isoformat(timespec="seconds")
            writer.writerow([e.id, at, *(_cell(v) for v in (e.actor, e.action, e.target, e.detail, e.ip))])
        return out.getvalue()


def _cell(text: str) -> str:
    # A spreadsheet runs a cell that starts with = + - @ as a formula: quote it (CSV injection).
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
