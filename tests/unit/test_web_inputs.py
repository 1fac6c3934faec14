"""What the API accepts, on a whole application with fakes (review findings 10, 11, 12, 16): lone
surrogates, strict ratings, cleaned comments, procedure ids matched whole and short, and an OpenAPI
document that says all of it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.config import ROOT
from tests.fakes import fake_parts, fake_settings
from web.app import create_app

TOKEN = "t" * 40
ADMIN = {"authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs") / "knowledge"
    shutil.copytree(ROOT / "knowledge", folder)
    return folder


@pytest.fixture(scope="module")
def client(knowledge: Path) -> Iterator[TestClient]:
    settings = fake_settings(
        knowledge.parent / "data", knowledge_dir=knowledge, web_rate_limit=0, admin_token=TOKEN, api_docs=True
    )
    with TestClient(create_app(settings, fake_parts(settings)), raise_server_exceptions=False) as test_client:
        yield test_client


def post_json(client: TestClient, path: str, text: str):  # type: ignore[no-untyped-def]
    return client.post(path, content=text.encode(), headers={"content-type": "application/json"})


# --- 10: lone surrogates ------------------------------------------------------------------------


def test_a_lone_surrogate_is_a_422_not_a_technical_problem(client: TestClient) -> None:
    r = post_json(client, "/api/chat", '{"message": "passeport \\ud800"}')
    assert r.status_code == 422 and "surrogate" in r.json()["detail"]
    answer = client.post("/api/chat", json={"message": "casier judiciaire"}).json()
    body = '{"session_id": "%s", "answer_id": "%s", "rating": 1, "comment": "merci \\udfff"}'
    r = post_json(client, "/api/feedback", body % (answer["session_id"], answer["answer_id"]))
    assert r.status_code == 422 and "surrogate" in r.json()["detail"]


@pytest.mark.parametrize("message", ["\u200b\u200b", "\x00", "\u3000\n", "\ufeff"])
def test_a_message_nobody_can_see_is_empty(client: TestClient, message: str) -> None:
    r = client.post("/api/chat", json={"message": message})
    assert r.status_code == 422 and "empty" in r.json()["detail"]


# --- 11: feedback that counts once, from a real rating ------------------------------------------


@pytest.mark.parametrize("rating", [True, 1.0, "1", 0, 2])
def test_a_rating_is_the_integer_1_or_minus_1(client: TestClient, rating: object) -> None:
    answer = client.post("/api/chat", json={"message": "casier judiciaire"}).json()
    r = client.post(
        "/api/feedback", json={"session_id": answer["session_id"], "answer_id": answer["answer_id"], "rating": rating}
    )
    assert r.status_code == 422 and "rating" in r.json()["detail"]


def test_a_comment_is_stored_without_control_characters(client: TestClient) -> None:
    answer = client.post("/api/chat", json={"message": "casier judiciaire"}).json()
    r = client.post(
        "/api/feedback",
        json={
            "session_id": answer["session_id"],
            "answer_id": answer["answer_id"],
            "rating": -1,
            "comment": "pas\x00 clair\x1b, mon tel ٠٦٦١٢٣٤٥٦٩",
        },
    )
    assert r.status_code == 201
    rows = [row for row in client.app.state.dalil.recent_feedback() if row["answer_id"] == answer["answer_id"]]  # type: ignore[attr-defined]
    assert rows[0]["comment"] == "pas clair, mon tel [PHONE]"


# --- 12: procedure ids ---------------------------------------------------------------------------


@pytest.mark.parametrize("pid", ["sec-test%0A", "a" * 300, "a" * 5000, "CNIE", "x..y"])
def test_an_odd_procedure_id_is_a_422_and_never_a_file(client: TestClient, knowledge: Path, pid: str) -> None:
    text = (knowledge / "procedures" / "cnie-renewal.yaml").read_text(encoding="utf-8")
    text = text.replace("id: cnie-renewal", 'id: "sec-test\\n"')
    assert client.put(f"/admin/procedures/{pid}", headers=ADMIN, content=text.encode()).status_code == 422
    assert client.get(f"/api/procedures/{pid}").status_code == 422
    assert client.delete(f"/admin/procedures/{pid}", headers=ADMIN).status_code == 422
    assert client.get(f"/admin/procedures/{pid}/history", headers=ADMIN).status_code == 422
    assert sorted(p.name for p in (knowledge / "procedures").iterdir() if not p.name.endswith(".yaml")) == []


def test_an_id_with_a_final_newline_in_the_file_is_refused(client: TestClient, knowledge: Path) -> None:
    text = (knowledge / "procedures" / "cnie-renewal.yaml").read_text(encoding="utf-8")
    text = text.replace("id: cnie-renewal", 'id: "sec-test\\n"')
    r = client.put("/admin/procedures/sec-test", headers=ADMIN, content=text.encode())
    assert r.status_code == 422 and "id" in r.json()["detail"]
    assert not (knowledge / "procedures" / "sec-test.yaml").exists()


# --- 16: the OpenAPI document describes the API ----------------------------------------------------


def test_the_schema_publishes_the_refusals_and_the_limits(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    chat = schema["paths"]["/api/chat"]["post"]["responses"]
    problem = {"$ref": "#/components/schemas/Problem"}
    assert chat["422"]["content"]["application/json"]["schema"] == problem
    assert {"400", "413", "422", "429"} <= set(chat)
    assert "404" in schema["paths"]["/api/feedback"]["post"]["responses"]
    assert "404" in schema["paths"]["/api/procedures/{procedure_id}"]["get"]["responses"]
    request = schema["components"]["schemas"]["ChatRequest"]["properties"]["message"]
    assert request["minLength"] == 1 and request["maxLength"] == 2000 and request["pattern"]
    rating = schema["components"]["schemas"]["FeedbackRequest"]["properties"]["rating"]
    assert rating["enum"] == [1, -1] and rating["type"] == "integer"
    r = client.post("/api/chat", json={})
    assert r.status_code == 422 and isinstance(r.json()["detail"], str)
    assert json.dumps(schema)  # serialisable as it is served
