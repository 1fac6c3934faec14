"""One rating per answer, and what the retention purge and the health probe need (issue 16):

- ``feedback``: duplicate ratings of one answer keep the latest, then a unique index on ``answer_id``
  (rating an answer again replaces the rating: ``bot.conversation.ConversationStore.add_feedback``);
- indexes on the dates the purge deletes by (``bot/retention.py``): ``turns.created_at``,
  ``feedback.created_at``, ``conversations.updated_at``;
- ``service_health``: the one row ``/health`` rewrites to know the database takes writes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_turns_created_at", "turns", ["created_at"]),
    ("ix_feedback_created_at", "feedback", ["created_at"]),
    ("ix_conversations_updated_at", "conversations", ["updated_at"]),
]


def upgrade() -> None:
    feedback = sa.table("feedback", sa.column("id", sa.Integer), sa.column("answer_id", sa.String))
    latest = sa.select(sa.func.max(feedback.c.id)).group_by(feedback.c.answer_id)
    op.execute(sa.delete(feedback).where(feedback.c.id.not_in(latest.scalar_subquery())))
    op.create_index("ux_feedback_answer_id", "feedback", ["answer_id"], unique=True)
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    op.create_table(
        "service_health",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("service_health")
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)
    op.drop_index("ux_feedback_answer_id", table_name="feedback")
