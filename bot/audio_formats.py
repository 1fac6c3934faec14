"""The audio files Dalil accepts, recognised by their first bytes: never by the file name or the type
the client declared. Shared by the voice checks and the speech adapters."""

from __future__ import annotations

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
UNDECODABLE = "the audio could not be decoded: the file is damaged or truncated"


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
