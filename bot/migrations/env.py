"""Alembic's entry point. ``bot.database.migrate`` hands it a connection (under the migration lock);
the ``alembic`` command line (``alembic.ini`` at the repository root) connects to ``DALIL_DATABASE_URL``
or the default SQLite database of the settings."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

import bot.admin.editor
import bot.channels.whatsapp.inbox
import bot.channels.whatsapp.outbox
import bot.conversation
import bot.coordination  # noqa: F401  (the tables register on the metadata when their modules load)
from bot.config import get_settings
from bot.database import metadata


def run(connection: Connection) -> None:
    # SQLite cannot ALTER most things in place: batch mode copies the table instead.
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


given = context.config.attributes.get("connection")
if given is not None:
    run(given)
else:
    url = context.config.get_main_option("sqlalchemy.url") or get_settings().sqlite_url
    with create_engine(url).connect() as conn:
        run(conn)
        conn.commit()
