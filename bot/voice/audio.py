"""What a voice note is before anyone listens to it: its real container, its codec and its duration,
found without a speech model. Every refusal is an :class:`AudioError` with a code."""

from __future__ import annotations

import io
import time
from dataclasses import dataclass
from fractions import Fraction

import av

from bot.audio_formats import ACCEPTED, CONTAINERS, UNDECODABLE, sniff
from bot.config import Settings
from bot.errors import AudioError

# Packets a legitimate recording may hold per second of audio (Opus goes down to 2.5 ms frames): a file
# of far more, tiny packets is a demuxing bomb, refused before it is read to its end.
PACKETS_PER_SECOND = 400
# Wall-clock bound on inspecting one file; real notes take milliseconds.
PROBE_BUDGET_S = 3.0


@dataclass(frozen=True)
class AudioInfo:
    container: str  # a key of CONTAINERS
    mime_type: str  # canonical type for the container (not what the client declared)
    codec: str  # e.g. "opus", "mp3", "aac", "pcm_s16le"
    duration_s: float
    size: int
    declared_mime: str | None = None


def inspect_audio(data: bytes, declared_mime: str | None, settings: Settings) -> AudioInfo:
    """Validate an upload cheaply (no speech model): size, real container, decodability, duration.

    Raises AudioError: empty, too_large (over ``max_audio_bytes``), unsupported (not an accepted
    container), undecodable, no_audio, or too_long (over ``max_audio_seconds``).
    """
    if not data:
        raise AudioError("empty", "the audio file is empty")
    if len(data) > settings.max_audio_bytes:
        limit = _mb(settings.max_audio_bytes)
        raise AudioError("too_large", f"the audio file is {_mb(len(data))}; the limit is {limit}")
    container = sniff(data)
    if container is None:
        raise AudioError("unsupported", f"unsupported audio format: send {ACCEPTED}")
    codec, duration = _probe(data, container, settings.max_audio_seconds)
    if duration > settings.max_audio_seconds:
        raise AudioError(
            "too_long", f"the recording lasts {duration:.0f} s; the limit is {settings.max_audio_seconds:.0f} s"
        )
    return AudioInfo(container, CONTAINERS[container][1], codec, duration, len(data), declared_mime)


def _probe(data: bytes, container: str, max_seconds: float) -> tuple[str, float]:
    """(codec, duration in seconds): packets are demuxed (cheap, no decoding) because browser WebM
    carries no duration in its header, and a few are decoded to prove the codec is readable. Reading
    stops as soon as the running duration passes ``max_seconds`` (too_long), past a packet count no
    recording of that length needs, or past a time budget (undecodable): a file cannot hold a worker."""
    max_packets = int(max_seconds * PACKETS_PER_SECOND) + 1000
    deadline = time.monotonic() + PROBE_BUDGET_S
    try:
        # Tags are the uploader's bytes: undecodable ones are replaced, never a UnicodeDecodeError.
        with av.open(io.BytesIO(data), "r", CONTAINERS[container][0], metadata_errors="replace") as media:
            stream = _audio_stream(media)
            codec = stream.codec_context.name
            start: Fraction | None = None
            end = Fraction(0)
            decoded = 0
            for count, packet in enumerate(media.demux(stream), 1):
                if count > max_packets:
                    raise AudioError("too_long", f"the recording has too many packets for {max_seconds:.0f} s of audio")
                if count % 256 == 0 and time.monotonic() > deadline:
                    raise AudioError("undecodable", UNDECODABLE)
                if packet.pts is None or packet.time_base is None:
                    continue
                base = packet.time_base
                start = packet.pts * base if start is None else min(start, packet.pts * base)
                end = max(end, (packet.pts + (packet.duration or 0)) * base)
                if end - start > max_seconds:
                    raise AudioError("too_long", f"the recording is longer than the {max_seconds:.0f} s limit")
                if decoded < 5:  # proves the codec works without paying for a full decode
                    packet.decode()
                    decoded += 1
            if decoded == 0:
                raise AudioError("no_audio", "the file contains no audio")
            duration = float(end - (start or 0))
            if duration <= 0 and media.duration:
                duration = media.duration / av.time_base
            return codec, duration
    except av.FFmpegError as exc:
        raise AudioError("undecodable", UNDECODABLE) from exc


def _audio_stream(media: av.container.InputContainer) -> av.AudioStream:
    if not media.streams.audio:
        raise AudioError("no_audio", "the file contains no audio")
    stream = media.streams.audio[0]
    if stream.codec_context is None:  # a codec id or format tag FFmpeg does not know
        raise AudioError("undecodable", UNDECODABLE)
    return stream


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"
