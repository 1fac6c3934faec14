"""Inbox, outbox and worker against a local Graph API and a fake of the assistant's face
(``bot.channels.base.Assistant``): duplicates, retries, crashes, rate limits and ordering, fast, on
SQLite and on PostgreSQL (the ``engine`` fixture). The real pipeline is exercised in tests/integration."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import Engine, select

from bot.channels.base import Assistant
from bot.channels.whatsapp.config import WhatsAppConfig
from bot.channels.whatsapp.inbox import wa_inbox
from bot.channels.whatsapp.outbox import wa_outbox
from bot.channels.whatsapp.runtime import WhatsAppRuntime
from bot.channels.whatsapp.worker import WorkerOptions
from bot.config import ROOT
from bot.errors import AudioError
from bot.knowledge.loading import load_file
from bot.knowledge.schema import Procedure, Text
from bot.texts import say
from bot.types import Answer, AnswerLang, AnswerStatus, Heard, Inbound, InboundKind, Option, Source, Transcript
from tests import whatsapp_payloads as wp
from tests.fake_graph import FakeGraph

FAST = WorkerOptions(lease_s=0.5, send_lease_s=0.5, backoff_base_s=0.02, backoff_cap_s=0.1, poll_s=0.02)


class Crash(BaseException):
    """Stands for the process dying: not an Exception, so nothing in the worker catches it."""


def _procedure() -> Procedure:
    real = load_file(ROOT / "knowledge" / "procedures" / "cnie-renewal.yaml")
    assert isinstance(real, Procedure)
    return real.model_copy(update={"title": Text(fr="Renouvellement CNIE", ar="تجديد")})


@dataclass
class StubDalil:
    """The face the worker uses, faked: answers instantly; a question containing "choisir" asks for
    clarification; voice notes get the scripted ``transcripts`` in turn, and one heard with an average
    log-probability under -1 is held for confirmation (the real rule is tested in test_confidence)."""

    calls: list[tuple[str, str, str | None]] = field(default_factory=list)
    languages: dict[str, AnswerLang] = field(default_factory=dict)
    procedures: dict[str, Procedure] = field(default_factory=lambda: {"cnie-renewal": _procedure()})
    transcripts: list[Transcript | AudioError] = field(default_factory=list)
    transcribed_in: list[str | None] = field(default_factory=list)  # the session of each note

    def procedure(self, procedure_id: str) -> Procedure | None:
        return self.procedures.get(procedure_id)

    def session_language(self, session_id: str) -> AnswerLang | None:
        return self.languages.get(session_id)

    def transcribe(
        self, audio: bytes, mime: str | None, lang: str | None, session_id: str | None = None
    ) -> Transcript:
        self.transcribed_in.append(session_id)
        result = self.transcripts.pop(0)
        if isinstance(result, AudioError):
            raise result
        return result

    def answer(
        self, message: str, session_id: str | None = None, lang: AnswerLang | None = None, channel: str = "web"
    ) -> Answer:
        self.calls.append((message, session_id or "", lang))
        self.languages[session_id or ""] = lang or "fr"
        source = Source("cnie-renewal", "CNIE", "https://www.cnie.ma")
        if "choisir" in message:
            options = [Option("cnie-renewal", "Renouveler la CNIE"), Option("cnie-first", "Première CNIE")]
            return Answer(AnswerStatus.CLARIFICATION, "fr", "Laquelle ?", [source], options, answer_id="a1")
        body = "\n\n".join([message] * (6 if "long" in message else 1))
        return Answer(AnswerStatus.ANSWERED, "fr", f"### Réponse\n\n{body}", [source], answer_id="a2")

    def answer_heard(
        self,
        transcript: Transcript,
        session_id: str | None = None,
        lang: AnswerLang | None = None,
        channel: str = "web",
    ) -> Heard:
        if (transcript.avg_logprob or 0.0) < -1.0:
            question = say("confirm_heard", "fr", text=transcript.text)
            return Heard(Answer(AnswerStatus.ANSWERED, "fr", question), transcript, 0.3, True, ("recognition",))
        return Heard(self.answer(transcript.text, session_id, lang, channel), transcript, 0.9, False)


@pytest.fixture(scope="module")
def graph() -> Iterator[FakeGraph]:
    server = FakeGraph(phone_number_id=wp.PHONE_ID).start()
    yield server
    server.stop()


@pytest.fixture
def config(graph: FakeGraph) -> WhatsAppConfig:
    graph.reset()
    return WhatsAppConfig(
        token=graph.token,
        app_secret=wp.SECRET,
        verify_token="verify",
        phone_number_id=wp.PHONE_ID,
        api_base=graph.base_url,
        rate_per_minute=15,
        salt="test-salt",
        max_audio_bytes=1_000_000,
        max_message_chars=2000,
    )


def runtime(config: WhatsAppConfig, engine: Engine, dalil: StubDalil | None = None, **kw) -> WhatsAppRuntime:  # type: ignore[no-untyped-def]
    assistant: Assistant = dalil or StubDalil()
    return WhatsAppRuntime(config, assistant, engine, options=kw.pop("options", FAST), **kw)


def deliver(rt: WhatsAppRuntime, data: dict) -> dict[str, int]:
    raw, headers = wp.signed(data)
    return dict(rt.receive(raw, headers))


def drain(rt: WhatsAppRuntime, seconds: float = 15.0) -> None:
    """Run the worker's two steps in this thread until nothing is left to do."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        worked = rt.worker.process_one() | rt.worker.send_one()
        pending = rt.inbox.counts().get("pending", 0) + rt.outbox.counts().get("pending", 0)
        if not worked and not pending:
            return
        if not worked:
            time.sleep(0.01)


def test_the_same_delivery_three_times_is_answered_once(config, graph, engine) -> None:  # type: ignore[no-untyped-def]
    rt = runtime(config, engine)
    data = wp.text("renouveler ma CNIE")
    results = [deliver(rt, data) for _ in range(3)]
    assert results == [{"new": 1}, {"duplicate": 1}, {"duplicate": 1}]
    drain(rt)
    assert len(graph.sent) == 1 and rt.worker.dalil.calls[0][0] == "renouveler ma CNIE"
    assert graph.sent[0].to == wp.SENDER and "https://www.cnie.ma" in graph.sent[0].text


def test_only_one_worker_can_claim_a_row(config, engine) -> None:  # type: ignore[no-untyped-def]
    rt = runtime(config, engine)
    deliver(rt, wp.text("bonjour"))
    first, second = rt.inbox.claim(30, "w1"), rt.inbox.claim(30, "w2")
    assert first is not None and second is None


def test_stored_text_is_redacted_and_the_number_erased_once_sent(config, graph, engine) -> None:  # type: ignore[no-untyped-def]
    rt = runtime(config, engine)
    deliver(rt, wp.text("ma CIN AB123456 et mon 0612345678, passeport ?"))
    drain(rt)
    with rt.engine.connect() as conn:
        inbox = conn.execute(select(wa_inbox)).one()
        outbox = conn.execute(select(wa_outbox)).one()
    assert "AB123456" not in inbox.text and "[CIN]" in inbox.text and "[PHONE]" in inbox.text
    assert inbox.address is None and outbox.address is None and wp.SENDER not in inbox.sender_hash
    assert "AB123456" not in rt.worker.dalil.calls[0][0]  # answered from the redacted text too
    assert outbox.state == "sent" and len(graph.sent) == 1


def test_a_500_then_success_delivers_once(config, graph, engine) -> None:  # type: ignore[no-untyped-def]
    rt = runtime(config, engine)
    graph.fail("500", "429")
    deliver(rt, wp.text("bonjour"))
    drain(rt)
    assert len(graph.sent) == 1
    statuses = [s for m, p, s in graph.requests if m == "POST"]
    assert statuses == [500, 429, 200]
    with rt.engine.connect() as conn:
        row = conn.execute(select(wa_outbox)).one()
    assert (row.state, row.attempts) == ("sent", 3)


def test_a_permanent_error_is_not_retried(config, graph, engine) -> None:  # type: ignore[no-untyped-def]
    rt = runtime(config, engine)
    graph.fail("400")
    deliver(rt, wp.text("bonjour"))
    drain(rt)
    assert graph.sent == [] and rt.outbox.counts() == {"failed": 1}


def test_sending_gives_up_after_max_attempts(config, graph, engine) -> None:  # type: ignore[no-untyped-def]
    rt = runtime(config, engine)
    graph.fail(*["500"] * 10)
    deliver(rt, wp.text("bonjour"))
    drain(rt, seconds=5)
    assert graph.sent == [] and rt.outbox.counts() == {"failed": 1}
    assert len([r for r in graph.requests if r[0] == "POST"]) == FAST.max_send_attempts


def test_parts_are_sent_in_order_even_when_the_first_is_retried(config, graph, engine) -> None:  # type: ignore[no-untyped-def]
    rt = runtime(config, engine)
    deliver(rt, wp.text("question longue " + "détail " * 250))  # answered with ~10,000 chars: several parts
    graph.fail("500")
    drain(rt)
    parts = [s.text for s in graph.sent]
    assert len(parts) >= 3 and parts[0].startswith("*Réponse*") and "https://www.cnie.ma" in parts[-1]


@pytest.mark.parametrize("step", ["claimed", "answered", "sending"])
def test_a_worker_killed_mid_way_is_finished_by_the_next_one_exactly_once(config, graph, engine, step) -> None:  # type: ignore[no-untyped-def]
    def crash(at: str, row_id: int) -> None:
        if at == step:
            raise Crash(at)

    dying = runtime(config, engine, checkpoint=crash)
    deliver(dying, wp.text("renouveler ma CNIE"))
    with pytest.raises(Crash):
        drain(dying)
    assert graph.sent == []
    fresh = runtime(config, engine)  # a restart: same database, new worker
    time.sleep(FAST.lease_s + 0.1)  # the dead worker's lease runs out
    drain(fresh)
    time.sleep(0.2)
    drain(fresh)
    assert len(graph.sent) == 1
    assert fresh.inbox.counts() == {"done": 1} and fresh.outbox.counts() == {"sent": 1}


def test_a_late_worker_cannot_queue_a_second_answer(config, graph, engine) -> None:  # type: ignore[no-untyped-def]
    """A worker that stalls past its lease (a GC pause, a frozen VM) wakes up after another finished."""
    slow = runtime(config, engine)
    deliver(slow, wp.text("renouveler ma CNIE"))
    row = slow.inbox.claim(0.2, "slow-worker")
    assert row is not None
    outcome = slow.worker.handle(row)
    time.sleep(0.3)  # the lease expires while it "stalls"
    other = runtime(config, engine)
    drain(other)
    assert slow.inbox.complete(row, outcome) is False
    drain(other)
    assert len(graph.sent) == 1


def test_threads_answer_and_send_in_the_background(config, graph, engine) -> None:  # type: ignore[no-untyped-def]
    rt = runtime(config, engine)
    rt.start()
    try:
        deliver(rt, wp.text("bonjour"))
        graph.wait_for(1, timeout_s=5)
    finally:
        rt.stop()
    assert not rt.worker.alive


def test_rate_limit_sends_one_polite_notice(config, graph, engine) -> None:  # type: ignore[no-untyped-def]
    rt = runtime(config, engine)
    results = [deliver(rt, wp.text(f"question {i}")) for i in range(18)]
    assert results[:15] == [{"new": 1}] * 15 and results[15:] == [{"limited": 1}] * 3
    other = deliver(rt, wp.text("bonjour", sender="212600000001"))
    assert other == {"new": 1}  # the limit is per sender
    drain(rt)
    notices = [s for s in graph.sent if "15 messages par minute" in s.text]
    assert len(graph.sent) == 15 + 1 + 1 and len(notices) == 1
    assert len(rt.worker.dalil.calls) == 16


def test_unsupported_and_ignored_messages(config, graph, engine) -> None:  # type: ignore[no-untyped-def]
    rt = runtime(config, engine)
    for case in ("image", "static_sticker", "current_location", "contacts", "reaction", "unsupported"):
        assert deliver(rt, wp.body("message", case)) == {"new": 1}
    assert deliver(rt, wp.body("message", "unreaction_empty")) == {"ignored": 1}
    assert deliver(rt, wp.body("message_status", "read")) == {"statuses": 1}
    drain(rt)
    assert len(graph.sent) == 6 and rt.worker.dalil.calls == []
    assert all("notes vocales" in s.text and "أوديو" in s.text for s in graph.sent)


def test_a_button_reply_continues_with_the_full_title_in_the_same_session(config, graph, engine) -> None:  # type: ignore[no-untyped-def]
    rt = runtime(config, engine)
    deliver(rt, wp.text("je veux choisir"))
    drain(rt)
    assert graph.sent[0].payload["type"] == "interactive"
    button = graph.sent[0].payload["interactive"]["action"]["buttons"][0]["reply"]
    deliver(rt, wp.button_reply(button["id"], button["title"]))
    drain(rt)
    (_, session_1, _), (second, session_2, lang) = rt.worker.dalil.calls
    assert second == "Renouvellement CNIE" and session_1 == session_2 and lang == "fr"
    assert session_1.startswith("wa-") and wp.SENDER not in session_1


def test_a_voice_note_whose_media_cannot_be_fetched_gets_an_apology(config, graph, engine) -> None:  # type: ignore[no-untyped-def]
    rt = runtime(config, engine)
    graph.add_media("1101", b"OggS" + b"\0" * 100)
    graph.media_plan.extend(["500"] * 5)
    deliver(rt, wp.voice("1101"))
    drain(rt, seconds=5)
    assert len(graph.sent) == 1 and "note vocale" in graph.sent[0].text
    assert rt.inbox.counts() == {"failed": 1}
    assert len([r for r in graph.requests if r[1] == "/files/1101"]) == FAST.max_answer_attempts


def test_a_voice_note_without_a_usable_media_id_gets_an_apology_and_no_request(config, graph, engine) -> None:  # type: ignore[no-untyped-def]
    rt = runtime(config, engine)
    data = wp.voice("1")
    data["entry"][0]["changes"][0]["value"]["messages"][0]["audio"]["id"] = "../../admin?x=1#"
    deliver(rt, data)
    drain(rt)
    assert len(graph.sent) == 1 and "note vocale" in graph.sent[0].text
    assert [r for r in graph.requests if r[0] == "GET"] == []


def test_inbound_kinds_are_stored_with_their_fields(config, engine) -> None:  # type: ignore[no-untyped-def]
    rt = runtime(config, engine)
    message = Inbound("wamid.X", wp.SENDER, InboundKind.VOICE, media_id="1109", mime_type="audio/ogg", subtype="voice")
    assert rt.inbox.accept(message) == "new" and rt.inbox.accept(message) == "duplicate"
    row = rt.inbox.claim(5)
    assert row is not None and (row.kind, row.media_id, row.subtype) == ("voice", "1109", "voice")


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        ([("no_speech", "no speech detected: record your question again")], "pas entendu"),
        ([("too_long", "the recording lasts 130 s; the limit is 120 s")], "trop longue"),
        ([("unsupported", "unsupported audio format")], "pas pu écouter"),
        ([("busy", "speech recognition is busy"), None], "Réponse"),  # busy: retried, then answered
    ],
)
def test_voice_note_outcomes(config, graph, engine, errors, expected) -> None:  # type: ignore[no-untyped-def]
    heard = Transcript("renouveler ma CNIE AB123456", "fr", 3.0)
    dalil = StubDalil(transcripts=[AudioError(*e) if e else heard for e in errors])
    rt = runtime(config, engine, dalil)
    graph.add_media("1102", b"OggS" + b"\0" * 100)
    deliver(rt, wp.voice("1102"))
    drain(rt, seconds=5)
    [reply] = graph.sent
    assert expected in reply.text
    if expected == "Réponse":
        assert "J'ai compris" in reply.text and "AB123456" not in reply.text  # echoed and answered redacted


def _heard_unsure(config, graph, engine, dalil: StubDalil):  # type: ignore[no-untyped-def]
    rt = runtime(config, engine, dalil)
    graph.add_media("1103", b"OggS" + b"\0" * 100)
    deliver(rt, wp.voice("1103"))
    drain(rt)
    [question] = graph.sent
    return rt, question


def test_a_voice_note_heard_unsure_asks_before_answering(config, graph, engine) -> None:  # type: ignore[no-untyped-def]
    unsure = Transcript("renouveler ma carte AB123456", "fr", 3.0, 1.0, avg_logprob=-1.4)
    dalil = StubDalil(transcripts=[unsure])
    rt, question = _heard_unsure(config, graph, engine, dalil)
    assert dalil.calls == []  # nothing answered yet
    assert question.payload["type"] == "interactive"
    assert "J'ai compris" in question.text and "renouveler ma carte" in question.text
    assert "AB123456" not in question.text  # what is echoed is the redacted transcript
    yes, retype = question.payload["interactive"]["action"]["buttons"]
    assert (yes["reply"]["title"], retype["reply"]["title"]) == ("Oui", "Je le réécris")
    assert dalil.transcribed_in[0] and dalil.transcribed_in[0].startswith("wa-")  # the session's language helps

    deliver(rt, wp.button_reply(yes["reply"]["id"], "Oui"))
    drain(rt)
    [(message, session, _)] = dalil.calls
    assert message.startswith("renouveler ma carte") and "AB123456" not in message
    assert session == dalil.transcribed_in[0]
    assert "Réponse" in graph.sent[1].text


def test_retype_asks_the_citizen_to_write(config, graph, engine) -> None:  # type: ignore[no-untyped-def]
    dalil = StubDalil(transcripts=[Transcript("passe port", "fr", 2.0, 1.0, avg_logprob=-1.6)])
    rt, question = _heard_unsure(config, graph, engine, dalil)
    _, retype = question.payload["interactive"]["action"]["buttons"]
    deliver(rt, wp.button_reply(retype["reply"]["id"], retype["reply"]["title"]))
    drain(rt)
    assert dalil.calls == [] and "écrivez votre question" in graph.sent[1].text


def test_another_senders_tap_never_answers_a_note_that_is_not_theirs(config, graph, engine) -> None:  # type: ignore[no-untyped-def]
    dalil = StubDalil(transcripts=[Transcript("mon casier judiciaire", "fr", 2.0, 1.0, avg_logprob=-1.6)])
    rt, question = _heard_unsure(config, graph, engine, dalil)
    yes, _ = question.payload["interactive"]["action"]["buttons"]
    deliver(rt, wp.button_reply(yes["reply"]["id"], "Oui", sender="212600000000"))
    deliver(rt, wp.button_reply("heard:999", "Oui"))  # no such note
    drain(rt)
    assert dalil.calls == []
    assert all("ne retrouve plus ce message vocal" in s.text for s in graph.sent[1:]) and len(graph.sent) == 3


def test_a_voice_note_heard_surely_is_answered_with_its_transcript(config, graph, engine) -> None:  # type: ignore[no-untyped-def]
    dalil = StubDalil(transcripts=[Transcript("renouveler mon passeport", "fr", 2.0, 1.0, avg_logprob=-0.2)])
    _, reply = _heard_unsure(config, graph, engine, dalil)
    assert reply.text.startswith("🎙️ J'ai compris : _« renouveler mon passeport »_") and "Réponse" in reply.text
    assert [m for m, _, _ in dalil.calls] == ["renouveler mon passeport"]
