"""Retrieval and answer evaluation on a JSONL question set (``dalil eval`` / ``make eval``).

Rows: ``{"id", "q", "lang" (style), "expected": [ids], "kind": single|followup|out_of_scope,
"session"?, "turn"?}``; follow-up turns share a session, in order. The team's sets' rows
(``bench/data``: ``{"id", "text", "style", "expected_id", "aspects"?, "split"?}``) are read too.
Besides retrieval, the answers themselves per style: the short answer's words, the asked aspect on
the first screen, the clarification rate, WhatsApp messages per answer.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.answer.short import facts_for
from bot.channels.whatsapp.format import answer_replies
from bot.knowledge.schema import Procedure
from bot.texts import pick, say
from bot.types import Answer, AnswerStatus
from bot.understand.aspects import Aspect, detect_aspects

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
    answers: AnswerMeasures = field(default_factory=lambda: AnswerMeasures())

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
        return "\n".join([*lines, "", self.answers.render(STYLES)])


FIRST_SCREEN = 350  # characters of an answer a 360 px phone shows without scrolling
_MARKUP = re.compile(r"[*_#>`\[\]]|\(https?://[^)]*\)")


def plain(markdown: str) -> str:
    """What a reader sees of Markdown: no markup, no link targets, single spaces."""
    return " ".join(_MARKUP.sub(" ", markdown).split())


def carries(answer: Answer, proc: Procedure, aspect: Aspect) -> bool:
    """The first screen of the short answer carries the asked aspect: the first fact that answers it,
    or the honest line saying the knowledge base does not have it."""
    head = plain(answer.text)[:FIRST_SCREEN]
    facts = facts_for(proc, aspect)
    expected = pick(facts[0][2], answer.language) if facts else say(f"short_missing_{aspect}", answer.language)
    return plain(expected)[:40] in head


@dataclass
class StyleAnswers:
    words: list[int] = field(default_factory=list)  # of each answered short answer
    aspect_questions: int = 0
    aspect_first: int = 0
    in_scope: int = 0
    clarified: int = 0
    messages: list[int] = field(default_factory=list)  # WhatsApp messages per answer

    def row(self, name: str) -> str:
        words = sorted(self.words)
        median = f"{statistics.median(words):.0f}" if words else "-"
        p95 = f"{words[min(len(words) - 1, int(0.95 * len(words)))]}" if words else "-"
        first = (
            f"{self.aspect_first / self.aspect_questions:.3f} ({self.aspect_first}/{self.aspect_questions})"
            if self.aspect_questions
            else "-"
        )
        clarify = f"{self.clarified / self.in_scope:.3f}" if self.in_scope else "-"
        msgs = f"{statistics.mean(self.messages):.2f}" if self.messages else "-"
        return f"{name:<10} {len(words):>4} {median:>6} {p95:>6} {first:>18} {clarify:>8} {msgs:>6}"


@dataclass
class AnswerMeasures:
    styles: dict[str, StyleAnswers] = field(default_factory=lambda: defaultdict(StyleAnswers))
    labelled: bool = False  # aspects from the set's labels; otherwise as Dalil detects them
    misses: list[str] = field(default_factory=list)

    def add(
        self,
        style: str,
        answer: Answer,
        expected: list[str],
        aspects: list[str] | None,
        procedure: Callable[[str], Procedure | None],
        question: str,
    ) -> None:
        """One in-scope question and its answer. ``aspects``: the set's labels, or None to detect them."""
        self.labelled |= aspects is not None
        asked = aspects if aspects is not None else list(detect_aspects(question))
        for bucket in (self.styles[style], self.styles["all"]):
            bucket.in_scope += 1
            bucket.clarified += answer.status is AnswerStatus.CLARIFICATION
            bucket.messages.append(len(answer_replies(answer)))
            if answer.status is AnswerStatus.ANSWERED:
                bucket.words.append(len(plain(answer.text).split()))
        top = answer.sources[0].id if answer.status is AnswerStatus.ANSWERED and answer.sources else None
        proc = procedure(top) if top in expected else None
        for aspect in asked if proc is not None else []:
            ok = carries(answer, proc, aspect)  # type: ignore[arg-type]
            for bucket in (self.styles[style], self.styles["all"]):
                bucket.aspect_questions += 1
                bucket.aspect_first += ok
            if not ok:
                self.misses.append(f"[{style}] {aspect} not on the first screen: {question}")

    def render(self, styles: tuple[str, ...]) -> str:
        source = "labelled in the set" if self.labelled else "as Dalil detects them"
        head = f"{'style':<10} {'n':>4} {'median':>6} {'p95':>6} {'aspect 1st screen':>18} {'clarify':>8} {'WA msg':>6}"
        lines = [
            f"== answers: short answer words, asked aspect on the first {FIRST_SCREEN} characters ({source}), "
            "clarification rate, WhatsApp messages per answer ==",
            head,
        ]
        lines += [self.styles[s].row(s) for s in (*styles, "all") if s in self.styles]
        return "\n".join(lines)


def percentile(values: list[float], p: int) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def load_rows(path: Path, split: str | None = None) -> list[dict]:
    """The rows of a question set in the dev set's shape; a team set's rows are translated, and
    ``split`` ("test", "tune") keeps only that split's rows."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if split is None or r.get("split", split) == split]
    return [_dev_shape(r) for r in rows]


def _dev_shape(row: dict) -> dict:
    if "q" in row:
        return row
    expected = row.get("expected_id")
    return {
        "id": row["id"],
        "q": row["text"],
        "lang": row["style"],
        "expected": [expected] if expected else [],
        "kind": "single" if expected else "clarify",
        "aspects": row.get("aspects"),
    }


def ranked_ids(answer: Answer) -> list[str]:
    """What the answer cites first, then the rest of the retrieval ranking (for hit@3 and MRR).
    Abstentions and social replies rank nothing: a refused in-scope question is a miss."""
    if not (cited := answer.cited):
        return []
    hits = answer.trace.get("hits", [])
    ranking = [h["id"] for h in hits if isinstance(h, dict)] if isinstance(hits, list) else []
    return cited + [pid for pid in ranking if pid not in cited]


Ask = Callable[[str, str], Answer]  # (question, session_id) -> Answer


def evaluate(rows: Iterable[dict], ask: Ask, procedure: Callable[[str], Procedure | None] = lambda _: None) -> Report:
    """Ask every row; ``procedure`` reads a procedure for the answer measures (the asked aspect on the
    first screen)."""
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
        if row["kind"] == "clarify":  # a team set's row that needs a question: answers only
            report.answers.add(row["lang"], answer, [], None, procedure, row["q"])
            continue
        bucket.add(ranked, row["expected"], answer, row["lang"])
        report.answers.add(row["lang"], answer, row["expected"], row.get("aspects"), procedure, row["q"])
        if not ranked or ranked[0] not in row["expected"]:
            report.misses.append(
                f"{row['id']} [{row['lang']}] expected {row['expected']} got {answer.status.value} {ranked[:3]}"
            )
    return report
