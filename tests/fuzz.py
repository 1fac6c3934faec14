"""What the fuzz suite sends beyond what Schemathesis derives from the OpenAPI document: signed WhatsApp
deliveries of odd shapes (Meta's recorded bodies, mutated) and audio files of every accepted container,
whole, cut, spliced or with their bytes flipped. Shared by tests/integration/test_fuzz.py (a bounded run
in ``make test``) and bench/fuzz.py (the long run in ``make bench``); loopback only."""

from __future__ import annotations

import copy
import io
import json
import math
from functools import cache
from typing import Any

import av
import numpy as np
from hypothesis import strategies as st

from bot.channels.whatsapp.signature import sign
from tests import whatsapp_payloads as wp

# --- WhatsApp: Meta's shapes, mutated, then signed -------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def webhook_bases() -> list[dict[str, Any]]:
    return [
        wp.text("passeport"),
        wp.voice("4321"),
        wp.button_reply("cnie-renewal", "CNIE"),
        wp.list_reply("passport-renewal", "Passeport"),
        *[case for family in ("message_status", "edited_message", "system") for case in wp.fixtures(family).values()],
    ]


def paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a JSON document, as the keys and indexes that reach it."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths(value, (*prefix, index))
    return found


def at(data: Any, *path: str | int) -> Any:
    for key in path:
        data = data[key]
    return data


@st.composite
def odd_webhook(draw: st.DrawFn) -> Any:
    """A recorded webhook body with one to three of its values replaced by any JSON."""
    body = copy.deepcopy(draw(st.sampled_from(webhook_bases())))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths(body)))
        if not path:
            body = draw(JSON)
            continue
        at(body, *path[:-1])[path[-1]] = draw(JSON)
    return body


def signed_body(body: Any) -> tuple[bytes, dict[str, str]]:
    raw = json.dumps(body).encode()
    return raw, {"X-Hub-Signature-256": sign(raw, wp.SECRET), "Content-Type": "application/json"}


# --- audio: real containers, damaged ----------------------------------------------------------------

CODECS = {"ogg": "libopus", "webm": "libopus", "mp3": "libmp3lame", "ipod": "aac", "adts": "aac", "wav": "pcm_s16le"}


@cache
def recording(muxer: str, seconds: float = 1.0) -> bytes:
    """``seconds`` of a tone in ``muxer``'s container, encoded by PyAV in memory."""
    rate = 48_000
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format=muxer) as out:
        stream = out.add_stream(CODECS[muxer], rate=rate, layout="mono")
        n = int(seconds * rate)
        samples = (0.3 * np.sin(2 * math.pi * 440 * np.arange(n) / rate)).astype(np.float32)
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="flt", layout="mono")
        frame.sample_rate = rate
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return buffer.getvalue()


@st.composite
def damaged_audio(draw: st.DrawFn) -> bytes:
    """An accepted container, then cut, spliced with another, flipped in places, or given garbage after
    its magic bytes."""
    data = bytearray(recording(draw(st.sampled_from(sorted(CODECS)))))
    how = draw(st.sampled_from(["whole", "cut", "flip", "splice", "magic"]))
    if how == "cut":
        data = data[: draw(st.integers(0, len(data)))]
    elif how == "flip":
        for _ in range(draw(st.integers(1, 20))):
            i = draw(st.integers(0, len(data) - 1))
            data[i] = draw(st.integers(0, 255))
    elif how == "splice":
        other = recording(draw(st.sampled_from(sorted(CODECS))))
        data = data[: draw(st.integers(0, len(data)))] + other[draw(st.integers(0, len(other))) :]
    elif how == "magic":
        data = data[:16] + draw(st.binary(max_size=2048))
    return bytes(data)
