"""The database Dalil writes to: SQLite by default, PostgreSQL by URL (SQLAlchemy Core). One engine per
application (built by ``bot.app``) and one ``metadata`` that every table registers on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine, MetaData, create_engine, event

metadata = MetaData()


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _wal(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            # WAL lets the web workers read while the WhatsApp worker writes.
            dbapi_conn.execute("PRAGMA journal_mode=WAL")
            dbapi_conn.execute("PRAGMA synchronous=NORMAL")
    else:
        engine = create_engine(url, pool_pre_ping=True)
    metadata.create_all(engine)
    return engine
