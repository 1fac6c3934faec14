"""Voice questions end to end: espeak-ng speaks each question of ``bench/speech_synth.py``, Whisper
transcribes it, Dalil answers the transcript. Prints, per decoding configuration and language: word
accuracy of the transcript, the share in the right script, the retrieval hit rate (the expected
procedure among the answer's sources) and the real-time factor.

Run: .venv/bin/python -m bench.voice_eval [--config NAME:key=value,...] [--voices] [--hint] [--show]
Each ``--config`` overrides Settings fields (whisper_beam_size, whisper_vad_filter,
whisper_initial_prompt, whisper_compute_type…); without one, the defaults and a few alternatives run.
"""

from __future__ import annotations

import argparse
import difflib
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.speech_synth import QUESTIONS, VOICES, encode, have_tools, speak
from bot.config import ROOT, Settings

ARABIC = re.compile(r"[\u0600-\u06FF]")
CONFIGS = {
    "default": {},
    "beam5": {"whisper_beam_size": 5},
    "no-prompt": {"whisper_initial_prompt": ""},
    "beam5-no-prompt": {"whisper_beam_size": 5, "whisper_initial_prompt": ""},
    "no-vad": {"whisper_vad_filter": False},
}
# espeak-ng variants tried for the French voice (--voices): (voice, words per minute, word gap).
FRENCH_VOICES = [("fr", 175, 0), ("fr", 150, 6), ("fr+f2", 160, 0), ("fr+f5", 150, 6), ("fr+m1", 150, 0)]


@dataclass
class Score:
    words: list[float] = field(default_factory=list)
    script_ok: int = 0
    hits: int = 0
    seconds: float = 0.0
    audio: float = 0.0

    def line(self, name: str) -> str:
        n = len(self.words)
        return (
            f"{name:<22}{n:>4}{sum(self.words) / n:>9.2f}{self.script_ok / n:>9.0%}"
            f"{self.hits / n:>8.0%}{self.seconds / self.audio:>7.2f}"
        )


def word_accuracy(reference: str, hypothesis: str) -> float:
    words = lambda t: re.sub(r"[^\w' ]+", " ", t.lower()).split()  # noqa: E731
    return difflib.SequenceMatcher(None, words(reference), words(hypothesis)).ratio()


def settings_for(data_dir: Path, overrides: dict[str, object]) -> Settings:
    return Settings(
        data_dir=data_dir,
        embedding_cache_dir=ROOT / "var" / "embedding-cache",
        model_dir=ROOT / "var" / "models",
        **overrides,  # type: ignore[arg-type]
    )


def synthesise(folder: Path, voice: tuple[str, int, int] | None) -> list[tuple[str, str, str, bytes]]:
    clips = []
    for i, (lang, expected, question) in enumerate(QUESTIONS):
        wav = speak(question, lang, folder / f"q{i:02d}.wav", voice if lang == "fr" else None)
        clips.append((lang, expected, question, encode(wav, "ogg").read_bytes()))
    return clips


def evaluate(dalil, transcriber, clips, hint: bool, show: bool) -> dict[str, Score]:  # type: ignore[no-untyped-def]
    scores: dict[str, Score] = {}
    for lang, expected, question, audio in clips:
        started = time.perf_counter()
        transcript = transcriber.transcribe(audio, "audio/ogg", lang if hint else None)
        elapsed = time.perf_counter() - started
        answer = dalil.answer(transcript.text, None, None, "bench") if transcript.text else None
        hit = answer is not None and expected in [s.id for s in answer.sources]
        score = scores.setdefault(lang, Score())
        score.words.append(word_accuracy(question, transcript.text))
        score.script_ok += bool(transcript.text) and bool(ARABIC.search(transcript.text)) == (lang == "ar")
        score.hits += hit
        score.seconds += elapsed
        score.audio += transcript.duration_s
        if show:
            print(f"  {'HIT ' if hit else 'miss'} {lang} {question} => {transcript.text}")
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", action="append", default=[], help="NAME:key=value,key=value")
    parser.add_argument("--voices", action="store_true", help="compare espeak-ng French voices instead")
    parser.add_argument("--hint", action="store_true", help="pass the question's language as the hint")
    parser.add_argument("--show", action="store_true", help="print every transcript")
    args = parser.parse_args()
    if not have_tools():
        raise SystemExit("needs espeak-ng and ffmpeg (make system-deps)")

    from bot.adapters.stt import FasterWhisperTranscriber
    from bot.assistant import Dalil
    from ingest.index import run_index

    configs = {c.split(":", 1)[0]: _parse(c.split(":", 1)[1]) for c in args.config if ":" in c} or CONFIGS
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        run_index(settings_for(folder, {}), progress=False)
        dalil = Dalil.create(settings_for(folder, {}))
        print(f"{'config':<22}{'n':>4}{'words':>9}{'script':>9}{'hit':>8}{'RTF':>7}")
        if args.voices:
            transcriber = FasterWhisperTranscriber(settings_for(folder, {}))
            for voice in FRENCH_VOICES:
                clips = [c for c in synthesise(folder, voice) if c[0] == "fr"]
                scores = evaluate(dalil, transcriber, clips, args.hint, args.show)
                print(scores["fr"].line(f"{voice[0]} s{voice[1]} g{voice[2]}"))
            return
        clips = synthesise(folder, VOICES["fr"])
        for name, overrides in configs.items():
            transcriber = FasterWhisperTranscriber(settings_for(folder, overrides))
            for lang, score in evaluate(dalil, transcriber, clips, args.hint, args.show).items():
                print(score.line(f"{name} [{lang}]"))


def _parse(spec: str) -> dict[str, object]:
    return {k.strip(): v.strip() for k, v in (item.split("=", 1) for item in spec.split(",") if item)}


if __name__ == "__main__":
    main()
