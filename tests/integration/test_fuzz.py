"""The fuzz suite, bounded for ``make test`` (bench/fuzz.py is the long run): Schemathesis against the
app's own OpenAPI document for every public route with its default checks (no server error, statuses,
content types and bodies as documented, schema-valid data accepted, invalid data refused), then signed
WhatsApp deliveries of odd shapes and damaged audio files of every container. Real index, embedder and
Whisper; the Graph API is the local fake. The count of cases is written to test-artifacts/fuzz.json."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from bot.app import Parts
from bot.config import ROOT, Settings
from tests import whatsapp_payloads as wp
from tests.conftest import make_settings
from tests.fake_graph import FakeGraph
from tests.fuzz import damaged_audio, odd_webhook, signed_body
from web.app import create_app

pytestmark = pytest.mark.integration

CASES: Counter[str] = Counter()
ARTIFACT = ROOT / "test-artifacts" / "fuzz.json"
BOUNDED = settings(
    max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck), derandomize=True
)


def fuzz_settings(folder: Path, graph: FakeGraph, **overrides: object) -> Settings:
    """The service as deployed, with the API document on (the suite reads it) and web limits off (one
    client sends everything)."""
    base: dict[str, object] = {
        "api_docs": True,
        "web_rate_limit": 0,
        "log_level": "ERROR",
        "whatsapp_token": graph.token,
        "whatsapp_app_secret": wp.SECRET,
        "whatsapp_verify_token": "verify-token",
        "whatsapp_phone_number_id": wp.PHONE_ID,
        "whatsapp_api_base": graph.base_url,
    }
    return make_settings(folder, **(base | overrides))


@pytest.fixture(scope="module")
def graph() -> Iterator[FakeGraph]:
    server = FakeGraph(phone_number_id=wp.PHONE_ID).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory: pytest.TempPathFactory, graph: FakeGraph, parts: Parts):  # type: ignore[no-untyped-def]
    return create_app(fuzz_settings(tmp_path_factory.mktemp("fuzz"), graph), parts)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, graph: FakeGraph, parts: Parts) -> Iterator[TestClient]:
    with TestClient(create_app(fuzz_settings(tmp_path_factory.mktemp("fuzz-client"), graph), parts)) as test_client:
        yield test_client


@pytest.fixture(scope="module", autouse=True)
def report() -> Iterator[None]:
    yield
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_text(json.dumps({"cases": sum(CASES.values()), "by_target": dict(CASES)}, indent=2) + "\n")


# The document the server publishes (it depends on no setting but the switch that serves it). Every public
# route: /admin needs a token and is not the citizens' surface.
schema = schemathesis.openapi.from_dict(create_app(Settings(api_docs=True)).openapi()).exclude(path_regex="^/admin")


@schema.parametrize()
@BOUNDED
def test_the_api_keeps_its_documented_contract(case: Any, fuzz_app) -> None:  # type: ignore[no-untyped-def]
    CASES[f"{case.method} {case.path}"] += 1
    case.call_and_validate(app=fuzz_app)


@BOUNDED
@given(body=odd_webhook())
def test_signed_odd_webhooks_are_stored_or_refused(client: TestClient, body: Any) -> None:
    CASES["POST /webhooks/whatsapp (signed, odd shapes)"] += 1
    raw, headers = signed_body(body)
    r = client.post("/webhooks/whatsapp", content=raw, headers=headers)
    assert r.status_code in (200, 400), r.text


@BOUNDED
@given(audio=damaged_audio())
def test_damaged_audio_is_answered_or_refused_with_a_reason(client: TestClient, audio: bytes) -> None:
    CASES["POST /api/voice (damaged containers)"] += 1
    r = client.post("/api/voice", files={"audio": ("note", audio, "application/octet-stream")})
    assert r.status_code in (200, 400, 413, 415, 422), r.text
    assert r.status_code == 200 or r.json()["detail"]
