"""Every webhook shape Meta sends is recognised; signatures are checked on the raw bytes."""

from __future__ import annotations

import json

import pytest

from bot.channels.whatsapp import signature
from bot.channels.whatsapp.parse import PayloadError, parse_update
from bot.errors import ChannelAuthError
from bot.types import InboundKind
from tests import whatsapp_payloads as wp

EXPECTED: dict[tuple[str, str], InboundKind | None] = {
    ("message", "text"): InboundKind.TEXT,
    ("message", "reply"): InboundKind.TEXT,
    ("message", "forwarded"): InboundKind.TEXT,
    ("message", "forwarded_many_times"): InboundKind.TEXT,
    ("message", "referral"): InboundKind.TEXT,
    ("message", "audio"): InboundKind.VOICE,
    ("message", "voice"): InboundKind.VOICE,
    ("message", "image"): InboundKind.UNSUPPORTED,
    ("message", "media_with_url"): InboundKind.UNSUPPORTED,
    ("message", "video"): InboundKind.UNSUPPORTED,
    ("message", "document"): InboundKind.UNSUPPORTED,
    ("message", "static_sticker"): InboundKind.UNSUPPORTED,
    ("message", "animated_sticker"): InboundKind.UNSUPPORTED,
    ("message", "current_location"): InboundKind.UNSUPPORTED,
    ("message", "chosen_location"): InboundKind.UNSUPPORTED,
    ("message", "contacts"): InboundKind.UNSUPPORTED,
    ("message", "order"): InboundKind.UNSUPPORTED,
    ("message", "unsupported"): InboundKind.UNSUPPORTED,
    ("message", "unsupported_with_type"): InboundKind.UNSUPPORTED,
    ("message", "interactive_message_with_err"): InboundKind.UNSUPPORTED,
    ("message", "reaction"): InboundKind.UNSUPPORTED,
    ("message", "unreaction_empty"): InboundKind.IGNORED,
    ("message", "unreaction_no_emoji"): InboundKind.IGNORED,
    ("callback_button", "button"): InboundKind.REPLY,
    ("callback_button", "quick_reply"): InboundKind.REPLY,
    ("callback_button", "quick_reply_without_context"): InboundKind.REPLY,
    ("callback_selection", "callback"): InboundKind.REPLY,
    ("callback_selection", "description"): InboundKind.REPLY,
    ("edited_message", "image"): InboundKind.IGNORED,
    ("deleted_message", "revoke"): InboundKind.IGNORED,
    ("system", "phone_number_change"): InboundKind.IGNORED,
    ("system", "identity_change"): InboundKind.IGNORED,
}


def test_every_recorded_case_is_covered() -> None:
    families = ["message", "callback_button", "callback_selection", "edited_message", "deleted_message", "system"]
    recorded = {(f, case) for f in families for case in wp.fixtures(f)}
    assert recorded == set(EXPECTED)


@pytest.mark.parametrize(("family", "case"), sorted(EXPECTED))
def test_recorded_message_shapes(family: str, case: str) -> None:
    update = parse_update(wp.body(family, case), wp.PHONE_ID)
    assert len(update.messages) == 1
    message = update.messages[0]
    assert message.kind is EXPECTED[(family, case)]
    assert message.sender == wp.SENDER and message.message_id.startswith("wamid.")


def test_fields_of_each_kind() -> None:
    text = parse_update(wp.text("passeport ?"), wp.PHONE_ID).messages[0]
    assert (text.text, text.timestamp) == ("passeport ?", 1697043223)
    voice = parse_update(wp.voice("1001"), wp.PHONE_ID).messages[0]
    assert (voice.media_id, voice.mime_type, voice.subtype) == ("1001", "audio/ogg; codecs=opus", "voice")
    button = parse_update(wp.button_reply("cnie-renewal", "Renouvellement CNIE"), wp.PHONE_ID).messages[0]
    assert (button.reply_id, button.text) == ("cnie-renewal", "Renouvellement CNIE")
    row = parse_update(wp.list_reply("passport-renewal", "Passeport"), wp.PHONE_ID).messages[0]
    assert (row.kind, row.reply_id) == (InboundKind.REPLY, "passport-renewal")
    quick = parse_update(wp.body("callback_button", "quick_reply"), wp.PHONE_ID).messages[0]
    assert (quick.reply_id, quick.text) == ("callback_data", "title")
    sticker = parse_update(wp.body("message", "static_sticker"), wp.PHONE_ID).messages[0]
    assert sticker.subtype == "sticker"


def test_an_edited_text_is_a_new_question() -> None:
    data = wp.body("edited_message", "image")
    edit = data["entry"][0]["changes"][0]["value"]["messages"][0]["edit"]
    edit["message"] = {"type": "text", "text": {"body": "et le passeport ?"}}
    message = parse_update(data, wp.PHONE_ID).messages[0]
    assert (message.kind, message.text, message.subtype) == (InboundKind.TEXT, "et le passeport ?", "edit")


@pytest.mark.parametrize("case", sorted(wp.fixtures("message_status")))
def test_statuses_are_counted_never_answered(case: str) -> None:
    update = parse_update(wp.body("message_status", case), wp.PHONE_ID)
    assert update.messages == [] and update.statuses == 1
    assert update.failed_statuses == ([130472] if case == "failed" else [])


def test_messages_for_another_number_are_skipped() -> None:
    update = parse_update(wp.text("bonjour", phone_id="999"), wp.PHONE_ID)
    assert update.messages == [] and update.other_numbers == 1


def test_batched_entries_and_other_objects() -> None:
    first, second = wp.text("un"), wp.text("deux")
    first["entry"].extend(second["entry"])
    assert [m.text for m in parse_update(first, wp.PHONE_ID).messages] == ["un", "deux"]
    assert parse_update({"object": "page", "entry": [{}]}, wp.PHONE_ID).messages == []
    with pytest.raises(PayloadError):
        parse_update(["not", "a", "body"], wp.PHONE_ID)


def test_signature_accepts_only_the_exact_body_and_secret() -> None:
    raw, headers = wp.signed(wp.text("bonjour, ça marche ?"))
    header = headers["X-Hub-Signature-256"]
    signature.verify(raw, header, wp.SECRET)
    for bad_body, bad_header, status in [
        (raw, None, 401),
        (raw, "", 401),
        (raw, header.removeprefix("sha256="), 401),
        (raw, "sha256=" + "0" * 64, 403),
        (raw + b" ", header, 403),
        (raw, signature.sign(raw, "another-secret"), 403),
        (json.dumps(json.loads(raw)).encode(), header, 403),  # same JSON, other bytes: not what was signed
    ]:
        with pytest.raises(ChannelAuthError) as err:
            signature.verify(bad_body, bad_header, wp.SECRET)
        assert err.value.status_code == status


def test_whatsapp_is_a_channel() -> None:
    from bot.channels.whatsapp.channel import WhatsAppChannel
    from bot.channels.whatsapp.config import WhatsAppConfig
    from bot.ports import Channel

    config = WhatsAppConfig("t", wp.SECRET, "v", wp.PHONE_ID, "http://127.0.0.1:9/v21.0", 15, "salt", 1000, 2000)
    channel = WhatsAppChannel(config)
    assert isinstance(channel, Channel)
    raw, headers = wp.signed(wp.text("bonjour"))
    assert [m.text for m in channel.parse(raw, headers)] == ["bonjour"]
    with pytest.raises(ChannelAuthError):
        channel.parse(raw, {})
    channel.close()
