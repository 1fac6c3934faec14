"""The chat API contract end to end: real index (Chroma on disk), real embedder."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


def test_passport_renewal_returns_the_procedure_and_its_official_url(client) -> None:
    r = client.post("/api/chat", json={"message": "comment renouveler mon passeport", "session_id": None})
    assert r.status_code == 200
    body = r.json()
    assert set(body) >= {"session_id", "status", "language", "answer", "sources", "options", "abstained"}
    assert body["status"] == "answered" and body["abstained"] is False
    assert body["language"] == "fr"
    assert body["sources"][0]["id"] == "passport-renewal"
    assert body["sources"][0]["url"].startswith("https://")
    assert body["sources"][0]["url"] in body["answer"]  # the short answer names its official page
    assert "vérifié le" in body["details"] and body["details"].startswith("### ")  # the full card
    assert body["aspects"] == [] and len(body["answer"]) < len(body["details"])


def test_the_session_the_server_issued_is_kept(client) -> None:
    first = client.post("/api/chat", json={"message": "extrait d'acte de naissance", "session_id": None}).json()
    r = client.post("/api/chat", json={"message": "et ça coûte combien ?", "session_id": first["session_id"]})
    assert r.json()["session_id"] == first["session_id"]
    assert r.json()["sources"][0]["id"] == first["sources"][0]["id"]  # the follow-up stayed on its procedure


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        ({"message": ""}, "empty"),
        ({"message": "   \n "}, "empty"),
        ({"message": "x" * 2001}, "2,000"),
        ({"message": "bonjour", "lang": "en"}, "lang"),
        ({"session_id": "s"}, "message"),
        ({"message": "ok", "session_id": "bad id with spaces"}, "session_id"),
    ],
)
def test_bad_input_gets_a_clear_4xx(client, payload: dict, reason: str) -> None:
    r = client.post("/api/chat", json=payload)
    assert r.status_code == 422
    assert reason in r.json()["detail"]


def test_malformed_json_is_a_400(client) -> None:
    r = client.post("/api/chat", content=b'{"message": "x"', headers={"content-type": "application/json"})
    assert r.status_code == 400
    assert "not valid JSON" in r.json()["detail"]


def test_health_reports_the_index(client) -> None:
    r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["index_loaded"] is True and body["procedures"] >= 50


def test_procedure_card(client) -> None:
    r = client.get("/api/procedures/cnie-renewal")
    assert r.status_code == 200
    card = r.json()
    assert card["id"] == "cnie-renewal" and card["title"]["ar"] and card["official_urls"]
    assert client.get("/api/procedures/nope").status_code == 404


def test_security_headers(client) -> None:
    r = client.get("/health")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_feedback_is_stored(client, dalil) -> None:
    chat = client.post("/api/chat", json={"message": "casier judiciaire"}).json()
    r = client.post(
        "/api/feedback",
        json={
            "session_id": chat["session_id"],
            "answer_id": chat["answer_id"],
            "rating": 1,
            "comment": "merci, mon tel 0612345678",
        },
    )
    assert r.status_code == 201
    rows = [row for row in dalil.recent_feedback() if row["answer_id"] == chat["answer_id"]]
    assert rows and rows[0]["rating"] == 1 and "0612345678" not in rows[0]["comment"]
    missing = client.post("/api/feedback", json={"session_id": chat["session_id"], "answer_id": "nope", "rating": -1})
    assert missing.status_code == 404


def test_cli_ask_json(settings, monkeypatch, capsys) -> None:
    import json

    from bot.cli import main

    monkeypatch.setenv("DALIL_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("DALIL_EMBEDDING_CACHE_DIR", str(settings.embedding_cache_path))
    assert main(["ask", "comment renouveler mon passeport", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["sources"][0]["id"] == "passport-renewal" and out["status"] == "answered"
