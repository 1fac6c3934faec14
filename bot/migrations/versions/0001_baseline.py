"""Baseline: the tables as they were before Alembic (conversations, turns, feedback, kb_revisions,
wa_inbox, wa_outbox).

A database created by Dalil before migrations existed (``metadata.create_all``) already has some or
all of them, with rows: a table that exists is left as it is, so upgrading it loses nothing and only
adds what was missing.

Revision ID: 0001
Revises:
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _lease_columns() -> list[sa.Column]:
    return [
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("claimed_by", sa.String(40), nullable=True),
    ]


def _create(name: str, columns: Sequence[sa.SchemaItem], indexes: Sequence[tuple[str, list[str]]]) -> None:
    if sa.inspect(op.get_bind()).has_table(name):
        return
    op.create_table(name, *columns)
    for index, cols in indexes:
        op.create_index(index, name, cols)


def upgrade() -> None:
    _create(
        "conversations",
        [
            sa.Column("id", sa.String(64), primary_key=True),
            sa.Column("channel", sa.String(16), nullable=False),
            sa.Column("procedure_id", sa.String(80), nullable=True),
            sa.Column("language", sa.String(8), nullable=True),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
        ],
        [],
    )
    _create(
        "turns",
        [
            sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
            sa.Column("conversation_id", sa.String(64), nullable=False),
            sa.Column("answer_id", sa.String(64), nullable=False, unique=True),
            sa.Column("question", sa.Text(), nullable=False),
            sa.Column("status", sa.String(24), nullable=False),
            sa.Column("language", sa.String(8), nullable=False),
            sa.Column("style", sa.String(8), nullable=False),
            sa.Column("sources", sa.Text(), nullable=False),
            sa.Column("trace", sa.Text(), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
        ],
        [("ix_turns_conversation_id", ["conversation_id"])],
    )
    _create(
        "feedback",
        [
            sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
            sa.Column("conversation_id", sa.String(64), nullable=False),
            sa.Column("answer_id", sa.String(64), nullable=False),
            sa.Column("rating", sa.Integer(), nullable=False),
            sa.Column("comment", sa.Text(), nullable=True),
            sa.Column("created_at", sa.DateTime(), nullable=False),
        ],
        [("ix_feedback_conversation_id", ["conversation_id"])],
    )
    _create(
        "kb_revisions",
        [
            sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
            sa.Column("procedure_id", sa.String(80), nullable=False),
            sa.Column("action", sa.String(16), nullable=False),
            sa.Column("before", sa.Text(), nullable=True),
            sa.Column("after", sa.Text(), nullable=True),
            sa.Column("author", sa.String(80), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
        ],
        [("ix_kb_revisions_procedure_id", ["procedure_id"])],
    )
    _create(
        "wa_inbox",
        [
            sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
            sa.Column("message_key", sa.String(64), nullable=False, unique=True),
            sa.Column("sender_hash", sa.String(32), nullable=False),
            sa.Column("address", sa.String(64), nullable=True),
            sa.Column("kind", sa.String(16), nullable=False),
            sa.Column("subtype", sa.String(40), nullable=False),
            sa.Column("text", sa.Text(), nullable=False),
            sa.Column("reply_id", sa.String(200), nullable=True),
            sa.Column("media_id", sa.String(128), nullable=True),
            sa.Column("mime_type", sa.String(100), nullable=True),
            *_lease_columns(),
            sa.Column("received_at", sa.DateTime(), nullable=False),
            sa.Column("done_at", sa.DateTime(), nullable=True),
            sa.Column("status", sa.String(24), nullable=True),
            sa.Column("answer_id", sa.String(64), nullable=True),
            sa.Column("error", sa.String(300), nullable=True),
        ],
        [("ix_wa_inbox_due", ["state", "next_attempt_at"]), ("ix_wa_inbox_sender", ["sender_hash", "received_at"])],
    )
    _create(
        "wa_outbox",
        [
            sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
            sa.Column("key", sa.String(80), nullable=False, unique=True),
            sa.Column("inbound_key", sa.String(64), nullable=False),
            sa.Column("part", sa.Integer(), nullable=False),
            sa.Column("address", sa.String(64), nullable=True),
            sa.Column("payload", sa.Text(), nullable=False),
            *_lease_columns(),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("sent_at", sa.DateTime(), nullable=True),
            sa.Column("platform_id", sa.String(32), nullable=True),
            sa.Column("error", sa.String(300), nullable=True),
        ],
        [("ix_wa_outbox_due", ["state", "next_attempt_at"]), ("ix_wa_outbox_inbound", ["inbound_key", "part"])],
    )


def downgrade() -> None:
    for name in ("wa_outbox", "wa_inbox", "kb_revisions", "feedback", "turns", "conversations"):
        op.drop_table(name)
