"""Publishing that cannot break the service, through the console's own application (recording fakes):
a publish that fails while the new version is built, or while it is recorded, leaves the files and the
version serving as they were; /health names the version and when it was published; a change made in
git goes through the same gate and switch with ``POST /admin/reload`` and a publisher's personal token."""

from __future__ import annotations

from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from bot.app import Parts
from bot.coordination import Lease
from bot.errors import StoreUnavailable
from tests.admin_helpers import add_people, console_settings, form_of, login
from tests.fakes import FakeEmbedder, FakeVectorStore
from web.app import create_app

PID = "criminal-record"
QUESTION = "Comment obtenir un extrait de casier judiciaire ?"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """An application of its own: these tests publish and remove a procedure."""
    root = tmp_path_factory.mktemp("publish")
    # A smaller gate than the console's tests: the held-out fold only (a removed procedure still blocks).
    settings = console_settings(root, embedding_cache_dir=root / "cache", gate_dev_set=None, gate_off_topic_every=500)
    with TestClient(create_app(settings, Parts(embedder=FakeEmbedder(), store=FakeVectorStore()))) as client:
        add_people(client)
        yield client


def _path(client: TestClient, pid: str) -> Path:
    return Path(client.app.state.dalil.settings.knowledge_dir) / "procedures" / f"{pid}.yaml"


def _submitted_draft(client: TestClient, note: str) -> str:
    csrf = login(client, "editor")
    url = client.post(f"/admin/procedures/{PID}/draft", data={"csrf": csrf}, follow_redirects=False)
    assert url.status_code == 303, url.text
    draft = url.headers["location"]
    form = form_of(client.get(draft).text) | {"csrf": csrf, "op": "submit"}
    form["notes.1.fr"] = form["notes.1.fr"] + note
    assert client.post(draft, data=form, follow_redirects=False).status_code == 303
    return draft


def test_a_publish_that_fails_leaves_the_previous_version_serving(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    dalil = client.app.state.dalil
    publisher = dalil.console.publisher
    before_file, before_version = _path(client, PID).read_text(encoding="utf-8"), publisher.holder.version
    draft = _submitted_draft(client, " Guichet ouvert le samedi.")
    csrf = login(client, "publisher")

    def store_away(*_: object, **__: object) -> None:
        raise StoreUnavailable("the vector store went away")

    monkeypatch.setattr(publisher.store, "upsert", store_away)  # the candidate cannot be built
    failed = client.post(draft + "/publish", data={"csrf": csrf})
    assert failed.status_code == 503 and failed.headers["retry-after"] == "60"  # never a 500: come back later
    assert "rien n'a changé, la version précédente reste en service" in unescape(failed.text)  # the admin's language
    assert "nothing changed" in failed.text  # and the detail, for the record
    client.cookies.set("dalil_admin_lang", "ar", path="/admin")
    failed = client.post(draft + "/publish", data={"csrf": csrf})
    assert failed.status_code == 503 and "النسخة السابقة ما تزال في الخدمة" in failed.text
    client.cookies.delete("dalil_admin_lang", path="/admin")
    answer = client.post("/api/chat", json={"message": QUESTION}).json()
    assert PID in str(answer["sources"]) and "samedi" not in answer["details"]  # the version serving answers
    monkeypatch.undo()

    def database_refuses(*_: object, **__: object) -> None:
        raise OperationalError("INSERT INTO kb_versions", {}, Exception("database is locked"))

    monkeypatch.setattr(publisher.versions, "publish", database_refuses)  # built, written, not recorded
    failed = client.post(draft + "/publish", data={"csrf": csrf})
    assert failed.status_code == 503 and "nothing changed" in failed.text and failed.headers["retry-after"]
    monkeypatch.undo()

    assert _path(client, PID).read_text(encoding="utf-8") == before_file  # the file was put back
    assert publisher.holder.version == before_version
    assert "samedi" not in str(client.get(f"/api/procedures/{PID}").json()["notes"])
    assert client.get(draft).status_code == 200 and "samedi" in client.get(draft).text  # the draft waits

    published = client.post(draft + "/publish", data={"csrf": csrf})
    assert published.status_code == 200, published.text
    assert "samedi" in str(client.get(f"/api/procedures/{PID}").json()["notes"])
    assert "samedi" in client.post("/api/chat", json={"message": QUESTION}).json()["details"]
    health = client.get("/health").json()
    assert health["knowledge_version"] == publisher.holder.version != before_version
    assert health["knowledge_published_at"]  # recorded in kb_versions, which every worker follows


def test_a_change_made_in_git_goes_through_the_gate_and_the_switch(client: TestClient) -> None:
    accounts = client.app.state.dalil.console.accounts
    token = accounts.create_token(accounts.by_name("salma"), "ci")  # a publisher's personal token
    bearer = {"Authorization": f"Bearer {token}"}
    client.cookies.clear()  # a script: no console session
    version = client.get("/health").json()["knowledge_version"]
    unchanged = client.post("/admin/reload", headers=bearer, json={})
    assert unchanged.status_code == 200 and unchanged.json()["changed"] == []
    assert client.get("/health").json()["knowledge_version"] == version  # nothing changed: the version stays

    path = _path(client, PID)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["verified_on"] = "2026-12-02"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    edited = client.post("/admin/reload", headers=bearer, json={})
    assert edited.status_code == 200, edited.text
    assert edited.json()["changed"] == [PID] and edited.json()["gate"] is not None
    assert client.get(f"/api/procedures/{PID}").json()["verified_on"] == "2026-12-02"
    assert client.get("/health").json()["knowledge_version"] != version

    gone = _path(client, "passport-renewal")
    gone.unlink()  # a procedure removed in git: its citizens' questions lose their answer
    blocked = client.post("/admin/reload", headers=bearer, json={})
    assert blocked.status_code == 409 and blocked.json()["gate"]["changed"], blocked.text
    assert client.get("/api/procedures/passport-renewal").status_code == 200  # still serving
    overridden = client.post("/admin/reload", headers=bearer, json={"override": "retired by the ministry"})
    assert overridden.status_code == 200 and overridden.json()["changed"] == ["passport-renewal"]
    assert client.get("/api/procedures/passport-renewal").status_code == 404
    entries = client.app.state.dalil.console.audit.entries(20, actor="salma", action="gate_override")
    assert entries and "retired by the ministry" in entries[0].detail


def test_a_publish_while_another_process_publishes_is_refused_with_a_reason(client: TestClient) -> None:
    """Another worker (or the server a ``dalil publish`` asked) holds the publish lease: the console and
    the API answer 409 with how long to wait, and nothing changes; once it ends, the publish goes on."""
    console = client.app.state.dalil.console
    other = Lease(console.drafts.engine, "publish", "another-worker:4242", ttl_s=120)
    draft = _submitted_draft(client, " Pièce d'identité en cours de validité.")
    assert other.acquire()
    try:
        csrf = login(client, "publisher")
        busy = client.post(draft + "/publish", data={"csrf": csrf})
        assert busy.status_code == 409 and 1 <= int(busy.headers["retry-after"]) <= 120
        assert "Une publication est déjà en cours" in unescape(busy.text)
        token = console.accounts.create_token(console.accounts.by_name("salma"), "ci-busy")
        client.cookies.clear()
        api = client.post("/admin/reload", headers={"Authorization": f"Bearer {token}"}, json={})
        assert api.status_code == 409 and "a publication is in progress" in api.json()["detail"]
        assert api.headers["retry-after"]
        assert "en cours de validité" not in str(client.get(f"/api/procedures/{PID}").json()["notes"])
    finally:
        other.release()
    csrf = login(client, "publisher")
    published = client.post(draft + "/publish", data={"csrf": csrf})
    assert published.status_code == 200, published.text
    assert "en cours de validité" in str(client.get(f"/api/procedures/{PID}").json()["notes"])
