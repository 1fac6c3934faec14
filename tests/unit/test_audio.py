"""inspect_audio and decode_pcm on real encoded audio (PyAV encodes a tone in memory: no espeak,
no ffmpeg binary, no model)."""

from __future__ import annotations

import io
import math
from pathlib import Path

import av
import numpy as np
import pytest

from bot.adapters.pcm import decode_pcm, is_silent
from bot.audio_formats import sniff
from bot.config import Settings
from bot.errors import AudioError
from bot.voice.audio import inspect_audio

RATE = 48_000
# format -> (PyAV muxer, codec, expected container, canonical MIME)
FORMATS = {
    "ogg-opus": ("ogg", "libopus", "ogg", "audio/ogg"),
    "webm-opus": ("webm", "libopus", "webm", "audio/webm"),
    "mp3": ("mp3", "libmp3lame", "mp3", "audio/mpeg"),
    "m4a-aac": ("ipod", "aac", "m4a", "audio/mp4"),
    "adts-aac": ("adts", "aac", "aac", "audio/aac"),
    "wav": ("wav", "pcm_s16le", "wav", "audio/wav"),
    # What browsers' MediaRecorder writes: Chrome's WebM has no duration in its header, Safari's MP4
    # is fragmented.
    "webm-live": ("webm", "libopus", "webm", "audio/webm"),
    "mp4-fragmented": ("mp4", "aac", "m4a", "audio/mp4"),
}
MUXER_OPTIONS = {"webm-live": {"live": "1"}, "mp4-fragmented": {"movflags": "frag_keyframe+empty_moov"}}


def encoded(fmt: str, seconds: float, amplitude: float = 0.3, rate: int = RATE) -> bytes:
    """``seconds`` of a 440 Hz tone (or silence, amplitude 0) in ``fmt``."""
    muxer, codec, _, _ = FORMATS[fmt]
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format=muxer, options=MUXER_OPTIONS.get(fmt, {})) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        frame_size = stream.codec_context.frame_size or 1024
        samples = int(seconds * rate)
        t = np.arange(samples) / rate
        pcm = (amplitude * np.sin(2 * math.pi * 440 * t) * 32767).astype(np.int16)
        for start in range(0, samples, frame_size):
            chunk = pcm[start : start + frame_size]
            frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1), format="s16", layout="mono")
            frame.sample_rate = rate
            frame.pts = start
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return buffer.getvalue()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_accepted_format_is_recognised_from_its_bytes(fmt: str, settings: Settings) -> None:
    data = encoded(fmt, 2.0)
    info = inspect_audio(data, "application/octet-stream", settings)  # the declared type is not trusted
    assert (info.container, info.mime_type) == FORMATS[fmt][2:]
    assert info.duration_s == pytest.approx(2.0, abs=0.1)
    assert info.size == len(data)
    assert info.declared_mime == "application/octet-stream"


def test_mp3_without_id3_tag_is_recognised_by_its_frame_sync() -> None:
    data = encoded("mp3", 1.0)
    assert data.startswith(b"ID3") or data[0] == 0xFF
    if data.startswith(b"ID3"):  # skip the tag: size is 4 syncsafe bytes after 6 header bytes
        size = sum(b << (7 * (3 - i)) for i, b in enumerate(data[6:10]))
        data = data[10 + size :]
    assert sniff(data) == "mp3"


@pytest.mark.parametrize(
    ("data", "status", "words"),
    [
        (b"", 400, "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(2000), 415, "unsupported"),
        (b"%PDF-1.7\n" + bytes(2000), 415, "unsupported"),
        ("كيف أجدد جواز السفر".encode(), 415, "unsupported"),
        (b"OggS" + bytes(range(256)) * 8, 422, "could not be decoded"),
        (b"\x1a\x45\xdf\xa3" + bytes(range(256)) * 8, 422, "could not be decoded"),
    ],
)
def test_bad_uploads_get_a_status_and_a_reason(data: bytes, status: int, words: str, settings: Settings) -> None:
    with pytest.raises(AudioError) as err:
        inspect_audio(data, "audio/ogg", settings)
    assert err.value.status_code == status
    assert words in err.value.reason


def test_a_renamed_image_is_refused_whatever_its_declared_type(settings: Settings) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(4096)
    with pytest.raises(AudioError) as err:
        inspect_audio(png, "audio/ogg", settings)
    assert err.value.status_code == 415


def test_size_limit_is_413(tmp_path: Path) -> None:
    data = encoded("wav", 1.0)  # 96 kB
    with pytest.raises(AudioError) as err:
        inspect_audio(data, None, Settings(data_dir=tmp_path, max_audio_bytes=50_000))
    assert err.value.status_code == 413
    assert "limit" in err.value.reason


def test_duration_limit_is_422_and_says_the_limit(tmp_path: Path) -> None:
    data = encoded("ogg-opus", 3.0)
    with pytest.raises(AudioError) as err:
        inspect_audio(data, None, Settings(data_dir=tmp_path, max_audio_seconds=2))
    assert err.value.status_code == 422
    assert "longer than the 2 s limit" in err.value.reason


def test_a_truncated_file_still_reports_what_it_holds(settings: Settings) -> None:
    data = encoded("ogg-opus", 4.0)
    info = inspect_audio(data[: len(data) // 2], None, settings)
    assert 1.0 < info.duration_s < 3.0


def test_decode_pcm_gives_16k_mono_float32() -> None:
    pcm = decode_pcm(encoded("webm-opus", 1.5), max_seconds=120)
    assert pcm.dtype == np.float32 and pcm.ndim == 1
    assert pcm.size / 16_000 == pytest.approx(1.5, abs=0.05)
    assert 0.2 < float(np.max(np.abs(pcm))) <= 1.0


def test_decode_pcm_stops_past_the_limit_even_if_the_header_says_less() -> None:
    with pytest.raises(AudioError) as err:
        decode_pcm(encoded("mp3", 4.0), max_seconds=2)
    assert err.value.status_code == 422


def test_silence_is_told_apart_from_sound() -> None:
    assert is_silent(decode_pcm(encoded("ogg-opus", 1.0, amplitude=0.0), 120))
    assert not is_silent(decode_pcm(encoded("ogg-opus", 1.0, amplitude=0.05), 120))
    assert is_silent(np.zeros(0, dtype=np.float32))


def demux_bomb(size: int = 9_900_000) -> bytes:
    """The reviewed demuxing bomb: one 11-byte ADTS frame of silence (96 kHz AAC: 10.7 ms) repeated to
    ``size`` bytes, 900,000 packets claiming about 2 h 40 min."""
    silence = encoded("adts-aac", 1.0, amplitude=0.0, rate=96_000)
    frames, i = [], 0
    while i + 7 <= len(silence):
        length = ((silence[i + 3] & 3) << 11) | (silence[i + 4] << 3) | (silence[i + 5] >> 5)
        frames.append(silence[i : i + length])
        i += length
    frame = min(frames[2:-1], key=len)
    return frame * (size // len(frame))


class CountingContainer:
    """av.open's container, counting the packets demuxed (a Cython object takes no patch itself)."""

    def __init__(self, media: av.container.InputContainer, counts: list[int]) -> None:
        self.media, self.counts = media, counts

    def __getattr__(self, name: str) -> object:
        return getattr(self.media, name)

    def __enter__(self) -> CountingContainer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.media.close()

    def demux(self, *streams: object):  # type: ignore[no-untyped-def]
        for packet in self.media.demux(*streams):
            self.counts.append(1)
            yield packet


def test_a_demuxing_bomb_is_refused_without_reading_it_all(monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = demux_bomb()
    counts: list[int] = []
    real_open = av.open
    monkeypatch.setattr(av, "open", lambda *a, **k: CountingContainer(real_open(*a, **k), counts))
    with pytest.raises(AudioError) as refused:
        inspect_audio(bomb, "audio/aac", Settings())
    assert refused.value.code == "too_long" and "longer than the 120 s limit" in refused.value.reason
    assert len(counts) < 12_000  # 120 s of 10.7 ms packets, not the file's 900,000


def test_a_file_of_packets_without_timestamps_is_bounded_by_count(monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = demux_bomb(2_000_000)
    with pytest.raises(AudioError) as refused:
        inspect_audio(bomb, "audio/aac", Settings(max_audio_seconds=0.01))  # 1,004 packets allowed
    assert refused.value.code == "too_long"


def with_title(fmt: str, title: bytes) -> bytes:
    """A short recording whose container carries ``title`` as its metadata, byte for byte."""
    muxer, codec, _, _ = FORMATS[fmt]
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format=muxer) as out:
        out.metadata["title"] = "Z" * len(title)
        stream = out.add_stream(codec, rate=RATE, layout="mono")
        frame = av.AudioFrame.from_ndarray(np.zeros((1, RATE // 2), np.float32), format="flt", layout="mono")
        frame.sample_rate = RATE
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            out.mux(packet)
    return buffer.getvalue().replace(b"Z" * len(title), title)


@pytest.mark.parametrize("fmt", ["wav", "mp3", "m4a-aac", "webm-opus"])
def test_metadata_that_is_not_utf8_is_no_server_error(fmt: str, tmp_path: Path) -> None:
    # Found by the long fuzz run (bench/fuzz.py): PyAV decoded container tags strictly and raised
    # UnicodeDecodeError, a 500.
    data = with_title(fmt, b"\x80\xa0 titre")
    info = inspect_audio(data, None, Settings(data_dir=tmp_path))
    assert info.duration_s > 0
    assert decode_pcm(data, 120).size > 0


@pytest.mark.parametrize(
    "damage",
    [
        lambda: encoded("webm-opus", 0.5).replace(b"A_OPUS", b"A_OPUT"),  # a codec id nobody knows
        lambda: (lambda d: d[:20] + b"\x99\x99" + d[22:])(encoded("wav", 0.5)),  # a WAV format tag nobody knows
    ],
)
def test_a_stream_of_an_unknown_codec_is_undecodable_not_a_server_error(damage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Found by the long fuzz run (bench/fuzz.py): PyAV gives such a stream no codec context.
    data = damage()
    with pytest.raises(AudioError) as refused:
        inspect_audio(data, None, Settings(data_dir=tmp_path))
    assert refused.value.code == "undecodable"
    with pytest.raises(AudioError):
        decode_pcm(data, 120)
