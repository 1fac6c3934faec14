"""Conversation ids as long as the web's signed session ids (issue 16: ``<32 hex>.<32 hex>``, 65
characters) and as the API accepts (``SESSION_PATTERN``, up to 128): ``conversations.id``,
``turns.conversation_id`` and ``feedback.conversation_id`` were ``VARCHAR(64)``. SQLite never enforced
the length; PostgreSQL refused every web turn ("value too long"), so the turn was answered but lost.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COLUMNS = [("conversations", "id"), ("turns", "conversation_id"), ("feedback", "conversation_id")]


def upgrade() -> None:
    _retype(sa.String(64), sa.String(128))


def downgrade() -> None:
    _retype(sa.String(128), sa.String(64))


def _retype(before: sa.String, after: sa.String) -> None:
    # batch: a plain ALTER on PostgreSQL; on SQLite (no ALTER COLUMN) the table is copied with its indexes.
    for table, column in COLUMNS:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, existing_type=before, type_=after, existing_nullable=False)
