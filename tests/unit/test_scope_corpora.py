"""The scope model's written corpora: what each row teaches, in which style, and that none of them is a
copy of an evaluation set's question (the numbers that count are on sets never trained on)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bot.answer.boundaries import scope_decision
from bot.config import Settings
from bot.corpora import corpus_rows
from bot.knowledge.loading import load_knowledge
from bot.understand.normalize import normalize
from bot.understand.scope import CORPORA, corpus_examples

ROOT = Path(__file__).resolve().parents[2]
STYLES = {"fr", "ar", "darija", "arabizi", "mixed"}


def rows(name: str) -> list[dict]:
    return corpus_rows(name)


def test_in_scope_questions_name_procedures_of_the_knowledge_base_in_every_style() -> None:
    ids = {p.id for p in load_knowledge(ROOT / "knowledge").procedures}
    written = rows("in_scope_examples.jsonl")
    assert CORPORA["in_scope_examples.jsonl"] == "kb"
    assert {r["procedure"] for r in written} <= ids
    styles = Counter(r["style"] for r in written)
    assert set(styles) == STYLES
    # Latin-letter Darija and code-switching as much as French, so that script says nothing of scope.
    assert min(styles["arabizi"], styles["mixed"]) >= styles["fr"]


@pytest.mark.parametrize("name", ["off_topic_topics3.jsonl", "off_topic_topics4.jsonl", "off_topic_topics5.jsonl.xz"])
def test_the_new_off_topic_topics_are_written_in_every_style_and_teach_off_topic(name: str) -> None:
    written = rows(name)
    assert CORPORA[name] == "off"
    by_topic: dict[str, set[str]] = {}
    for r in written:
        by_topic.setdefault(r["topic"], set()).add(r["style"])
    assert len(by_topic) >= 15
    assert all(styles == STYLES for styles in by_topic.values())


def test_the_off_topic_corpora_hold_at_least_1500_messages_over_30_topics_none_shared_with_the_novel_set() -> None:
    off = [e for e in corpus_examples() if e.label == "off"]
    topics = {e.group for e in off}
    assert len(off) >= 1500 and len(topics) >= 30
    novel = {json.loads(line)["topic"] for line in (ROOT / "bench" / "data" / "scope_novel_topics.jsonl").open()}
    assert not topics & novel  # that set measures topics no corpus has


SESSION_10 = {
    "off_topic_topics6.jsonl.xz": "off",
    "in_scope_examples2.jsonl.xz": "kb",
    "near_domain_examples2.jsonl.xz": "near",
    "opinion_examples2.jsonl.xz": "opinion",
}


@pytest.mark.parametrize("name", SESSION_10)
def test_session_10_corpora_teach_their_class_in_six_styles_voice_transcripts_included(name: str) -> None:
    assert CORPORA[name] == SESSION_10[name]
    assert {r["style"] for r in rows(name)} == STYLES | {"voice"}


def test_every_class_of_the_scope_model_is_taught_with_voice_transcripts() -> None:
    """Speech-to-text (lower case, no punctuation, hesitations) on both sides: with it on one side only,
    the way a message was typed or spoken would say which class it is."""
    voiced = Counter(e.label for e in corpus_examples() if e.style == "voice")
    assert set(voiced) == {"kb", "near", "opinion", "off"}
    assert min(voiced.values()) >= 10


@pytest.mark.parametrize("name", ["off_topic_topics6.jsonl.xz"])
def test_session_10_topics_are_new(name: str) -> None:
    new = Counter(r["topic"] for r in rows(name))
    others = [other for other, label in CORPORA.items() if label == "off" and other != name]
    earlier = {r.get("topic") for other in others for r in rows(other)}
    assert len(new) >= 15 and not set(new) & earlier
    assert min(new.values()) >= 30  # five a style


def test_session_10_near_domain_procedures_are_not_in_the_knowledge_base() -> None:
    ids = {p.id for p in load_knowledge(ROOT / "knowledge").procedures}
    assert not {r["procedure"] for r in rows("near_domain_examples2.jsonl.xz")} & ids
    assert {r["procedure"] for r in rows("in_scope_examples2.jsonl.xz")} <= ids


WRITTEN = [
    "in_scope_examples.jsonl",
    "off_topic_topics3.jsonl",
    "off_topic_topics4.jsonl",
    "off_topic_topics5.jsonl.xz",
    *SESSION_10,
]


@pytest.mark.parametrize("name", WRITTEN)
def test_no_written_row_is_an_evaluation_question(name: str) -> None:
    """Every split, the fresh one included; a failure says how many, never which (nobody reads fresh rows)."""
    asked = set()
    for path in (ROOT / "bench" / "data").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                asked |= {normalize(t) for t in [row.get("text", ""), *(t["text"] for t in row.get("turns", []))]}
    written = [normalize(r["text"]) for r in rows(name)]
    copies = len(set(written) & asked)
    assert copies == 0, "written rows equal to evaluation questions"
    assert len(set(written)) == len(written)


def test_a_message_the_model_reads_as_a_procedure_the_base_lacks_is_one_a_little_above_the_threshold() -> None:
    """Between ``scope_min_ours`` and ``scope_near_below``, a message whose 'near' probability reaches
    ``scope_near_min`` gets "not in the base yet" (a neighbour's card otherwise); elsewhere nothing changes."""
    settings = Settings()
    assert settings.scope_min_ours < 0.07 < settings.scope_near_below
    near = {"kb": 0.3, "near": settings.scope_near_min + 0.05, "off": 0.2, "opinion": 0.05}
    assert scope_decision(0.07, near, settings).kind == "near"
    assert scope_decision(settings.scope_near_below + 0.01, near, settings).kind == "in"
    weak = {"kb": 0.6, "near": settings.scope_near_min - 0.05, "off": 0.2, "opinion": 0.05}
    assert scope_decision(0.07, weak, settings).kind == "in"
    off = {"kb": 0.1, "near": settings.scope_near_min + 0.05, "off": 0.8, "opinion": 0.0}
    assert scope_decision(0.01, off, settings).kind == "off"  # below the threshold the model's reading stays
