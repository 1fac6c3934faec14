"""What a voice note is before anyone listens to it: its real container (from magic bytes, never the
file name or the declared type), its duration, and its samples as Whisper wants them (16 kHz mono).

Every refusal is an :class:`AudioError` carrying the HTTP status and a reason a citizen can act on,
so no caller (web, WhatsApp) ever turns a bad upload into a 500.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from fractions import Fraction

import av
import numpy as np

from bot.config import Settings

SAMPLE_RATE = 16_000  # what Whisper's feature extractor expects
# Digital silence and a phone's noise floor sit far below this peak (-50 dBFS): no model is needed
# to know that nobody spoke.
SILENCE_PEAK = 10 ** (-50 / 20)

# container -> (the only demuxer PyAV may use for it, canonical MIME type). Forcing the demuxer keeps
# ffmpeg's many other parsers (images, playlists, subtitles…) away from uploaded bytes.
CONTAINERS: dict[str, tuple[str, str]] = {
    "ogg": ("ogg", "audio/ogg"),
    "webm": ("matroska", "audio/webm"),
    "mp3": ("mp3", "audio/mpeg"),
    "m4a": ("mp4", "audio/mp4"),
    "aac": ("aac", "audio/aac"),
    "wav": ("wav", "audio/wav"),
}
ACCEPTED = "OGG/Opus, WebM, MP3, M4A/AAC or WAV"


class AudioError(Exception):
    """An upload Dalil cannot or will not transcribe; ``status_code`` is the HTTP status to answer."""

    def __init__(self, status_code: int, reason: str) -> None:
        super().__init__(reason)
        self.status_code = status_code
        self.reason = reason


@dataclass(frozen=True)
class AudioInfo:
    container: str  # a key of CONTAINERS
    mime_type: str  # canonical type for the container (not what the client declared)
    codec: str  # e.g. "opus", "mp3", "aac", "pcm_s16le"
    duration_s: float
    size: int
    declared_mime: str | None = None


def sniff(data: bytes) -> str | None:
    """The container named by the file's first bytes, or None if it is not an accepted audio format."""
    head = data[:16]
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"\x1a\x45\xdf\xa3"):  # EBML: WebM (browsers' MediaRecorder) or Matroska
        return "webm"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "wav"
    if head[4:8] == b"ftyp":  # ISO base media: M4A, MP4 audio, 3GP voice memos
        return "m4a"
    if head.startswith(b"ID3"):
        return "mp3"
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        # MPEG frame sync: layer bits 00 mean an ADTS (raw AAC) stream, anything else MPEG audio.
        return "aac" if head[1] & 0x06 == 0 else "mp3"
    return None


def inspect_audio(data: bytes, declared_mime: str | None, settings: Settings) -> AudioInfo:
    """Validate an upload cheaply (no speech model): size, real container, decodability, duration.

    Raises AudioError 400 (empty), 413 (over ``max_audio_bytes``), 415 (not an accepted audio
    container) or 422 (undecodable, no audio stream, or longer than ``max_audio_seconds``).
    """
    if not data:
        raise AudioError(400, "the audio file is empty")
    if len(data) > settings.max_audio_bytes:
        raise AudioError(413, f"the audio file is {_mb(len(data))}; the limit is {_mb(settings.max_audio_bytes)}")
    container = sniff(data)
    if container is None:
        raise AudioError(415, f"unsupported audio format: send {ACCEPTED}")
    codec, duration = _probe(data, container)
    if duration > settings.max_audio_seconds:
        raise AudioError(
            422, f"the recording lasts {duration:.0f} s; the limit is {settings.max_audio_seconds:.0f} s"
        )
    return AudioInfo(container, CONTAINERS[container][1], codec, duration, len(data), declared_mime)


def decode_pcm(data: bytes, max_seconds: float, container: str | None = None) -> np.ndarray:
    """The audio as 16 kHz mono float32 in [-1, 1]. Decoding stops (AudioError 422) past
    ``max_seconds`` even if the container's header claimed less, so a lying file costs no memory."""
    container = container or sniff(data)
    if container is None:
        raise AudioError(415, f"unsupported audio format: send {ACCEPTED}")
    limit = int((max_seconds + 1) * SAMPLE_RATE)
    resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
    chunks: list[np.ndarray] = []
    total = 0
    try:
        with av.open(io.BytesIO(data), mode="r", format=CONTAINERS[container][0]) as media:
            stream = _audio_stream(media)
            for frame in media.decode(stream):
                for out in [*resampler.resample(frame)]:
                    chunk = out.to_ndarray().reshape(-1)
                    chunks.append(chunk)
                    total += chunk.size
                if total > limit:
                    raise AudioError(422, f"the recording lasts more than {max_seconds:.0f} s")
            for out in resampler.resample(None):  # flush what the resampler still holds
                chunks.append(out.to_ndarray().reshape(-1))
    except av.FFmpegError as exc:
        raise AudioError(422, "the audio could not be decoded: the file is damaged or truncated") from exc
    if not chunks:
        raise AudioError(422, "the file contains no audio")
    return np.concatenate(chunks).astype(np.float32, copy=False)


def is_silent(pcm: np.ndarray) -> bool:
    return pcm.size == 0 or float(np.max(np.abs(pcm))) < SILENCE_PEAK


def _probe(data: bytes, container: str) -> tuple[str, float]:
    """(codec, duration in seconds): every packet is demuxed (cheap, no decoding) because browser
    WebM carries no duration in its header, and a few are decoded to prove the codec is readable."""
    try:
        with av.open(io.BytesIO(data), mode="r", format=CONTAINERS[container][0]) as media:
            stream = _audio_stream(media)
            codec = stream.codec_context.name
            start: Fraction | None = None
            end = Fraction(0)
            decoded = 0
            for packet in media.demux(stream):
                if packet.pts is None or packet.time_base is None:
                    continue
                base = packet.time_base
                start = packet.pts * base if start is None else min(start, packet.pts * base)
                end = max(end, (packet.pts + (packet.duration or 0)) * base)
                if decoded < 5:  # proves the codec works without paying for a full decode
                    packet.decode()
                    decoded += 1
            if decoded == 0:
                raise AudioError(422, "the file contains no audio")
            duration = float(end - (start or 0))
            if duration <= 0 and media.duration:
                duration = media.duration / av.time_base
            return codec, duration
    except av.FFmpegError as exc:
        raise AudioError(422, "the audio could not be decoded: the file is damaged or truncated") from exc


def _audio_stream(media: av.container.InputContainer) -> av.AudioStream:
    if not media.streams.audio:
        raise AudioError(422, "the file contains no audio")
    return media.streams.audio[0]


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"
