"""The schema as Dalil created it before migrations existed: the table definitions of ``main`` at
4e85826 (bot/conversation.py, bot/admin/editor.py, bot/channels/whatsapp/inbox.py, outbox.py and
queue.py), copied verbatim into their own metadata and created the way that code did it
(``metadata.create_all``). The migration tests fill it with rows and upgrade it."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Engine, Index, Integer, MetaData, String, Table, Text

legacy = MetaData()


def _lease_columns() -> list[Column]:
    return [
        Column("state", String(12), nullable=False, default="pending"),
        Column("attempts", Integer, nullable=False, default=0),
        Column("next_attempt_at", DateTime, nullable=False),
        Column("lease_until", DateTime),
        Column("claimed_by", String(40)),
    ]


Table(
    "conversations",
    legacy,
    Column("id", String(64), primary_key=True),
    Column("channel", String(16), nullable=False, default="web"),
    Column("procedure_id", String(80)),
    Column("language", String(8)),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)
Table(
    "turns",
    legacy,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation_id", String(64), nullable=False, index=True),
    Column("answer_id", String(64), nullable=False, unique=True),
    Column("question", Text, nullable=False),
    Column("status", String(24), nullable=False),
    Column("language", String(8), nullable=False),
    Column("style", String(8), nullable=False),
    Column("sources", Text, nullable=False),
    Column("trace", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
)
Table(
    "feedback",
    legacy,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation_id", String(64), nullable=False, index=True),
    Column("answer_id", String(64), nullable=False),
    Column("rating", Integer, nullable=False),
    Column("comment", Text),
    Column("created_at", DateTime, nullable=False),
)
Table(
    "kb_revisions",
    legacy,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("procedure_id", String(80), nullable=False, index=True),
    Column("action", String(16), nullable=False),
    Column("before", Text),
    Column("after", Text),
    Column("author", String(80), nullable=False),
    Column("created_at", DateTime, nullable=False),
)
Table(
    "wa_inbox",
    legacy,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("message_key", String(64), nullable=False, unique=True),
    Column("sender_hash", String(32), nullable=False),
    Column("address", String(64)),
    Column("kind", String(16), nullable=False),
    Column("subtype", String(40), nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),
    Column("reply_id", String(200)),
    Column("media_id", String(128)),
    Column("mime_type", String(100)),
    *_lease_columns(),
    Column("received_at", DateTime, nullable=False),
    Column("done_at", DateTime),
    Column("status", String(24)),
    Column("answer_id", String(64)),
    Column("error", String(300)),
    Index("ix_wa_inbox_due", "state", "next_attempt_at"),
    Index("ix_wa_inbox_sender", "sender_hash", "received_at"),
)
Table(
    "wa_outbox",
    legacy,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(80), nullable=False, unique=True),
    Column("inbound_key", String(64), nullable=False),
    Column("part", Integer, nullable=False),
    Column("address", String(64)),
    Column("payload", Text, nullable=False),
    *_lease_columns(),
    Column("created_at", DateTime, nullable=False),
    Column("sent_at", DateTime),
    Column("platform_id", String(32)),
    Column("error", String(300)),
    Index("ix_wa_outbox_due", "state", "next_attempt_at"),
    Index("ix_wa_outbox_inbound", "inbound_key", "part"),
)


def create_legacy(engine: Engine) -> None:
    legacy.create_all(engine)
