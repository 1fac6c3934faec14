"""Choosing the "did I hear you right?" thresholds on the spoken tune split.

Reads the per-clip results of ``bench/voice_eval.py`` (each clip's Whisper log-probability, no-speech
probability, retrieval margin and status, and whether the answer cited the expected procedure) and
searches the thresholds of ``bot/voice/confidence.py``: the fewest confirmations such that no wrong
procedure is sent without one (at most ``--allow`` of them). Never run it on the test split.

Run: .venv/bin/python -m bench.voice_calibrate var/voice-eval/default-tune-none.jsonl [more.jsonl…]
"""

from __future__ import annotations

import argparse
import itertools
import json
import zlib
from pathlib import Path

from bot.types import Answer, AnswerStatus, Transcript
from bot.voice.confidence import ConfidencePolicy, assess

LOGPROBS = [x / 20 for x in range(-30, -3)]  # -1.5 … -0.2
NO_SPEECH = [0.2, 0.3, 0.4, 0.5, 0.6, 0.8]
MARGINS = [x / 4 for x in range(0, 41)]  # 0 … 10


def decide(row: dict, policy: ConfidencePolicy) -> bool:
    """Whether the rule asks for this clip: the clip's recorded signals through ``assess`` itself."""
    ratio = row.get("compression_ratio") or compression_ratio(row["transcript"])  # older results lack it
    signals = (row["avg_logprob"], row["no_speech_prob"], ratio)
    transcript = Transcript(row["transcript"], row["language"], 1.0, 1.0, *signals)
    hits = [] if row["margin"] is None else [{"id": "a", "score": row["margin"]}, {"id": "b", "score": 0.0}]
    trace = {"hits": hits, "followup_of": "x" if row.get("followup") else None}
    return assess(transcript, Answer(AnswerStatus(row["status"]), "fr", "", trace=trace), policy).confirm


def compression_ratio(text: str) -> float | None:
    """Whisper's own measure of a loop: the text's length over its zlib-compressed length."""
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else None


def wrong_sent(row: dict) -> bool:
    """A procedure answer (or choice) that misses the expected procedure."""
    return row["status"] in ("answered", "clarification") and row["expected_id"] not in row["cited"]


def outcome(rows: list[dict], policy: ConfidencePolicy) -> tuple[int, int, int]:
    """(confirmations, wrong procedures sent unconfirmed, abstentions sent unconfirmed)."""
    asked = [decide(r, policy) for r in rows]
    wrong = sum(wrong_sent(r) and not a for r, a in zip(rows, asked, strict=True))
    abstained = sum(r["status"] in ("out_of_scope", "no_answer") and not a for r, a in zip(rows, asked, strict=True))
    return sum(asked), wrong, abstained


def calibrate(rows: list[dict], allow: int = 0) -> str:
    rows = [r for r in rows if r["status"] != "error"]
    best: tuple[int, int, ConfidencePolicy] | None = None
    for logprob, no_speech, margin in itertools.product(LOGPROBS, NO_SPEECH, MARGINS):
        policy = ConfidencePolicy(True, logprob, no_speech, margin)
        asked, wrong, abstained = outcome(rows, policy)
        if wrong <= allow and (best is None or (asked, abstained) < best[:2]):
            best = (asked, abstained, policy)
    if best is None:
        return "no thresholds keep the wrong answers sent under the allowance"
    asked, abstained, policy = best
    return (
        f"{len(rows)} clips: min_logprob {policy.min_logprob}, max_no_speech {policy.max_no_speech}, "
        f"min_margin {policy.min_margin} -> confirm {asked / len(rows):.2f}, wrong sent {outcome(rows, policy)[1]}, "
        f"abstentions sent {abstained}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("results", nargs="+", type=Path)
    parser.add_argument("--allow", type=int, default=0, help="wrong answers sent unconfirmed that may remain")
    args = parser.parse_args()
    rows = [json.loads(line) for path in args.results for line in path.read_text().splitlines() if line.strip()]
    if any(r["split"] != "tune" for r in rows):
        raise SystemExit("calibrate on the tune split only")
    print(calibrate(rows, args.allow))


if __name__ == "__main__":
    main()
