"""Synthesised voice questions for the speech benchmarks: espeak-ng speaks, ffmpeg encodes.

The questions are written for these benchmarks (never taken from ``shared/eval``). espeak-ng is far
from a human voice, and its Arabic is very hard for Whisper base: Arabic clips measure the pipeline
(script, speed), French ones also measure recognition.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

# (language, expected procedure, question)
QUESTIONS: list[tuple[str, str, str]] = [
    ("fr", "passport-renewal", "Comment renouveler mon passeport ?"),
    ("fr", "birth-certificate", "Je voudrais obtenir un extrait d'acte de naissance."),
    ("fr", "cnie-renewal", "Quels documents faut-il pour renouveler la carte nationale d'identité ?"),
    ("fr", "criminal-record", "Comment obtenir un extrait du casier judiciaire ?"),
    ("fr", "driving-license-duplicate", "J'ai perdu mon permis de conduire, comment avoir un duplicata ?"),
    ("fr", "company-creation", "Comment créer une entreprise au Maroc ?"),
    ("fr", "residence-certificate", "Comment demander un certificat de résidence ?"),
    ("fr", "vehicle-ownership-transfer", "Comment faire la mutation d'une voiture achetée d'occasion ?"),
    ("fr", "birth-declaration", "Comment déclarer la naissance de mon enfant ?"),
    ("fr", "vehicle-tax", "Comment payer la vignette automobile ?"),
    ("fr", "electoral-registration", "Comment s'inscrire sur les listes électorales ?"),
    ("fr", "signature-legalization", "Comment légaliser une signature ?"),
    ("fr", "auto-entrepreneur", "Comment devenir auto-entrepreneur ?"),
    ("fr", "life-certificate", "Comment obtenir un certificat de vie pour ma pension de retraite ?"),
    ("fr", "passport-lost", "J'ai perdu mon passeport, que dois-je faire ?"),
    ("fr", "marriage", "Quels sont les papiers pour un mariage ?"),
    ("fr", "building-permit", "Comment obtenir un permis de construire ?"),
    ("fr", "income-tax-declaration", "Comment faire la déclaration de l'impôt sur le revenu ?"),
    ("fr", "job-seeker-registration", "Je cherche un emploi, comment m'inscrire à l'ANAPEC ?"),
    ("fr", "amo-health-insurance", "Comment bénéficier de l'assurance maladie obligatoire ?"),
    ("ar", "passport-renewal", "كيف أجدد جواز السفر؟"),
    ("ar", "birth-certificate", "كيف أحصل على عقد الازدياد؟"),
    ("ar", "criminal-record", "كيف أطلب بطاقة السوابق العدلية؟"),
    ("ar", "cnie-renewal", "ما هي الوثائق اللازمة لتجديد البطاقة الوطنية؟"),
    ("ar", "driving-license-renewal", "كيف أجدد رخصة السياقة؟"),
    ("ar", "residence-certificate", "كيف أحصل على شهادة السكنى؟"),
]

# The espeak-ng voice Whisper base understands best among those tried (bench/voice_eval.py --voices).
VOICES = {"fr": ("fr+f5", 150, 6), "ar": ("ar", 150, 6)}  # (voice, words per minute, gap between words)
# ffmpeg arguments per format: what WhatsApp, browsers and phones send.
ENCODERS = {
    "wav": ["-c:a", "pcm_s16le"],
    "ogg": ["-ar", "48000", "-c:a", "libopus", "-b:a", "24k"],
    "webm": ["-ar", "48000", "-c:a", "libopus", "-b:a", "32k"],
    "mp3": ["-c:a", "libmp3lame", "-b:a", "64k"],
    "m4a": ["-c:a", "aac", "-b:a", "64k"],
}


def have_tools() -> bool:
    return bool(shutil.which("espeak-ng") and shutil.which("ffmpeg"))


def speak(text: str, lang: str, out: Path, voice: tuple[str, int, int] | None = None) -> Path:
    """``text`` spoken by espeak-ng into a WAV file."""
    name, wpm, gap = voice or VOICES[lang]
    subprocess.run(
        ["espeak-ng", "-v", name, "-s", str(wpm), "-g", str(gap), "-w", str(out), text],
        check=True,
        capture_output=True,
    )
    return out


def encode(wav: Path, fmt: str, out: Path | None = None) -> Path:
    out = out or wav.with_suffix(f".{fmt}")
    ffmpeg(["-i", str(wav), *ENCODERS[fmt], str(out)])
    return out


def ffmpeg(args: list[str]) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", *args], check=True, capture_output=True)


def clip_of(seconds: float, lang: str, folder: Path, fmt: str = "ogg") -> Path:
    """A clip of exactly ``seconds``: questions spoken one after the other, cut to length."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [q for lang_, _, q in QUESTIONS if lang_ == lang]
    parts: list[Path] = []
    total = 0.0
    while total < seconds:
        wav = speak(texts[len(parts) % len(texts)], lang, folder / f"part-{lang}-{len(parts)}.wav")
        parts.append(wav)
        total += (wav.stat().st_size - 44) / (22050 * 2)  # espeak-ng: 22.05 kHz, 16-bit mono
    listing = folder / f"parts-{lang}.txt"
    listing.write_text("".join(f"file '{p.name}'\n" for p in parts))
    out = folder / f"clip-{lang}-{seconds:g}s.{fmt}"
    ffmpeg(["-f", "concat", "-safe", "0", "-i", str(listing), "-t", f"{seconds}", *ENCODERS[fmt], str(out)])
    return out
