"""Webhook bodies for the WhatsApp tests, built from the recorded shapes in ``tests/data/whatsapp/``
(pywa's MIT test data) with our own ids, sender and phone-number id, and signed like Meta signs them."""

from __future__ import annotations

import copy
import json
import uuid
from functools import cache
from pathlib import Path
from typing import Any

from bot.channels.whatsapp.signature import sign

DATA = Path(__file__).parent / "data" / "whatsapp"
SECRET = "test-app-secret"
PHONE_ID = "1122334455667"
SENDER = "212612345678"


@cache
def fixtures(family: str) -> dict[str, Any]:
    return json.loads((DATA / f"{family}.json").read_text())


def body(
    family: str,
    case: str,
    *,
    message_id: str | None = None,
    sender: str = SENDER,
    phone_id: str = PHONE_ID,
    **fields: Any,
) -> dict[str, Any]:
    """A copy of a recorded webhook body addressed to our number, from ``sender``, with a fresh id."""
    data = copy.deepcopy(fixtures(family)[case])
    value = data["entry"][0]["changes"][0]["value"]
    value["metadata"]["phone_number_id"] = phone_id
    for contact in value.get("contacts", []):
        contact["wa_id"] = sender
    for message in value.get("messages", []):
        message["id"] = message_id or f"wamid.{uuid.uuid4().hex}"
        message["from"] = sender
        kind = message["type"]
        for key, val in fields.items():
            message[kind][key] = val
    return data


def text(message: str, **kw: Any) -> dict[str, Any]:
    return body("message", "text", body=message, **kw)


def voice(media_id: str, **kw: Any) -> dict[str, Any]:
    return body("message", "voice", id=media_id, **kw)


def button_reply(reply_id: str, title: str, **kw: Any) -> dict[str, Any]:
    data = body("callback_button", "button", **kw)
    data["entry"][0]["changes"][0]["value"]["messages"][0]["interactive"]["button_reply"] = {
        "id": reply_id,
        "title": title,
    }
    return data


def list_reply(reply_id: str, title: str, **kw: Any) -> dict[str, Any]:
    data = body("callback_selection", "callback", **kw)
    data["entry"][0]["changes"][0]["value"]["messages"][0]["interactive"]["list_reply"] = {
        "id": reply_id,
        "title": title,
    }
    return data


def message_id(data: dict[str, Any]) -> str:
    return data["entry"][0]["changes"][0]["value"]["messages"][0]["id"]


def signed(data: dict[str, Any], secret: str = SECRET) -> tuple[bytes, dict[str, str]]:
    raw = json.dumps(data, ensure_ascii=False).encode()
    return raw, {"X-Hub-Signature-256": sign(raw, secret), "Content-Type": "application/json"}
