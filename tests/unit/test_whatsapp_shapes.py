"""Signed webhook deliveries of odd shapes (review finding 6): each is stored as far as it can be used
and answered 200, or refused with 400 when it is no webhook at all, never an exception (a 500 that Meta
would retry forever, blocking the messages behind it). Hypothesis mutates Meta's recorded shapes."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot.channels.whatsapp.config import WhatsAppConfig
from bot.channels.whatsapp.inbox import wa_inbox
from bot.channels.whatsapp.parse import PayloadError
from bot.channels.whatsapp.runtime import WhatsAppRuntime
from bot.channels.whatsapp.signature import sign
from bot.database import open_database
from tests import whatsapp_payloads as wp
from tests.fuzz import at, odd_webhook
from tests.unit.test_whatsapp_worker import StubDalil

CONFIG = WhatsAppConfig(
    token="t",
    app_secret=wp.SECRET,
    verify_token="v",
    phone_number_id=wp.PHONE_ID,
    api_base="http://127.0.0.1:9/v21.0",  # never called: nothing is sent while receiving
    rate_per_minute=0,
    salt="salt",
    max_audio_bytes=1_000_000,
    max_message_chars=2000,
)


@pytest.fixture(scope="module")
def rt(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WhatsAppRuntime]:
    folder: Path = tmp_path_factory.mktemp("shapes")
    runtime = WhatsAppRuntime(CONFIG, StubDalil(), open_database(f"sqlite:///{folder / 'wa.sqlite3'}"))
    yield runtime
    runtime.channel.close()


def receive(rt: WhatsAppRuntime, data: Any) -> dict[str, int] | str:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    headers = {"X-Hub-Signature-256": sign(raw, wp.SECRET)}
    try:
        return dict(rt.receive(raw, headers))
    except PayloadError as exc:
        return f"400: {exc}"


def stored(rt: WhatsAppRuntime, text: str) -> int:
    with rt.engine.connect() as conn:
        return len(conn.execute(select(wa_inbox.c.id).where(wa_inbox.c.text == text)).all())


MESSAGE = ("entry", 0, "changes", 0, "value", "messages", 0)
VALUE = ("entry", 0, "changes", 0, "value")


@pytest.mark.parametrize(
    ("where", "key", "odd"),
    [
        (VALUE, "messages", 5),
        (VALUE, "metadata", [1]),
        (VALUE, "contacts", "x"),
        (MESSAGE, "from", {"a": 1}),
        (MESSAGE, "id", ["wamid"]),
        (MESSAGE, "timestamp", {"t": 1}),
        (MESSAGE, "text", "not an object"),
        (MESSAGE, "type", 7),
        (("entry", 0), "changes", {"0": 1}),
    ],
)
def test_the_reviewed_odd_shapes_are_200(rt: WhatsAppRuntime, where: tuple, key: str, odd: Any) -> None:
    data = wp.text("casier judiciaire")
    at(data, *where)[key] = odd
    assert isinstance(receive(rt, data), dict)


def test_odd_statuses_audio_ids_and_deep_nesting(rt: WhatsAppRuntime) -> None:
    statuses = copy.deepcopy(wp.fixtures("message_status")["failed"])
    at(statuses, *VALUE, "statuses", 0)["errors"] = [{"code": "abc"}, {"code": {}}, 7]
    assert isinstance(receive(rt, statuses), dict)
    voice = wp.voice("123")
    at(voice, *MESSAGE)["audio"]["id"] = {"id": "../../../admin/x?y=1#"}
    assert receive(rt, voice) == {"new": 1}
    with rt.engine.connect() as conn:
        media = conn.execute(select(wa_inbox.c.media_id).order_by(wa_inbox.c.id.desc()).limit(1)).scalar()
    assert media is None  # an id of another shape never reaches a URL
    deep = b'{"entry": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    assert str(receive(rt, deep)).startswith("400")


def test_one_bad_message_does_not_block_the_good_ones_of_its_batch(rt: WhatsAppRuntime) -> None:
    data = wp.text("acte de naissance pour ma fille")
    good = at(data, *MESSAGE)
    bad = copy.deepcopy(good) | {"id": {"nested": True}, "from": None}
    at(data, *VALUE)["messages"] = [bad, 5, good]
    assert receive(rt, data) == {"new": 1}
    assert stored(rt, "acte de naissance pour ma fille") == 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_any_mutation_of_a_real_shape_is_stored_or_refused(rt: WhatsAppRuntime, data: st.DataObject) -> None:
    result = receive(rt, data.draw(odd_webhook()))
    assert isinstance(result, dict) or result.startswith("400"), result
