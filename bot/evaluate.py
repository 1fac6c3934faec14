"""Retrieval and answer evaluation on a JSONL question set (``dalil eval`` / ``make eval``).

Rows: ``{"id", "q", "lang" (style), "expected": [ids], "kind": single|followup|out_of_scope,
"session"?, "turn"?}``. Follow-up turns share a session, in order.
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.types import Answer, AnswerStatus

STYLES = ("fr", "ar", "darija", "arabizi", "mixed")
EXPECTED_LANG = {"fr": "fr", "ar": "ar", "darija": "darija", "arabizi": "darija", "mixed": "darija"}


@dataclass
class Bucket:
    n: int = 0
    hit1: int = 0
    hit3: int = 0
    rr: float = 0.0
    abstained: int = 0
    lang_ok: int = 0

    def add(self, ranked: list[str], expected: list[str], answer: Answer, style: str) -> None:
        self.n += 1
        rank = next((i for i, pid in enumerate(ranked) if pid in expected), None)
        self.hit1 += rank == 0
        self.hit3 += rank is not None and rank < 3
        self.rr += 1.0 / (rank + 1) if rank is not None else 0.0
        self.abstained += answer.abstained
        self.lang_ok += answer.language == EXPECTED_LANG.get(style, "fr")

    def row(self, name: str) -> str:
        n = max(self.n, 1)
        return (
            f"{name:<10} {self.n:>4} {self.hit1 / n:>6.3f} {self.hit3 / n:>6.3f} {self.rr / n:>6.3f} "
            f"{self.abstained / n:>8.3f} {self.lang_ok / n:>7.3f}"
        )


@dataclass
class Report:
    styles: dict[str, Bucket] = field(default_factory=lambda: defaultdict(Bucket))
    followup: Bucket = field(default_factory=Bucket)
    oos_total: int = 0
    oos_abstained: int = 0  # out-of-scope rows that got no procedure card (any abstention, or a social reply)
    oos_statuses: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    latencies_ms: list[float] = field(default_factory=list)
    retrieval_ms: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def in_scope(self) -> Bucket:
        total = Bucket()
        for b in self.styles.values():
            for attr in ("n", "hit1", "hit3", "rr", "abstained", "lang_ok"):
                setattr(total, attr, getattr(total, attr) + getattr(b, attr))
        return total

    def render(self, title: str = "Dalil") -> str:
        head = f"{'style':<10} {'n':>4} {'hit@1':>6} {'hit@3':>6} {'MRR':>6} {'abstain':>8} {'lang_ok':>7}"
        lines = [f"== {title} ==", head]
        lines += [self.styles[s].row(s) for s in STYLES if s in self.styles]
        lines.append(self.in_scope().row("all"))
        lines.append(self.followup.row("follow-up"))
        oos = self.oos_abstained / max(self.oos_total, 1)
        total = self.in_scope()
        lines.append(
            f"out-of-scope abstention: {oos:.3f} ({self.oos_abstained}/{self.oos_total}); "
            f"false abstention on in-scope: {total.abstained / max(total.n, 1):.3f}"
        )
        if self.oos_statuses:
            lines.append(
                "out-of-scope statuses: " + ", ".join(f"{k} {v}" for k, v in sorted(self.oos_statuses.items()))
            )
        lines.append(
            f"latency answer p50/p95: {percentile(self.latencies_ms, 50):.1f} / "
            f"{percentile(self.latencies_ms, 95):.1f} ms; retrieval p50/p95: "
            f"{percentile(self.retrieval_ms, 50):.1f} / {percentile(self.retrieval_ms, 95):.1f} ms"
        )
        return "\n".join(lines)


def percentile(values: list[float], p: int) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def load_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def ranked_ids(answer: Answer) -> list[str]:
    """What the answer cites first, then the rest of the retrieval ranking (for hit@3 and MRR).
    Abstentions and social replies rank nothing: a refused in-scope question is a miss."""
    if answer.abstained or answer.status is AnswerStatus.SOCIAL:
        return []
    cited = [s.id for s in answer.sources] or [o.id for o in answer.options]
    hits = answer.trace.get("hits", [])
    ranking = [h["id"] for h in hits if isinstance(h, dict)] if isinstance(hits, list) else []
    return cited + [pid for pid in ranking if pid not in cited]


Ask = Callable[[str, str], Answer]  # (question, session_id) -> Answer


def evaluate(rows: Iterable[dict], ask: Ask) -> Report:
    report = Report()
    ordered = sorted(rows, key=lambda r: (r.get("session", ""), r.get("turn", 0), r["id"]))
    for row in ordered:
        session = f"eval-{row.get('session') or row['id']}"
        answer = ask(row["q"], session)
        report.latencies_ms.append(float(answer.trace.get("total_ms", 0.0)))  # type: ignore[arg-type]
        timings = answer.trace.get("timings_ms", {})
        if isinstance(timings, dict) and "retrieve" in timings:
            report.retrieval_ms.append(float(timings["retrieve"]))
        ranked = ranked_ids(answer)
        if row["kind"] == "out_of_scope":
            report.oos_total += 1
            no_card = answer.abstained or answer.status is AnswerStatus.SOCIAL
            report.oos_abstained += no_card
            report.oos_statuses[answer.status.value] += 1
            if not no_card:
                report.misses.append(f"{row['id']} OOS answered {ranked[:3]}")
            continue
        bucket = (
            report.followup if row["kind"] == "followup" and row.get("turn", 1) > 1 else (report.styles[row["lang"]])
        )
        bucket.add(ranked, row["expected"], answer, row["lang"])
        if not ranked or ranked[0] not in row["expected"]:
            report.misses.append(
                f"{row['id']} [{row['lang']}] expected {row['expected']} got {answer.status.value} {ranked[:3]}"
            )
    return report
