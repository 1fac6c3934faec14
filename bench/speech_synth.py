"""Synthesised voice questions for the speech benchmarks: espeak-ng speaks, ffmpeg degrades and encodes.

The questions are ``bench/data/voice_questions.jsonl`` (written to be spoken, never taken from
``shared/eval``; tune on ``split: tune``, report ``split: test``). espeak-ng is far from a human
voice, and its Arabic is very hard for Whisper base: Arabic clips measure the pipeline (script,
speed, confirmation), French ones also measure recognition.

Each question is spoken in several *renditions* — an espeak-ng voice and speed, then what the line
does to it (a clean WhatsApp note, a telephone band, background noise) — so that no setting is
chosen for one voice. Clips are cached under ``var/voice-clips`` by their content.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bot.config import ROOT

QUESTIONS_FILE = ROOT / "bench" / "data" / "voice_questions.jsonl"
CLIP_CACHE = ROOT / "var" / "voice-clips"
CLIP_VERSION = 1  # bump when a rendition's recipe changes: cached clips are keyed by it


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    lang: str  # fr, ar (MSA), darija (Arabic script)
    expected_id: str
    split: str  # tune | test


@dataclass(frozen=True)
class Rendition:
    """How a question is heard: an espeak-ng voice and pace, then the line (``LINES``)."""

    name: str
    voice: str
    wpm: int
    gap: int  # pause between words, in 10 ms units
    line: str


# The line a voice note travels on, as ffmpeg filters before the Opus encoder. "clean" is a phone's
# microphone in a quiet room; "phone" keeps the telephone band (300-3,400 Hz, 8 kHz) as a poor
# network or a cheap microphone does; "noisy" adds street-like pink noise about 15 dB under the voice.
LINES = {
    "clean": [],
    "phone": ["-af", "highpass=f=300,lowpass=f=3400,aresample=8000,aresample=16000"],
    "noisy": [
        "-filter_complex",
        "anoisesrc=color=pink:amplitude=0.08:sample_rate=22050:seed=7[n];"
        "[0:a][n]amix=inputs=2:duration=first:normalize=0,highpass=f=120",
    ],
}
RENDITIONS: dict[str, tuple[Rendition, ...]] = {
    "fr": (
        Rendition("f5-150-clean", "fr+f5", 150, 6, "clean"),
        Rendition("m3-175-phone", "fr+m3", 175, 0, "phone"),
        Rendition("f2-140-noisy", "fr+f2", 140, 3, "noisy"),
    ),
    "ar": (
        Rendition("ar-150-clean", "ar", 150, 6, "clean"),
        Rendition("ar-170-phone", "ar", 170, 0, "phone"),
        Rendition("ar-140-noisy", "ar", 140, 3, "noisy"),
    ),
}
# ffmpeg arguments per format: what WhatsApp, browsers and phones send.
ENCODERS = {
    "wav": ["-c:a", "pcm_s16le"],
    "ogg": ["-ar", "48000", "-ac", "1", "-c:a", "libopus", "-b:a", "24k"],
    "webm": ["-ar", "48000", "-ac", "1", "-c:a", "libopus", "-b:a", "32k"],
    "mp3": ["-c:a", "libmp3lame", "-b:a", "64k"],
    "m4a": ["-c:a", "aac", "-b:a", "64k"],
}


def have_tools() -> bool:
    return bool(shutil.which("espeak-ng") and shutil.which("ffmpeg"))


def load_questions(split: str | None = None, langs: tuple[str, ...] = ()) -> list[Question]:
    """The spoken question set, optionally one split and some languages."""
    rows = [json.loads(line) for line in QUESTIONS_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    questions = [Question(r["id"], r["text"], r["lang"], r["expected_id"], r["split"]) for r in rows]
    return [q for q in questions if (split in (None, "all", q.split)) and (not langs or q.lang in langs)]


def renditions_for(lang: str) -> tuple[Rendition, ...]:
    return RENDITIONS["fr" if lang == "fr" else "ar"]


def speak(text: str, out: Path, voice: str, wpm: int = 150, gap: int = 6) -> Path:
    """``text`` spoken by espeak-ng into a WAV file (22.05 kHz mono)."""
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(wpm), "-g", str(gap), "-w", str(out), text],
        check=True,
        capture_output=True,
    )
    return out


def render(text: str, rendition: Rendition, fmt: str = "ogg", cache: Path = CLIP_CACHE) -> Path:
    """The question as a voice note of this rendition (cached by text, recipe and format)."""
    key = json.dumps([CLIP_VERSION, text, rendition.voice, rendition.wpm, rendition.gap, rendition.line, fmt])
    out = cache / f"{hashlib.sha256(key.encode()).hexdigest()[:20]}.{fmt}"
    if out.is_file():
        return out
    cache.mkdir(parents=True, exist_ok=True)
    wav = speak(text, out.with_suffix(".src.wav"), rendition.voice, rendition.wpm, rendition.gap)
    partial = out.with_suffix(f".part.{fmt}")
    ffmpeg(["-i", str(wav), *LINES[rendition.line], *ENCODERS[fmt], str(partial)])
    partial.replace(out)  # a run killed half-way never leaves half a clip in the cache
    wav.unlink()
    return out


def encode(wav: Path, fmt: str, out: Path | None = None) -> Path:
    out = out or wav.with_suffix(f".{fmt}")
    ffmpeg(["-i", str(wav), *ENCODERS[fmt], str(out)])
    return out


def ffmpeg(args: list[str]) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", *args], check=True, capture_output=True)


def clip_of(seconds: float, lang: str, folder: Path, fmt: str = "ogg", start: int = 0) -> Path:
    """A clip of exactly ``seconds``: tune-split questions spoken one after the other from the
    ``start``-th (the first rendition's voice), cut to length."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [q.text for q in load_questions("tune", ("fr",) if lang == "fr" else ("ar", "darija"))]
    texts = texts[start % len(texts) :] + texts[: start % len(texts)]
    voice = renditions_for(lang)[0]
    parts: list[Path] = []
    total = 0.0
    while total < seconds:
        wav = speak(texts[len(parts) % len(texts)], folder / f"part-{lang}-{len(parts)}.wav", voice.voice, voice.wpm)
        parts.append(wav)
        total += (wav.stat().st_size - 44) / (22050 * 2)  # espeak-ng: 22.05 kHz, 16-bit mono
    listing = folder / f"parts-{lang}.txt"
    listing.write_text("".join(f"file '{p.name}'\n" for p in parts))
    out = folder / f"clip-{lang}-{seconds:g}s-{start}.{fmt}"
    ffmpeg(["-f", "concat", "-safe", "0", "-i", str(listing), "-t", f"{seconds}", *ENCODERS[fmt], str(out)])
    return out
