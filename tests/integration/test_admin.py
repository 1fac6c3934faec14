"""Admin editing of the knowledge base: auth, validation, history and undo, with a real re-index."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from bot.config import ROOT
from ingest.index import run_index
from tests.conftest import make_settings
from web.app import create_app

pytestmark = pytest.mark.integration
SECRET = "an-admin-token-of-at-least-32-characters"
TOKEN = {"Authorization": f"Bearer {SECRET}", "X-Admin-User": "editor-dgsn"}


@pytest.fixture(scope="module")
def admin_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    root = tmp_path_factory.mktemp("admin")
    shutil.copytree(ROOT / "knowledge", root / "knowledge")
    settings = make_settings(root / "data", knowledge_dir=root / "knowledge", admin_token=SECRET)
    run_index(settings, progress=False)
    with TestClient(create_app(settings)) as client:
        yield client


def _yaml(client: TestClient, pid: str) -> dict:
    return yaml.safe_load(
        (Path(client.app.state.dalil.settings.knowledge_dir) / "procedures" / f"{pid}.yaml").read_text(encoding="utf-8")
    )


def test_admin_needs_the_token(admin_client: TestClient) -> None:
    assert admin_client.get("/admin/procedures/cnie-renewal/history").status_code == 401
    bad = {"Authorization": "Bearer nope"}
    assert admin_client.post("/admin/procedures/cnie-renewal/undo", headers=bad).status_code == 401


def test_an_invalid_edit_is_refused_and_nothing_changes(admin_client: TestClient) -> None:
    data = _yaml(admin_client, "cnie-renewal")
    data["fees"] = {"fr": "75 DH", "ar": "75 درهم", "sources": ["P-telecontact-cin"], "tier": "C"}
    r = admin_client.put(
        "/admin/procedures/cnie-renewal", headers=TOKEN, content=yaml.safe_dump(data, allow_unicode=True).encode()
    )
    assert r.status_code == 422 and "too weak" in r.json()["detail"]
    assert "fees" not in _yaml(admin_client, "cnie-renewal")
    assert admin_client.get("/admin/procedures/cnie-renewal/history", headers=TOKEN).json() == []


def test_edit_history_and_undo(admin_client: TestClient) -> None:
    data = _yaml(admin_client, "cnie-renewal")
    original = data["title"]["fr"]
    data["title"]["fr"] = "Renouveler sa carte nationale (CNIE)"
    r = admin_client.put(
        "/admin/procedures/cnie-renewal", headers=TOKEN, content=yaml.safe_dump(data, allow_unicode=True).encode()
    )
    assert r.status_code == 200 and r.json()["status"] == "update"
    assert admin_client.get("/api/procedures/cnie-renewal").json()["title"]["fr"].startswith("Renouveler sa")

    history = admin_client.get("/admin/procedures/cnie-renewal/history", headers=TOKEN).json()
    assert [h["action"] for h in history] == ["update"] and history[0]["author"] == "editor-dgsn"

    assert admin_client.post("/admin/procedures/cnie-renewal/undo", headers=TOKEN).status_code == 200
    assert admin_client.get("/api/procedures/cnie-renewal").json()["title"]["fr"] == original


def test_delete_then_undo_restores_the_procedure(admin_client: TestClient) -> None:
    assert admin_client.delete("/admin/procedures/life-certificate", headers=TOKEN).status_code == 200
    assert admin_client.get("/api/procedures/life-certificate").status_code == 404
    chat = admin_client.post("/api/chat", json={"message": "certificat de vie pour ma pension"}).json()
    assert "life-certificate" not in [s["id"] for s in chat["sources"]]
    assert admin_client.post("/admin/procedures/life-certificate/undo", headers=TOKEN).status_code == 200
    assert admin_client.get("/api/procedures/life-certificate").status_code == 200
