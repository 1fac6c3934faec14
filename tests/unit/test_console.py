"""The console's decisions through its pages, over a copy of the knowledge base with the recording
fakes (bag-of-words embedder, in-memory store): drafts, validation in the editor's language, review by
another person, the quality gate and its override, rollback, and a queue row turned into a fix."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from pydantic import SecretStr

from tests.admin_helpers import form_of, login


@pytest.fixture
def client(console_client: TestClient) -> TestClient:
    console_client.cookies.clear()
    return console_client


def _file(client: TestClient, pid: str) -> dict:
    folder = Path(client.app.state.dalil.settings.knowledge_dir) / "procedures"
    return yaml.safe_load((folder / f"{pid}.yaml").read_text(encoding="utf-8"))


def _draft(client: TestClient, pid: str, csrf: str) -> str:
    response = client.post(f"/admin/procedures/{pid}/draft", data={"csrf": csrf}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return response.headers["location"]


def test_the_editor_says_what_breaks_a_rule_beside_the_field_in_the_admins_language(client: TestClient) -> None:
    csrf = login(client, "editor")
    url = _draft(client, "residence-certificate", csrf)
    form = form_of(client.get(url).text)
    # The live preview: the citizen's answer (short answer and card) in French, Arabic and Darija.
    shown = client.post(url + "/preview", data=form | {"csrf": csrf}, headers={"X-CSRF-Token": csrf}).json()
    assert sorted(shown["previews"]) == ["ar", "darija", "fr"] and not shown["errors"]
    assert "résidence" in shown["previews"]["fr"].lower() and shown["previews"]["darija"] != shown["previews"]["ar"]
    form |= {"csrf": csrf, "fees.fr": "Frais de timbre : 20 DH", "fees.ar": "رسوم التنبر: 20 درهم", "fees.tier": "A"}
    form["fees.sources"] = ""  # the new fee without its source
    preview = client.post(url + "/preview", data=form, headers={"X-CSRF-Token": csrf}).json()
    assert preview["errors"]["fees.sources"] == ["Au moins 1 élément(s)."], preview["errors"]
    form["fees.sources"] = "P-some-press"
    form["fees.tier"] = "C"
    client.cookies.set("dalil_admin_lang", "ar", path="/admin")
    page = client.post(url, data={**form, "op": "submit"})
    client.cookies.delete("dalil_admin_lang", path="/admin")
    assert page.status_code == 422  # not submitted: the errors are shown
    assert "الفئة C ضعيفة بالنسبة للرسوم" in page.text and 'id="e-fees"' in page.text
    assert client.get(url).text.count('name="fees.fr"') == 1  # the draft kept what was typed


def test_a_change_is_reviewed_by_someone_else_published_and_rolled_back(client: TestClient) -> None:
    csrf = login(client, "editor")
    url = _draft(client, "criminal-record", csrf)
    form = form_of(client.get(url).text) | {"csrf": csrf, "op": "submit"}
    old_verified = form["verified_on"]
    form["verified_on"] = "2026-12-01"
    form["notes.1.fr"] = form["notes.1.fr"] + " Vérifié au guichet."
    assert client.post(url, data=form, follow_redirects=False).status_code == 303
    # The author cannot publish (a publisher who wrote a draft cannot either): someone else reviews.
    client.app.state.dalil.console.accounts.change(
        client.app.state.dalil.console.accounts.by_name("youssef").id, role="publisher"
    )
    own = client.post(url + "/publish", data={"csrf": csrf})
    assert own.status_code == 403
    client.app.state.dalil.console.accounts.change(
        client.app.state.dalil.console.accounts.by_name("youssef").id, role="editor"
    )
    csrf = login(client, "publisher")
    review = client.get(url).text
    assert "verified_on" in review and "2026-12-01" in review and old_verified in review  # the diff per field
    published = client.post(url + "/publish", data={"csrf": csrf})
    assert published.status_code == 200, published.text
    assert str(_file(client, "criminal-record")["verified_on"]) == "2026-12-01"
    card = client.get("/api/procedures/criminal-record").json()
    assert card["verified_on"] == "2026-12-01"
    # History, then a rollback: a draft like any other, published by someone else than its author.
    versions = client.get("/admin/procedures/criminal-record/versions").text
    assert "2026-12-01" in versions
    history = client.app.state.dalil.editor.history("criminal-record")
    csrf = login(client, "editor")
    back = client.post(
        f"/admin/procedures/criminal-record/rollback/{history[0].id}", data={"csrf": csrf}, follow_redirects=False
    )
    assert back.status_code == 303
    rollback = back.headers["location"]
    assert client.post(rollback, data={"csrf": csrf, "op": "submit"}, follow_redirects=False).status_code == 303
    csrf = login(client, "publisher")
    assert client.post(rollback + "/publish", data={"csrf": csrf}).status_code == 200
    assert client.get("/api/procedures/criminal-record").json()["verified_on"] == old_verified


def test_a_draft_that_loses_questions_is_blocked_until_a_publisher_gives_a_reason(client: TestClient) -> None:
    csrf = login(client, "editor")
    retire = client.post(
        "/admin/procedures/passport-renewal/retire", data={"csrf": csrf, "note": "retired"}, follow_redirects=False
    )
    url = retire.headers["location"]
    assert client.post(url, data={"csrf": csrf, "op": "submit"}, follow_redirects=False).status_code == 303
    csrf = login(client, "publisher")
    blocked = client.post(url + "/publish", data={"csrf": csrf})
    assert blocked.status_code == 409
    assert "Bloqué" in blocked.text and "changed-questions" in blocked.text
    assert client.get("/api/procedures/passport-renewal").status_code == 200  # still serving
    published = client.post(url + "/publish", data={"csrf": csrf, "override": "procedure retired by decree"})
    assert published.status_code == 200
    assert client.get("/api/procedures/passport-renewal").status_code == 404
    audit = client.get("/admin/audit?action=gate_override").text
    assert "procedure retired by decree" in audit and "salma" in audit


def test_a_thumbs_down_becomes_a_citizen_question_in_one_action(client: TestClient) -> None:
    chat = client.post("/api/chat", json={"message": "comment faire une attestation de résidence à Fès"}).json()
    rated = {"session_id": chat["session_id"], "answer_id": chat["answer_id"], "rating": -1, "comment": "pas clair"}
    assert client.post("/api/feedback", json=rated).status_code == 201
    csrf = login(client, "editor")
    queue = client.get("/admin/citizens").text
    assert "comment faire une attestation de résidence à Fès" in queue and "pas clair" in queue
    key = next(r.key for r in client.app.state.dalil.console.insights.queue() if r.kind == "thumbs_down")
    fixed = client.post(
        "/admin/citizens/fix",
        data={"csrf": csrf, "key": key, "action": "question", "procedure_id": "residence-certificate"},
        follow_redirects=False,
    )
    assert fixed.status_code == 303
    draft = client.app.state.dalil.console.drafts.get(int(fixed.headers["location"].rsplit("/", 1)[1]))
    assert "comment faire une attestation de résidence à Fès" in yaml.safe_load(draft.text)["questions"]["fr"]
    assert key not in [r.key for r in client.app.state.dalil.console.insights.queue()]


def test_a_scripts_change_with_a_personal_token_is_a_draft_for_review(client: TestClient) -> None:
    settings = client.app.state.dalil.settings
    assert settings.admin_token is None  # these tests give none: a personal token instead
    user = client.app.state.dalil.console.accounts.by_name("youssef")
    token = client.app.state.dalil.console.accounts.create_token(user, "script")
    client.cookies.clear()
    text = yaml.safe_dump(_file(client, "life-certificate"), allow_unicode=True)
    bearer = {"Authorization": f"Bearer {token}"}
    put = client.put("/admin/procedures/life-certificate", content=text.encode(), headers=bearer)
    assert put.status_code == 202 and put.json()["status"] == "submitted"  # a script's change is reviewed too
    assert client.get("/admin/procedures/life-certificate/history").status_code == 401


def test_the_shared_token_still_works_for_one_release_and_each_use_is_audited(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = "b" * 40
    monkeypatch.setattr(client.app.state.dalil.settings, "admin_token", SecretStr(shared))
    client.cookies.clear()
    bearer = {"Authorization": f"Bearer {shared}", "X-Admin-User": "script-dgsn"}
    text = yaml.safe_dump(_file(client, "life-certificate"), allow_unicode=True)
    put = client.put("/admin/procedures/life-certificate", content=text.encode(), headers=bearer)
    assert put.status_code == 200 and put.json()["id"] == "life-certificate"  # published at once, as before
    used = client.app.state.dalil.console.audit.entries(5, action="published_unreviewed")[0]
    assert used.actor == "bootstrap-token:script-dgsn" and used.target == "life-certificate"
    assert client.get("/admin/procedures/life-certificate/history", headers=bearer).status_code == 200
    monkeypatch.undo()
    assert client.get("/admin/procedures/life-certificate/history", headers=bearer).status_code == 401


def test_the_editor_round_trips_every_procedure_without_losing_a_field(client: TestClient) -> None:
    """Each knowledge file shown in the editor and read back from its form is the same procedure."""
    from bot.admin.form import from_form
    from bot.knowledge.schema import Procedure

    console = client.app.state.dalil.console
    login(client, "editor")
    folder = Path(client.app.state.dalil.settings.knowledge_dir) / "procedures"
    for path in sorted(folder.glob("*.yaml")):
        draft = console.start_edit(path.stem, "youssef")
        form = form_of(client.get(f"/admin/drafts/{draft.id}").text)
        console.drafts.withdraw(draft.id, "youssef")
        original = Procedure.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        assert Procedure.model_validate(from_form(path.stem, form)) == original, path.stem
