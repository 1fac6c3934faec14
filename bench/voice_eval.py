"""Spoken questions end to end, as /api/voice serves them: espeak-ng speaks each question of
``bench/data/voice_questions.jsonl`` in several renditions (voices, speeds, a clean line, a telephone
band, street noise; ``bench/speech_synth.py``), the OGG/Opus note goes through Dalil's voice gate
(checks, bounded workers, Whisper) and ``Dalil.answer_heard`` (answer or "did I hear you right?").

Per configuration and language it prints:
- ``hit@3``: the expected procedure among the first three of the answer to the transcript (cited
  sources first, then the retrieval ranking; as ``dalil eval``), confirmed or not;
- ``typed``: the same on the reference text, and ``names``: how often the transcript keeps the words
  that name the procedure (a reader would still recognise the question), which separate espeak's
  voice and the recogniser from retrieval;
- ``words``: word accuracy of the transcript; ``confirm``: how often the citizen is asked; ``wrong``:
  procedure answers sent without confirmation that miss the expected procedure (the number to keep at
  zero); ``abst``: "not mine"/"not found" sent without confirmation; ``p95 s`` and ``RTF`` (note to
  answer, the model loaded); the peak RSS of the process.

Run: .venv/bin/python -m bench.voice_eval [--split tune|test|all] [--lang fr,ar,darija]
         [--config NAME:key=value,...] [--hint none|lang|session] [--show] [--calibrate]
(``--config NAME:`` alone runs the configuration of that name in CONFIGS, e.g. ``before:``; the
key ``prompt=fixed`` primes with the hand-written list instead of the knowledge base's names)
Each configuration runs in its own process (its peak memory is its own); results per clip are kept
in ``var/voice-eval/<config>-<split>.jsonl`` for ``--calibrate``, which chooses the confirmation
thresholds on the tune split (``--split tune`` only: never calibrate on test).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path

from bench.speech_synth import have_tools, load_questions, render, renditions_for
from bench.voice_calibrate import wrong_sent
from bot.config import ROOT, Settings

RESULTS = ROOT / "var" / "voice-eval"
CONFIGS: dict[str, dict[str, object]] = {
    "default": {},
    "greedy": {"whisper_beam_size": 1},
    "no-prompt": {"whisper_initial_prompt": ""},
    "no-vad": {"whisper_vad_filter": False},
    # Before issue 19: greedy, Whisper's temperature fallback, the hand-written prompt.
    "before": {"whisper_beam_size": 1, "whisper_fallback": True, "prompt": "fixed"},
}
LANG_HINT = {"fr": "fr", "ar": "ar", "darija": "darija"}


def settings_for(data_dir: Path, overrides: dict[str, object]) -> Settings:
    return Settings(
        data_dir=data_dir,
        embedding_cache_dir=ROOT / "var" / "embedding-cache",
        model_dir=ROOT / "var" / "models",
        **overrides,  # type: ignore[arg-type]
    )


def word_accuracy(reference: str, hypothesis: str) -> float:
    words = lambda t: re.sub(r"[^\w' ]+", " ", t.lower()).split()  # noqa: E731
    return difflib.SequenceMatcher(None, words(reference), words(hypothesis)).ratio()


def names_kept(reference: str, transcript: str, names: list[str]) -> bool:
    """Whether a reader of the transcript would still see which procedure was asked: at least half of
    the reference's words that name the procedure (its titles and aliases, as the BM25 analyser reads
    them) are in the transcript; without such words, half of its content words."""
    from bot.understand.analysis import analyze

    said = set(analyze(reference))
    naming = said & {token for name in names for token in analyze(name)} or said
    heard = set(analyze(transcript))
    return bool(naming) and len(naming & heard) * 2 >= len(naming)


# --- one configuration, in its own process -----------------------------------------------------


def run_worker(overrides: dict[str, object], manifest: list[dict], data_dir: Path, hint: str) -> dict:
    from bot.app import build
    from bot.errors import AudioError
    from bot.evaluate import ranked_ids
    from bot.search.documents import names_of
    from bot.types import Transcript

    if overrides.pop("prompt", None) == "fixed":  # the hand-written list (before issue 19), not the KB's names
        import bot.app

        bot.app.vocabulary = lambda procedures: {}  # type: ignore[assignment]
    dalil = build(settings_for(data_dir, overrides))
    dalil.warm_up()
    first = Path(manifest[0]["path"]).read_bytes()
    dalil.transcribe(first, "audio/ogg", None)  # loads Whisper: not part of any note's time
    typed: dict[str, list[str]] = {}
    rows = []
    for i, clip in enumerate(manifest):
        lang = LANG_HINT[clip["lang"]] if hint != "none" else None
        session = f"voice-eval-{i}"
        if hint == "session":  # the session's earlier answer was in this language: a prior, not an order
            dalil.answer(_opening(clip["lang"]), session, None, "bench")
        audio = Path(clip["path"]).read_bytes()
        forced = lang if hint == "lang" else None
        started = time.perf_counter()
        try:
            transcript = dalil.transcribe(audio, "audio/ogg", forced, session)
        except AudioError as exc:
            transcript = Transcript("", None, 0.0)
            error = exc.code
        else:
            error = None
        heard = None if error else dalil.answer_heard(transcript, session, forced, "bench")
        seconds = time.perf_counter() - started
        if clip["id"] not in typed:
            typed[clip["id"]] = ranked_ids(dalil.answer(clip["text"], f"typed-{clip['id']}", None, "bench"))
        procedure = dalil.procedure(clip["expected_id"])
        rows.append(
            clip
            | {
                "transcript": transcript.text,
                "language": transcript.language,
                "avg_logprob": transcript.avg_logprob,
                "no_speech_prob": transcript.no_speech_prob,
                "compression_ratio": transcript.compression_ratio,
                "error": error,
                "status": heard.answer.status.value if heard else "error",
                "ranked": _ranked(heard) if heard else [],
                "cited": _cited(heard) if heard else [],
                "margin": _margin(heard) if heard else None,
                "followup": bool(heard and heard.answer.trace.get("followup_of")),
                "confirm": bool(heard and heard.confirm),
                "doubts": list(heard.doubts) if heard else [],
                "typed_ranked": typed[clip["id"]],
                "names_kept": names_kept(clip["text"], transcript.text, names_of(procedure) if procedure else []),
                "words": word_accuracy(clip["text"], transcript.text),
                "seconds": seconds,
                "audio_s": transcript.duration_s,
            }
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes
    return {"rows": rows, "peak_mb": peak_mb}


def _opening(lang: str) -> str:
    """A typed first question in the session's language, about no procedure in the set."""
    return {"fr": "Bonjour", "ar": "السلام عليكم", "darija": "السلام، عافاك"}[lang]


def _ranked(heard) -> list[str]:  # type: ignore[no-untyped-def]
    """The ranking of the answer the transcript got, whether it was sent or held for confirmation."""
    from bot.evaluate import ranked_ids

    answer = heard.answer
    cited = answer.trace.get("would_cite") if heard.confirm else None
    if cited is None:
        return ranked_ids(answer)
    if answer.abstained:
        return []
    hits = [h["id"] for h in answer.trace.get("hits", []) if isinstance(h, dict)]
    return list(dict.fromkeys([*cited, *hits]))


def _cited(heard) -> list[str]:  # type: ignore[no-untyped-def]
    answer = heard.answer
    if heard.confirm:
        return list(answer.trace.get("would_cite", []))
    return [s.id for s in answer.sources] or [o.id for o in answer.options]


def _margin(heard) -> float | None:  # type: ignore[no-untyped-def]
    from bot.voice.confidence import retrieval_margin

    return retrieval_margin(heard.answer)


# --- the parent: clips, processes, the table ---------------------------------------------------


def manifest_for(split: str, langs: tuple[str, ...]) -> list[dict]:
    clips = []
    for question in load_questions(split, langs):
        for rendition in renditions_for(question.lang):
            path = render(question.text, rendition)
            clips.append(asdict(question) | {"rendition": rendition.name, "path": str(path)})
    return clips


def run_config(name: str, overrides: dict[str, object], manifest: list[dict], data_dir: Path, hint: str) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(manifest, f)
    command = [sys.executable, "-m", "bench.voice_eval", "--worker", json.dumps(overrides), "--hint", hint]
    done = subprocess.run([*command, "--manifest", f.name, "--data", str(data_dir)], capture_output=True, text=True)
    Path(f.name).unlink()
    if done.returncode != 0:
        raise SystemExit(f"{name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def summarise(rows: list[dict]) -> dict[str, dict[str, float]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row["lang"]].append(row)
    groups["all"] = rows
    table = {}
    for lang, group in groups.items():
        n = len(group)
        seconds = sorted(r["seconds"] for r in group)
        table[lang] = {
            "n": n,
            "hit3": sum(r["expected_id"] in r["ranked"][:3] for r in group) / n,
            "typed": sum(r["expected_id"] in r["typed_ranked"][:3] for r in group) / n,
            "names": sum(r["names_kept"] for r in group) / n,
            "words": sum(r["words"] for r in group) / n,
            "confirm": sum(r["confirm"] for r in group) / n,
            "wrong": sum(wrong_sent(r) and not r["confirm"] for r in group),
            "abstained": sum(r["status"] in ("out_of_scope", "no_answer") and not r["confirm"] for r in group),
            "p95": seconds[min(n - 1, int(0.95 * n))],
            "rtf": sum(r["seconds"] for r in group) / max(sum(r["audio_s"] for r in group), 1e-9),
        }
    return table


HEADER = (
    f"{'config':<24}{'n':>5}{'hit@3':>7}{'typed':>7}{'names':>7}{'words':>7}{'confirm':>8}{'wrong':>6}"
    f"{'abst':>5}{'p95 s':>7}{'RTF':>6}"
)


def line(name: str, s: dict[str, float]) -> str:
    return (
        f"{name:<24}{s['n']:>5}{s['hit3']:>7.3f}{s['typed']:>7.3f}{s['names']:>7.2f}{s['words']:>7.2f}"
        f"{s['confirm']:>8.2f}{s['wrong']:>6.0f}{s['abstained']:>5.0f}{s['p95']:>7.2f}{s['rtf']:>6.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="tune", choices=["tune", "test", "all"])
    parser.add_argument("--lang", default="fr,ar,darija", help="comma-separated: fr, ar, darija")
    parser.add_argument("--config", action="append", default=[], help="NAME:key=value,key=value")
    parser.add_argument("--hint", default="none", choices=["none", "lang", "session"], help="language hint")
    parser.add_argument("--show", action="store_true", help="print every transcript")
    parser.add_argument("--calibrate", action="store_true", help="choose confirmation thresholds (tune only)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--manifest", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        result = run_worker(json.loads(args.worker), json.loads(args.manifest.read_text()), args.data, args.hint)
        print(json.dumps(result, ensure_ascii=False))
        return
    if not have_tools():
        raise SystemExit("needs espeak-ng and ffmpeg (make system-deps)")
    if args.calibrate and args.split != "tune":
        raise SystemExit("--calibrate reads the tune split only")
    named = (c.split(":", 1) for c in args.config if ":" in c)
    configs = {name: CONFIGS.get(name, {}) | _parse(spec) for name, spec in named} or CONFIGS
    manifest = manifest_for(args.split, tuple(args.lang.split(",")))
    from ingest.index import run_index

    RESULTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        run_index(settings_for(Path(tmp), {}), progress=False)
        print(f"{len(manifest)} notes ({args.split} split, hint {args.hint}); hit@3 per language")
        print(HEADER)
        for name, overrides in configs.items():
            result = run_config(name, overrides, manifest, Path(tmp), args.hint)
            rows = result["rows"]
            out = RESULTS / f"{name}-{args.split}-{args.hint}.jsonl"
            out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
            for lang, summary in summarise(rows).items():
                print(line(f"{name} [{lang}]", summary), flush=True)
            print(f"{'':<24}peak RSS {result['peak_mb']:.0f} MB; per clip: {out.relative_to(ROOT)}", flush=True)
            if args.show:
                _show(rows)
            if args.calibrate:
                from bench.voice_calibrate import calibrate

                print(f"{'':<24}{calibrate(rows)}")


def _show(rows: list[dict]) -> None:
    for r in rows:
        mark = "HIT " if r["expected_id"] in r["ranked"][:3] else "miss"
        ask = "?" if r["confirm"] else " "
        lp = r["avg_logprob"]
        print(f"  {mark}{ask} {r['lang']:<6} {r['rendition']:<13} lp={lp if lp is None else round(lp, 2)} "
              f"m={r['margin'] if r['margin'] is None else round(r['margin'], 2)} {r['text']} => {r['transcript']}")


def _parse(spec: str) -> dict[str, object]:
    return {k.strip(): v.strip() for k, v in (item.split("=", 1) for item in spec.split(",") if item)}


if __name__ == "__main__":
    main()
