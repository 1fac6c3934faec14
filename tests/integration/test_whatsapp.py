"""WhatsApp end to end against the protocol: signed webhook bodies in Meta's shapes go into the real
app (real index, real pipeline, real Whisper for voice notes), and a local Graph API on 127.0.0.1
records what Dalil sends, serves the voice notes (OGG/Opus made with espeak-ng + ffmpeg) and fails
on demand. Latencies (webhook POST -> Graph send) are written to test-artifacts/whatsapp_latency.json."""

from __future__ import annotations

import json
import random
import shutil
import statistics
import subprocess
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bot.app import Parts
from bot.channels.whatsapp.config import WhatsAppConfig
from bot.channels.whatsapp.runtime import WhatsAppRuntime
from bot.channels.whatsapp.worker import WorkerOptions
from bot.config import ROOT, Settings
from bot.database import open_database
from tests import whatsapp_payloads as wp
from tests.conftest import make_settings
from tests.fake_graph import FakeGraph

pytestmark = pytest.mark.integration

VERIFY = "verify-me"
QUICK = WorkerOptions(lease_s=1.0, send_lease_s=2.5, backoff_base_s=0.2, backoff_cap_s=1.0, poll_s=0.05)
LATENCY_FILE = ROOT / "test-artifacts" / "whatsapp_latency.json"
PASSPORT_URL = "https://www.passeport.ma"


class Crash(BaseException):
    """The worker process dying: not an Exception, so the worker cannot catch it."""


# --- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph() -> Iterator[FakeGraph]:
    server = FakeGraph(phone_number_id=wp.PHONE_ID).start()
    yield server
    server.stop()


@pytest.fixture
def sender() -> str:
    # A new citizen per test: conversations live in the shared session database.
    return f"2126{random.randrange(10**7, 10**8)}"


@pytest.fixture
def wa_settings(tmp_path: Path, graph: FakeGraph) -> Settings:
    graph.reset()
    return make_settings(
        tmp_path,  # its own SQLite file: this test's inbox and outbox only
        whatsapp_token=graph.token,
        whatsapp_app_secret=wp.SECRET,
        whatsapp_verify_token=VERIFY,
        whatsapp_phone_number_id=wp.PHONE_ID,
        whatsapp_api_base=graph.base_url,
    )


def _client(settings: Settings, parts: Parts) -> TestClient:
    from web.app import create_app

    return TestClient(create_app(settings, replace(parts, whatsapp_options=QUICK)))


@pytest.fixture
def wa(wa_settings: Settings, parts: Parts) -> Iterator[TestClient]:
    with _client(wa_settings, parts) as test_client:
        yield test_client


def post(client: TestClient, data: dict[str, Any]) -> float:
    """Deliver one signed webhook body; return when it was sent (time.monotonic)."""
    raw, headers = wp.signed(data)
    started = time.monotonic()
    response = client.post("/webhooks/whatsapp", content=raw, headers=headers)
    assert response.status_code == 200, response.text
    return started


def settle(graph: FakeGraph, count: int, timeout_s: float = 60.0, quiet_s: float = 1.5) -> list[Any]:
    """Wait for ``count`` sent messages, then make sure no more arrive."""
    sent = graph.wait_for(count, timeout_s)
    time.sleep(quiet_s)
    assert len(graph.sent) == count, [s.text[:80] for s in graph.sent]
    return sent


def record_latency(name: str, values_ms: list[float]) -> None:
    LATENCY_FILE.parent.mkdir(parents=True, exist_ok=True)
    data = json.loads(LATENCY_FILE.read_text()) if LATENCY_FILE.exists() else {}
    data[name] = {
        "n": len(values_ms),
        "median_ms": round(statistics.median(values_ms), 1),
        "max_ms": round(max(values_ms), 1),
        "runs_ms": [round(v, 1) for v in values_ms],
    }
    LATENCY_FILE.write_text(json.dumps(data, indent=2))
    print(f"\n{name}: median {statistics.median(values_ms):.0f} ms over {len(values_ms)} ({values_ms})")


# --- configuration, handshake, signatures ----------------------------------------------------


def test_without_configuration_the_webhook_is_503_and_dalil_runs(client: TestClient) -> None:
    for response in (
        client.get(
            "/webhooks/whatsapp", params={"hub.mode": "subscribe", "hub.verify_token": "x", "hub.challenge": "1"}
        ),
        client.post("/webhooks/whatsapp", content=b"{}"),
    ):
        assert response.status_code == 503
        assert "DALIL_WHATSAPP_TOKEN" in response.json()["detail"]
    assert client.get("/health").status_code == 200
    assert client.post("/api/chat", json={"message": "passeport"}).status_code == 200


def test_verification_handshake(wa: TestClient) -> None:
    ok = wa.get(
        "/webhooks/whatsapp",
        params={"hub.mode": "subscribe", "hub.verify_token": VERIFY, "hub.challenge": "1158201444"},
    )
    assert (ok.status_code, ok.text) == (200, "1158201444")
    assert ok.headers["content-type"].startswith("text/plain")
    for params in (
        {"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"},
        {"hub.mode": "unsubscribe", "hub.verify_token": VERIFY, "hub.challenge": "1"},
        {"hub.challenge": "1"},
    ):
        assert wa.get("/webhooks/whatsapp", params=params).status_code == 403


def test_only_correctly_signed_deliveries_are_processed(wa: TestClient, graph: FakeGraph, sender: str) -> None:
    data = wp.text("comment renouveler mon passeport", sender=sender)
    raw, headers = wp.signed(data)
    unsigned = {"Content-Type": "application/json"}
    assert wa.post("/webhooks/whatsapp", content=raw, headers=unsigned).status_code == 401
    wrong_secret = wp.signed(data, secret="not-the-app-secret")[1]
    assert wa.post("/webhooks/whatsapp", content=raw, headers=wrong_secret).status_code == 403
    tampered = raw.replace(b"passeport", b"permis de")
    assert wa.post("/webhooks/whatsapp", content=tampered, headers=headers).status_code == 403
    huge = b'{"object": "whatsapp_business_account", "entry": []}' + b" " * 2_000_000
    assert wa.post("/webhooks/whatsapp", content=huge, headers=wp.signed({})[1]).status_code == 413
    time.sleep(1.0)
    assert graph.sent == []  # nothing refused was stored or answered
    assert wa.post("/webhooks/whatsapp", content=raw, headers=headers).status_code == 200
    [reply] = settle(graph, 1)
    assert reply.to == sender and PASSPORT_URL in reply.text


# --- durability: duplicates, Graph failures, crashes ----------------------------------------


def test_the_same_delivery_three_times_gets_one_reply(wa: TestClient, graph: FakeGraph, sender: str) -> None:
    data = wp.text("comment renouveler mon passeport", sender=sender)
    raw, headers = wp.signed(data)
    bodies = [wa.post("/webhooks/whatsapp", content=raw, headers=headers).json() for _ in range(3)]
    assert [b.get("new", 0) for b in bodies] == [1, 0, 0]
    assert [b.get("duplicate", 0) for b in bodies] == [0, 1, 1]
    [reply] = settle(graph, 1)
    assert PASSPORT_URL in reply.text


def test_a_graph_500_then_success_delivers_the_reply_once(wa: TestClient, graph: FakeGraph, sender: str) -> None:
    graph.fail("500")
    post(wa, wp.text("comment renouveler mon passeport", sender=sender))
    [reply] = settle(graph, 1)
    sends = [status for method, _, status in graph.requests if method == "POST"]
    assert sends == [500, 200] and PASSPORT_URL in reply.text


def test_throttling_and_a_slow_graph_still_deliver_once(wa: TestClient, graph: FakeGraph, sender: str) -> None:
    graph.fail("429", "slow:2")
    post(wa, wp.text("comment renouveler mon passeport", sender=sender))
    settle(graph, 1, quiet_s=2.0)
    assert [s for m, _, s in graph.requests if m == "POST"] == [429, 200]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")  # the simulated crash
@pytest.mark.parametrize("step", ["claimed", "answered", "sending"])
def test_a_worker_killed_mid_answer_is_finished_once_after_restart(
    wa_settings: Settings, dalil: Any, parts: Parts, graph: FakeGraph, sender: str, step: str
) -> None:
    config = WhatsAppConfig.from_settings(wa_settings)
    assert config is not None
    crashed: list[str] = []

    def die(at: str, row_id: int) -> None:
        if at == step:
            crashed.append(at)
            raise Crash(at)

    engine = open_database(wa_settings.sqlite_url)
    first = WhatsAppRuntime(config, dalil, engine, options=QUICK, checkpoint=die)
    first.start()
    raw, headers = wp.signed(wp.text("comment renouveler mon passeport", sender=sender))
    assert first.receive(raw, headers)["new"] == 1
    deadline = time.monotonic() + 30
    while not crashed and time.monotonic() < deadline:
        time.sleep(0.02)
    assert crashed == [step]
    first.stop()  # the rest of the "process" goes down with it
    assert graph.sent == []

    with _client(wa_settings, parts):  # the service restarts on the same database
        [reply] = settle(graph, 1, quiet_s=2.0)
    assert reply.to == sender and PASSPORT_URL in reply.text
    assert first.inbox.counts() == {"done": 1} and first.outbox.counts() == {"sent": 1}


# --- content: clarification buttons, unsupported types, voice notes ------------------------


def _clarifying_question(dalil: Any) -> str:
    for question in ("carte nationale", "permis de conduire", "acte de naissance", "passeport", "carte grise"):
        if dalil.answer(question, None).status.value == "clarification":
            return question
    raise AssertionError("no candidate question gets a clarification from this knowledge base")


def test_a_button_reply_continues_the_clarification(wa: TestClient, graph: FakeGraph, dalil: Any, sender: str) -> None:
    post(wa, wp.text(_clarifying_question(dalil), sender=sender))
    [question] = settle(graph, 1)
    interactive = question.payload["interactive"]
    assert question.payload["type"] == "interactive" and "https://" in interactive["body"]["text"]
    if interactive["type"] == "button":
        choices = [b["reply"] for b in interactive["action"]["buttons"]]
        assert 2 <= len(choices) <= 3 and all(len(c["title"]) <= 20 for c in choices)
    else:
        choices = interactive["action"]["sections"][0]["rows"]
        assert 2 <= len(choices) <= 10 and all(len(c["title"]) <= 24 for c in choices)
    chosen = choices[-1]
    graph.reset()
    tap = wp.button_reply if interactive["type"] == "button" else wp.list_reply
    post(wa, tap(chosen["id"], chosen["title"], sender=sender))
    [answer] = settle(graph, 1)
    procedure = dalil.procedure(chosen["id"])
    assert procedure.primary_url in answer.text
    assert procedure.title.fr in answer.text  # the chosen procedure's answer, not another clarification


def test_an_answer_is_short_with_a_details_button_that_sends_the_card(
    wa: TestClient, graph: FakeGraph, dalil: Any, sender: str
) -> None:
    post(wa, wp.text("combien coûte l'attestation de résidence fiscale ?", sender=sender))
    [short] = settle(graph, 1)
    procedure = dalil.procedure("attestation-residence-fiscale")
    interactive = short.payload["interactive"]
    assert short.payload["type"] == "interactive" and interactive["type"] == "button"
    body = interactive["body"]["text"]
    assert body.startswith("*Frais*") and procedure.primary_url in body and len(body) <= 1024
    [button] = [b["reply"] for b in interactive["action"]["buttons"]]
    assert button == {"id": f"details:{procedure.id}", "title": "Plus de détails"}
    graph.reset()
    post(wa, wp.button_reply(button["id"], button["title"], sender=sender))
    card = settle(graph, 1)[0]
    assert card.payload["type"] == "text" and procedure.summary.fr[:50] in card.text
    assert procedure.documents[0].fr[:40] in card.text and procedure.primary_url in card.text


@pytest.mark.parametrize("case", ["image", "static_sticker", "chosen_location", "contacts", "reaction", "unsupported"])
def test_unsupported_messages_get_a_polite_hint(wa: TestClient, graph: FakeGraph, sender: str, case: str) -> None:
    post(wa, wp.body("message", case, sender=sender))
    [reply] = settle(graph, 1, quiet_s=0.5)
    assert "notes vocales" in reply.text and reply.to == sender


def test_statuses_and_reactions_are_acknowledged_not_answered(wa: TestClient, graph: FakeGraph, sender: str) -> None:
    for family, case in [
        ("message_status", "delivered"),
        ("message_status", "failed"),
        ("message", "unreaction_empty"),
        ("deleted_message", "revoke"),
        ("system", "identity_change"),
    ]:
        post(wa, wp.body(family, case, sender=sender))
    time.sleep(1.0)
    assert graph.sent == []


def test_text_latency(wa: TestClient, graph: FakeGraph, sender: str) -> None:
    questions = [
        "comment renouveler mon passeport",
        "extrait d'acte de naissance",
        "bghit njdded lbtaka dyali",
        "casier judiciaire",
        "كيف أجدد رخصة السياقة",
    ]
    latencies = []
    for i, question in enumerate(questions):
        started = post(wa, wp.text(question, sender=f"{sender[:-1]}{i}"))
        first = graph.first_to(f"{sender[:-1]}{i}")  # a Darija answer has a second part (the «Français» button)
        latencies.append((first.at - started) * 1000)
    record_latency("text", latencies)
    assert statistics.median(latencies) < 3000


@pytest.fixture(scope="module")
def voice_notes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    if not (shutil.which("espeak-ng") and shutil.which("ffmpeg")):
        pytest.fail("espeak-ng and ffmpeg are needed for the voice-note tests (make system-deps)")
    folder = tmp_path_factory.mktemp("voice")
    notes = {
        # ~7 s of speech padded to a 10 s note, as WhatsApp records them (OGG/Opus, mono).
        "passport_10s": (
            "fr",
            "Bonjour. Je voudrais renouveler mon passeport biométrique. "
            "Quels sont les documents à fournir et combien ça coûte ?",
            10.0,
        ),
        "long": ("fr", "Je voudrais renouveler mon passeport.", 130.0),
    }
    out: dict[str, bytes] = {}
    for name, (voice, words, pad) in notes.items():
        wav, ogg = folder / f"{name}.wav", folder / f"{name}.ogg"
        subprocess.run(["espeak-ng", "-v", voice, "-s", "140", "-w", str(wav), words], check=True)
        pad_filter = ["-af", f"apad=whole_dur={pad}"] if pad else []
        subprocess.run(
            [
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-i",
                str(wav),
                *pad_filter,
                "-ac",
                "1",
                "-c:a",
                "libopus",
                "-b:a",
                "24k",
                "-application",
                "voip",
                str(ogg),
            ],
            check=True,
        )
        out[name] = ogg.read_bytes()
    return out


def test_a_voice_note_is_answered_with_the_right_procedure(
    wa: TestClient, graph: FakeGraph, voice_notes: dict[str, bytes], sender: str
) -> None:
    graph.add_media("2001", voice_notes["passport_10s"])
    cold = post(wa, wp.voice("2001", sender=sender))  # the first note also loads Whisper
    [first] = settle(graph, 1, timeout_s=180, quiet_s=0.5)
    assert first.text.startswith("🎙️") and "passeport" in first.text.lower()
    assert ("GET", "/v21.0/2001", 200) in graph.requests
    assert ("GET", "/files/2001", 200) in graph.requests
    # With the thresholds calibrated on espeak-ng's voice, most notes are confirmed first: "Oui" answers.
    assert PASSPORT_URL in _after_confirmation(wa, graph, first, sender).text

    runs = []
    for i in range(3):
        graph.reset()
        started = post(wa, wp.voice("2001", sender=f"{sender[:-1]}{i}"))
        [reply] = settle(graph, 1, timeout_s=120, quiet_s=0.3)
        runs.append((reply.at - started) * 1000)
        assert "passeport" in reply.text.lower()
    record_latency("voice_10s", runs)
    record_latency("voice_cold_first", [(first.at - cold) * 1000])


def _after_confirmation(wa: TestClient, graph: FakeGraph, reply: Any, sender: str) -> Any:
    """The answer itself: ``reply`` when it is one, else what tapping "Oui" under "J'ai compris…" brings."""
    if "J'ai compris" not in reply.text:
        return reply
    yes = reply.payload["interactive"]["action"]["buttons"][0]["reply"]
    graph.reset()
    post(wa, wp.button_reply(yes["id"], yes["title"], sender=sender))
    [answer] = settle(graph, 1, timeout_s=120, quiet_s=0.3)
    return answer


def test_voice_notes_over_the_limits_get_a_notice(
    wa: TestClient, graph: FakeGraph, voice_notes: dict[str, bytes], sender: str, dalil: Any
) -> None:
    assert len(voice_notes["long"]) < dalil.settings.max_audio_bytes
    graph.add_media("2002", voice_notes["long"])  # 130 s > max_audio_seconds (120)
    post(wa, wp.voice("2002", sender=sender))
    [reply] = settle(graph, 1, timeout_s=60, quiet_s=0.3)
    assert "trop longue" in reply.text

    graph.reset()
    graph.add_media("2003", b"OggS" + b"\0" * (dalil.settings.max_audio_bytes + 10))
    post(wa, wp.voice("2003", sender=sender))
    [reply] = settle(graph, 1, timeout_s=30, quiet_s=0.3)
    assert "trop longue" in reply.text
    assert not any(path == "/files/2003" for _, path, _ in graph.requests)  # never downloaded
