"""The database Dalil writes to: SQLite by default, PostgreSQL by URL (SQLAlchemy Core). One engine per
application (built by ``bot.app``) and one ``metadata`` that every table registers on.

The schema is Alembic's (``bot/migrations``): :func:`open_database` upgrades it to the newest revision
before anything is read or written. Several workers may start at once: on PostgreSQL the upgrade runs
under an advisory lock, on SQLite under a file lock beside the database, so exactly one of them
migrates and the others find the schema current.

SQLite waits ``busy_timeout_s`` for a lock (short: a request that cannot write is answered 503 with
``Retry-After`` rather than held), overwrites deleted content (``secure_delete``), and after personal
data is erased :func:`checkpoint` copies the write-ahead log into the database and empties it, so an
erased phone number survives in neither file."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Connection, DateTime, Engine, Integer, MetaData, Table, create_engine, event, text

log = logging.getLogger("dalil")

metadata = MetaData()
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any 64-bit number no other program on the same PostgreSQL uses: "dalil" in ASCII.
MIGRATION_LOCK = 0x64616C696C

# One row, rewritten by the health probe: a database that cannot take this write cannot take a turn.
service_health = Table(
    "service_health",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("checked_at", DateTime, nullable=False),
)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def make_engine(url: str, busy_timeout_s: float = 3.0) -> Engine:
    """An engine for ``url``, without touching the schema (see :func:`open_database`)."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": busy_timeout_s})

        @event.listens_for(engine, "connect")
        def _wal(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            # WAL lets the web workers read while the WhatsApp worker writes.
            dbapi_conn.execute("PRAGMA journal_mode=WAL")
            dbapi_conn.execute("PRAGMA synchronous=NORMAL")
            dbapi_conn.execute("PRAGMA secure_delete=ON")  # erased text is overwritten, not left in free pages
    else:
        # pre_ping: a PostgreSQL restart leaves dead connections in the pool; they are replaced, not used.
        engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    return engine


def open_database(url: str, busy_timeout_s: float = 3.0) -> Engine:
    """The engine, with the schema upgraded to the newest migration."""
    engine = make_engine(url, busy_timeout_s)
    migrate(engine)
    return engine


def _alembic_config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; None for a database Alembic never touched."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@contextlib.contextmanager
def _migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection held under the migration lock. On SQLite the file lock is taken *before* the first
    connection: opening a fresh database switches it to WAL, which several openers at once can find
    locked (SQLite does not wait on that lock)."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            conn.commit()
            try:
                yield conn
            finally:
                conn.rollback()
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
                conn.commit()
    elif engine.dialect.name == "sqlite" and engine.url.database:
        with open(f"{engine.url.database}.migrate-lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                with engine.connect() as conn:
                    yield conn
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
    else:
        with engine.connect() as conn:
            yield conn


def migrate(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Upgrade the schema to ``revision``; returns (revision before, revision after). Safe to call from
    several processes at once, and cheap when there is nothing to do."""
    from alembic import command

    config = _alembic_config()
    with _migration_connection(engine) as conn:
        before = _revision_of(conn)
        if before != head_revision() or revision != "head":
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
            conn.commit()
        after = _revision_of(conn)
    if before != after:
        log.info("database migrated", extra={"from": before, "to": after, "dialect": engine.dialect.name})
    return before, after


def _revision_of(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    revision = MigrationContext.configure(conn).get_current_revision()
    conn.rollback()  # reading the version table began a transaction: end it before locking or upgrading
    return revision


def _dialect_insert(conn: Connection, table: Table):  # type: ignore[no-untyped-def]
    """``INSERT`` with ``ON CONFLICT`` for the two databases Dalil runs on."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


def insert_new(conn: Connection, table: Table, values: dict[str, Any], unique: list[str]) -> bool:
    """Insert unless a row with the same ``unique`` columns exists (no IntegrityError, so the caller's
    transaction goes on); True when the row was inserted."""
    statement = _dialect_insert(conn, table).values(**values).on_conflict_do_nothing(index_elements=unique)
    # RETURNING, not rowcount: PostgreSQL's driver reports no count for a statement that returns rows.
    return conn.execute(statement.returning(*table.primary_key.columns)).first() is not None


def upsert(conn: Connection, table: Table, values: dict[str, Any], unique: list[str]) -> None:
    """Insert, or update the row with the same ``unique`` columns to ``values``."""
    statement = _dialect_insert(conn, table).values(**values)
    changed = {k: statement.excluded[k] for k in values if k not in unique}
    conn.execute(statement.on_conflict_do_update(index_elements=unique, set_=changed))


def checkpoint(engine: Engine) -> None:
    """After personal data was erased: copy SQLite's write-ahead log into the database and truncate it
    (the log still holds the rows as they were). Nothing to do on PostgreSQL."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def probe(engine: Engine) -> None:
    """One small write, as a turn would need (raises when the database is locked, full or down)."""
    with engine.begin() as conn:
        upsert(conn, service_health, {"id": 1, "checked_at": now()}, ["id"])


def problem(exc: BaseException) -> str:
    """What a database error means for the people waiting: ``locked``, ``full`` or ``unavailable``."""
    message = str(exc).lower()
    if "locked" in message or "busy" in message:
        return "locked"
    if "full" in message or "no space" in message:
        return "full"
    return "unavailable"
