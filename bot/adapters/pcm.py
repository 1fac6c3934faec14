"""PyAV: any accepted audio file as 16 kHz mono float32 samples, what Whisper reads."""

from __future__ import annotations

import io

import av
import numpy as np

from bot.audio_formats import ACCEPTED, CONTAINERS, UNDECODABLE, sniff
from bot.errors import AudioError

SAMPLE_RATE = 16_000  # what Whisper's feature extractor expects
# Digital silence and a phone's noise floor sit far below this peak (-50 dBFS): no model is needed
# to know that nobody spoke.
SILENCE_PEAK = 10 ** (-50 / 20)


def decode_pcm(data: bytes, max_seconds: float, container: str | None = None) -> np.ndarray:
    """The audio as 16 kHz mono float32 in [-1, 1]. Decoding stops (AudioError "too_long") past
    ``max_seconds`` even if the container's header claimed less, so a lying file costs no memory."""
    container = container or sniff(data)
    if container is None:
        raise AudioError("unsupported", f"unsupported audio format: send {ACCEPTED}")
    limit = int((max_seconds + 1) * SAMPLE_RATE)
    resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
    chunks: list[np.ndarray] = []
    total = 0
    try:
        # Tags are the uploader's bytes: undecodable ones are replaced, never a UnicodeDecodeError.
        with av.open(io.BytesIO(data), "r", CONTAINERS[container][0], metadata_errors="replace") as media:
            stream = _audio_stream(media)
            for frame in media.decode(stream):
                for out in [*resampler.resample(frame)]:
                    chunk = out.to_ndarray().reshape(-1)
                    chunks.append(chunk)
                    total += chunk.size
                if total > limit:
                    raise AudioError("too_long", f"the recording lasts more than {max_seconds:.0f} s")
            for out in resampler.resample(None):  # flush what the resampler still holds
                chunks.append(out.to_ndarray().reshape(-1))
    except av.FFmpegError as exc:
        raise AudioError("undecodable", UNDECODABLE) from exc
    if not chunks:
        raise AudioError("no_audio", "the file contains no audio")
    return np.concatenate(chunks).astype(np.float32, copy=False)


def is_silent(pcm: np.ndarray) -> bool:
    return pcm.size == 0 or float(np.max(np.abs(pcm))) < SILENCE_PEAK


def _audio_stream(media: av.container.InputContainer) -> av.AudioStream:
    if not media.streams.audio:
        raise AudioError("no_audio", "the file contains no audio")
    stream = media.streams.audio[0]
    if stream.codec_context is None:  # a codec id or format tag FFmpeg does not know
        raise AudioError("undecodable", UNDECODABLE)
    return stream
