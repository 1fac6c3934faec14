"""The database Dalil writes to: SQLite by default, PostgreSQL by URL (SQLAlchemy Core). One engine per
application (built by ``bot.app``) and one ``metadata`` that every table registers on.

The schema is Alembic's (``bot/migrations``): :func:`open_database` upgrades it to the newest revision
before anything is read or written. Several workers may start at once: on PostgreSQL the upgrade runs
under an advisory lock, on SQLite under a file lock beside the database, so exactly one of them
migrates and the others find the schema current."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import logging
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, MetaData, create_engine, event, text

log = logging.getLogger("dalil")

metadata = MetaData()
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any 64-bit number no other program on the same PostgreSQL uses: "dalil" in ASCII.
MIGRATION_LOCK = 0x64616C696C


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def make_engine(url: str) -> Engine:
    """An engine for ``url``, without touching the schema (see :func:`open_database`)."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _wal(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            # WAL lets the web workers read while the WhatsApp worker writes.
            dbapi_conn.execute("PRAGMA journal_mode=WAL")
            dbapi_conn.execute("PRAGMA synchronous=NORMAL")
    else:
        # pre_ping: a PostgreSQL restart leaves dead connections in the pool; they are replaced, not used.
        engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    return engine


def open_database(url: str) -> Engine:
    """The engine, with the schema upgraded to the newest migration."""
    engine = make_engine(url)
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
def _migration_lock(engine: Engine, conn: Connection) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
        conn.commit()
        try:
            yield
        finally:
            conn.rollback()
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
            conn.commit()
    elif engine.dialect.name == "sqlite" and engine.url.database:
        with open(f"{engine.url.database}.migrate-lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
    else:
        yield


def migrate(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Upgrade the schema to ``revision``; returns (revision before, revision after). Safe to call from
    several processes at once, and cheap when there is nothing to do."""
    from alembic import command

    config = _alembic_config()
    with engine.connect() as conn, _migration_lock(engine, conn):
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
