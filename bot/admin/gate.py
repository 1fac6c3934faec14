"""The quality gate a new knowledge-base version passes before it is served.

The candidate and the version serving are asked the same questions: one fold of the knowledge base's
own citizens' questions held out (``bot/search/heldout.py``: each version answers with that fold
removed from it), the in-scope questions of the dev set (through the whole answer pipeline, without
the LLM), and off-topic messages (the dev set's, and a fixed sample of the scope corpus). A hit@1 that
drops by more than the tolerance, or any drop in off-topic abstention, blocks the publish; the report
lists every question whose answer changed. It is a regression guard against the version serving, not
a quality measure: the numbers to quote are ``make bench``'s.

What the gate learns of a version is kept while the version serves, so a publish evaluates only the
candidate (the version serving was evaluated when it was the candidate, or once after start-up).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bot.answer.pipeline import Pipeline
from bot.corpora import jsonl_rows
from bot.ports import Embedder, VectorStore
from bot.search.heldout import StoreView, chunk_ids, held_out
from bot.search.query import prepare_query
from bot.search.retriever import Retriever
from bot.search.served import KnowledgeBase
from bot.understand.language import detect

log = logging.getLogger("dalil.gate")

HIT_SETS = ("kfold", "dev")


@dataclass(frozen=True)
class Case:
    """One question the gate asks: ``expected`` is the procedure id, or "" for an off-topic message."""

    set: str  # kfold | dev | off_topic
    text: str
    expected: str
    style: str


@dataclass(frozen=True)
class Changed:
    set: str
    text: str
    style: str
    expected: str
    before: str  # the procedure answered first, or "-" for an abstention
    after: str

    @property
    def worse(self) -> bool:
        if not self.expected:
            return self.before == "-" and self.after != "-"
        return self.before == self.expected and self.after != self.expected


@dataclass(frozen=True)
class Measure:
    name: str  # kfold | dev | off_topic
    n: int
    before: float
    after: float
    blocked: bool

    @property
    def points(self) -> float:
        return round((self.after - self.before) * 100, 2)


@dataclass
class GateReport:
    measures: list[Measure]
    changed: list[Changed]
    seconds: float
    tolerance: float  # points of hit@1
    cases: str = ""  # what was asked, for the page

    @property
    def blocked(self) -> bool:
        return any(m.blocked for m in self.measures)

    def to_dict(self) -> dict[str, object]:
        return {**asdict(self), "blocked": self.blocked}

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: str) -> GateReport:
        data = json.loads(raw)
        return cls(
            measures=[Measure(**m) for m in data["measures"]],
            changed=[Changed(**c) for c in data["changed"]],
            seconds=data["seconds"],
            tolerance=data["tolerance"],
            cases=data.get("cases", ""),
        )

    def summary(self) -> str:
        parts = [f"{m.name} {m.before:.3f} -> {m.after:.3f} (n={m.n})" for m in self.measures]
        return "; ".join(parts) + f"; {len(self.changed)} questions changed; {self.seconds:.1f} s"


@dataclass
class GateSets:
    """The fixed questions: dev-set rows (in scope and out of scope) and off-topic messages."""

    dev: list[Case] = field(default_factory=list)
    off_topic: list[Case] = field(default_factory=list)

    @classmethod
    def load(cls, dev_set: Path | None, off_topic: Path | None, off_topic_every: int) -> GateSets:
        sets = cls()
        if dev_set is not None and dev_set.exists():
            for row in jsonl_rows(dev_set):
                if row.get("kind") == "out_of_scope":
                    sets.off_topic.append(Case("off_topic", row["q"], "", row["lang"]))
                elif row.get("turn", 1) == 1:  # a follow-up's second turn needs its conversation
                    sets.dev.append(Case("dev", row["q"], row["expected"][0], row["lang"]))
        elif dev_set is not None:
            log.warning("the gate's dev set is missing: its questions are not asked", extra={"path": str(dev_set)})
        if off_topic is not None and off_topic.exists():
            rows = jsonl_rows(off_topic)
            sets.off_topic += [Case("off_topic", r["text"], "", r["style"]) for r in rows[::off_topic_every]]
        return sets


def fingerprint(kb: KnowledgeBase) -> str:
    """The content of a version: two builds of the same procedures answer the same."""
    digest = hashlib.sha256()
    for pid in sorted(kb.procedures):
        digest.update(kb.procedures[pid].model_dump_json().encode())
    return digest.hexdigest()


class _Version:
    """What the gate knows of one knowledge base: its held-out retriever and the answers it gave."""

    def __init__(self, kb: KnowledgeBase, gate: QualityGate) -> None:
        self.kb = kb
        self.fingerprint = fingerprint(kb)
        procedures = list(kb.procedures.values())
        kept, rows, drop = held_out(procedures, gate.fold, gate.folds)
        view = StoreView(gate.store, chunk_ids(procedures) - drop)
        self.retriever = Retriever(kept, gate.embedder, view)  # type: ignore[arg-type]
        self.own = [Case("kfold", r["q"], r["expected"][0], r["lang"]) for r in rows]
        self.answers: dict[Case, str] = {}

    def answer(self, case: Case, pipeline: Pipeline) -> str:
        if case not in self.answers:
            if case.set == "kfold":
                hits = self.retriever.search(prepare_query(case.text, detect(case.text)), k=1)
                top = hits[0].procedure_id if hits else "-"
            else:
                cited = pipeline.run(case.text, self.kb, None, None, "gate").cited
                top = cited[0] if cited else "-"
            self.answers[case] = top
        return self.answers[case]


class QualityGate:
    def __init__(
        self,
        pipeline: Pipeline,
        embedder: Embedder,
        store: VectorStore,
        sets: GateSets,
        tolerance: float = 1.0,
        fold: int = 0,
        folds: int = 5,
    ) -> None:
        self.pipeline, self.embedder, self.store, self.sets = pipeline, embedder, store, sets
        self.tolerance, self.fold, self.folds = tolerance, fold, folds
        self._versions: list[_Version] = []  # the version serving and the last candidate, at most

    def describe(self) -> str:
        return (
            f"fold {self.fold + 1} of {self.folds} of the knowledge base's questions, "
            f"{len(self.sets.dev)} dev-set questions, {len(self.sets.off_topic)} off-topic messages"
        )

    def _version(self, kb: KnowledgeBase) -> _Version:
        for known in self._versions:
            if known.kb is kb or known.fingerprint == fingerprint(kb):
                return known
        version = _Version(kb, self)
        self._versions = [*self._versions[-1:], version]
        return version

    def compare(self, live: KnowledgeBase, candidate: KnowledgeBase) -> GateReport:
        started = time.perf_counter()
        before, after = self._version(live), self._version(candidate)
        kfold = list(dict.fromkeys([*before.own, *after.own]))
        measures: list[Measure] = []
        changed: list[Changed] = []
        for name, cases in (("kfold", kfold), ("dev", self.sets.dev), ("off_topic", self.sets.off_topic)):
            if not cases:
                continue
            old = [before.answer(c, self.pipeline) for c in cases]
            new = [after.answer(c, self.pipeline) for c in cases]
            ok_before = sum(_ok(c, a) for c, a in zip(cases, old, strict=True)) / len(cases)
            ok_after = sum(_ok(c, a) for c, a in zip(cases, new, strict=True)) / len(cases)
            drop = (ok_before - ok_after) * 100
            blocked = drop > 1e-9 if name == "off_topic" else drop > self.tolerance + 1e-9
            measures.append(Measure(name, len(cases), round(ok_before, 4), round(ok_after, 4), blocked))
            changed += [
                Changed(c.set, c.text, c.style, c.expected, o, n)
                for c, o, n in zip(cases, old, new, strict=True)
                if o != n and (c.expected or "-" in (o, n))
            ]
        changed.sort(key=lambda c: not c.worse)
        report = GateReport(measures, changed, round(time.perf_counter() - started, 2), self.tolerance, self.describe())
        log.info("quality gate", extra={"blocked": report.blocked, "summary": report.summary()})
        return report


def _ok(case: Case, top: str) -> bool:
    return top == "-" if not case.expected else top == case.expected
