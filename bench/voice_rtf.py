"""Speed and memory of speech recognition on this machine: real-time factor (processing time / audio
duration) for 5 s, 15 s and 60 s voice notes, and the peak memory of the process, per configuration;
with ``--latency``, the time from a 10 s note to its answer (p50/p95); with ``--burst``, typed
questions' answer time alone and while a burst of voice notes is being transcribed.

Run: .venv/bin/python -m bench.voice_rtf [--repeat 3] [--lang fr] [--config NAME:key=value,...]
                                         [--latency N] [--burst N]

Each configuration runs in its own process (so its peak RSS is its own): it loads the model, warms
up on one note, then transcribes each clip ``--repeat`` times and keeps the median. The clips are
espeak-ng questions one after the other, as OGG/Opus (a WhatsApp voice note), without a language
hint (the web default). Without ``--config``, the defaults and the alternatives below run.
Latency is measured when the machine is otherwise quiet: the load average is printed with it.
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
    "greedy": {"whisper_beam_size": 1},
    "fallback": {"whisper_fallback": True},
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


def latency(notes: list[Path], typed: list[str], burst: int) -> dict[str, object]:
    """In the worker process: a whole Dalil; each 10 s note from upload to answer, then typed answers
    alone and during a burst of ``burst`` voice notes at once (the gate queues them on its workers)."""
    import threading

    from bench.voice_eval import settings_for
    from bot.app import build
    from bot.errors import AudioError
    from ingest.index import run_index

    with tempfile.TemporaryDirectory() as tmp:
        run_index(settings_for(Path(tmp), {}), progress=False)
        # No answer cache: the typed questions are asked twice (alone, then during the burst).
        dalil = build(settings_for(Path(tmp), {"answer_cache_size": 0}))
        dalil.warm_up()
        dalil.transcribe(notes[0].read_bytes(), "audio/ogg", None)  # loads Whisper
        note_s = []
        for note in notes:
            started = time.perf_counter()
            dalil.answer_heard(dalil.transcribe(note.read_bytes(), "audio/ogg", None), None, None, "bench")
            note_s.append(time.perf_counter() - started)
        alone = _typed_ms(dalil, typed)
        stop = threading.Event()
        done: list[int] = []

        def speaker(i: int) -> None:
            while not stop.is_set():
                try:
                    dalil.transcribe(notes[i % len(notes)].read_bytes(), "audio/ogg", None)
                except AudioError:  # busy: the gate's queue timed out; the note is sent again
                    continue
                done.append(i)

        speakers = [threading.Thread(target=speaker, args=(i,)) for i in range(burst)]
        for thread in speakers:
            thread.start()
        time.sleep(1.0)  # the burst is under way
        during = _typed_ms(dalil, typed)
        stop.set()
        for thread in speakers:
            thread.join()
    return {"note_s": note_s, "typed_alone_ms": alone, "typed_burst_ms": during, "burst_notes": len(done)}


def _typed_ms(dalil, questions: list[str]) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for i, question in enumerate(questions):
        started = time.perf_counter()
        dalil.answer(question, f"typed-{i}-{time.monotonic_ns()}", None, "bench")
        times.append((time.perf_counter() - started) * 1000)
    return times


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def run_latency(notes: list[Path], burst: int) -> None:
    from bench.speech_synth import load_questions

    typed = [q.text for q in load_questions("tune")]
    command = [sys.executable, "-m", "bench.voice_rtf", "--latency-worker", json.dumps([str(n) for n in notes])]
    done = subprocess.run([*command, "--burst", str(burst), *map(str, typed)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"latency failed:\n{done.stderr[-2000:]}")
    r = json.loads(done.stdout.strip().splitlines()[-1])
    notes_s, alone, during = r["note_s"], r["typed_alone_ms"], r["typed_burst_ms"]
    p50, p95 = _pct(notes_s, 0.5), _pct(notes_s, 0.95)
    print(f"10 s note to answer ({len(notes_s)} notes): p50 {p50:.2f} s, p95 {p95:.2f} s")
    print(
        f"typed answers ({len(alone)}): alone p50/p95 {_pct(alone, 0.5):.0f}/{_pct(alone, 0.95):.0f} ms; "
        f"during a burst of {burst} voice notes ({r['burst_notes']} transcribed meanwhile) "
        f"{_pct(during, 0.5):.0f}/{_pct(during, 0.95):.0f} ms"
    )


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
    parser.add_argument("--latency", type=int, default=0, help="time N 10 s notes from upload to answer")
    parser.add_argument("--burst", type=int, default=4, help="voice notes at once while typed questions are timed")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--latency-worker", help=argparse.SUPPRESS)
    parser.add_argument("clips", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        print(json.dumps(measure(json.loads(args.worker), [Path(c) for c in args.clips], args.repeat)))
        return
    if args.latency_worker is not None:
        notes = [Path(n) for n in json.loads(args.latency_worker)]
        print(json.dumps(latency(notes, args.clips, args.burst)))
        return
    if not have_tools():
        raise SystemExit("needs espeak-ng and ffmpeg (make system-deps)")
    configs = {c.split(":", 1)[0]: _parse(c.split(":", 1)[1]) for c in args.config if ":" in c} or CONFIGS

    with tempfile.TemporaryDirectory() as tmp:
        if args.latency:
            notes = [clip_of(10.0, args.lang, Path(tmp) / str(i), start=3 * i) for i in range(args.latency)]
            print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; defaults")
            run_latency(notes, args.burst)
            print(f"load average at the end {os.getloadavg()[0]:.1f}")
            return
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
