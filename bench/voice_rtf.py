"""Speed and memory of speech recognition on this machine: real-time factor (processing time / audio
duration) for 5 s, 15 s and 60 s voice notes, and the peak memory of the process, per configuration.

Run: .venv/bin/python -m bench.voice_rtf [--repeat 3] [--lang fr] [--config NAME:key=value,...]

Each configuration runs in its own process (so its peak RSS is its own): it loads the model, warms
up on one note, then transcribes each clip ``--repeat`` times and keeps the median. The clips are
espeak-ng questions one after the other, as OGG/Opus (a WhatsApp voice note), without a language
hint (the web default). Without ``--config``, the defaults and the alternatives below run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.speech_synth import clip_of, have_tools

DURATIONS = (5.0, 15.0, 60.0)
CONFIGS: dict[str, dict[str, object]] = {
    "default": {},
    "beam5": {"whisper_beam_size": 5},
    "no-vad": {"whisper_vad_filter": False},
    "float32": {"whisper_compute_type": "float32"},
    "full-30s-window": {"whisper_min_window_s": 30},
}


def measure(overrides: dict[str, object], clips: list[Path], repeat: int) -> dict[str, object]:
    """In the worker process: load, warm up, time every clip."""
    from bot.adapters.stt import FasterWhisperTranscriber
    from bot.config import ROOT, Settings

    settings = Settings(model_dir=ROOT / "var" / "models", **overrides)  # type: ignore[arg-type]
    started = time.perf_counter()
    transcriber = FasterWhisperTranscriber(settings)
    transcriber.warm_up()
    load_s = time.perf_counter() - started
    transcriber.transcribe(clips[0].read_bytes(), "audio/ogg")  # warm-up: first-call allocations
    rows = []
    for clip in clips:
        audio = clip.read_bytes()
        times, transcript = [], None
        for _ in range(repeat):
            t0 = time.perf_counter()
            transcript = transcriber.transcribe(audio, "audio/ogg")
            times.append(time.perf_counter() - t0)
        assert transcript is not None
        seconds = statistics.median(times)
        rows.append({"audio_s": transcript.duration_s, "s": seconds, "rtf": seconds / transcript.duration_s})
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes
    return {"load_s": load_s, "rows": rows, "peak_mb": peak_mb}


def run_config(name: str, overrides: dict[str, object], clips: list[Path], repeat: int) -> dict[str, object]:
    command = [sys.executable, "-m", "bench.voice_rtf", "--worker", json.dumps(overrides), "--repeat", str(repeat)]
    done = subprocess.run([*command, *map(str, clips)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{name} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--lang", default="fr", choices=["fr", "ar"])
    parser.add_argument("--config", action="append", default=[], help="NAME:key=value,key=value")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("clips", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        print(json.dumps(measure(json.loads(args.worker), args.clips, args.repeat)))
        return
    if not have_tools():
        raise SystemExit("needs espeak-ng and ffmpeg (make system-deps)")
    configs = {c.split(":", 1)[0]: _parse(c.split(":", 1)[1]) for c in args.config if ":" in c} or CONFIGS

    with tempfile.TemporaryDirectory() as tmp:
        clips = [clip_of(seconds, args.lang, Path(tmp)) for seconds in DURATIONS]
        load = os.getloadavg()[0]
        print(f"{os.cpu_count()} cores, load average {load:.1f}; {args.lang} OGG/Opus clips, median of {args.repeat}")
        header = "".join(f"{f'RTF {s:g}s':>10}" for s in DURATIONS)
        print(f"{'config':<18}{header}{'load s':>9}{'peak RSS':>10}")
        for name, overrides in configs.items():
            result = run_config(name, overrides, clips, args.repeat)
            cells = "".join(f"{row['rtf']:>10.3f}" for row in result["rows"])  # type: ignore[index]
            print(f"{name:<18}{cells}{result['load_s']:>9.1f}{result['peak_mb']:>7.0f} MB", flush=True)
        print(f"load average at the end {os.getloadavg()[0]:.1f}")


def _parse(spec: str) -> dict[str, object]:
    return {k.strip(): v.strip() for k, v in (item.split("=", 1) for item in spec.split(",") if item)}


if __name__ == "__main__":
    main()
