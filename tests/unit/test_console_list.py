"""The procedures list: each filter shows exactly the procedures with that problem (stale, missing
fields, facts backed only by tier C, recently changed, most asked), search, the charts of what citizens
ask, a new procedure started from the template; and every screen under the strict CSP, in both languages."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi.testclient import TestClient

from tests.admin_helpers import login


@pytest.fixture
def client(console_client: TestClient) -> TestClient:
    console_client.cookies.clear()
    return console_client


def _listed(client: TestClient, query: str) -> list[str]:
    page = client.get(f"/admin/procedures?{query}")
    assert page.status_code == 200
    return re.findall(r'<a href="/admin/procedures/([a-z0-9-]+)">', page.text)


def test_each_filter_lists_the_procedures_with_that_problem(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    login(client, "viewer")
    console = client.app.state.dalil.console
    rows = console.rows()
    assert _listed(client, "only=all") == [r.id for r in rows]
    for only, has in (("missing", lambda r: bool(r.missing)), ("weak", lambda r: r.weak > 0)):
        expected = [r.id for r in rows if has(r)]
        assert expected and _listed(client, f"only={only}") == expected, only
    assert _listed(client, "only=recent") == [r.id for r in rows if "recent" in r.badges]

    assert _listed(client, "only=stale") == []  # every procedure was verified within 180 days
    monkeypatch.setattr(console.settings, "admin_stale_days", 1)
    stale = [r.id for r in console.rows() if r.stale]
    assert stale and _listed(client, "only=stale") == stale

    answered = []
    for question in ("extrait du casier judiciaire : quels documents ?", "légalisation de signature : où aller ?",
                     "certificat de résidence : pièces à fournir"):
        reply = client.post("/api/chat", json={"message": question}).json()
        if reply["status"] == "answered":
            answered.append(reply["sources"][0]["id"])
    most = _listed(client, "only=asked")
    assert answered and set(answered) <= set(most)  # the procedures answers cited first, most asked first
    assert most == [r.id for r in sorted((r for r in console.rows() if r.asked), key=lambda r: -r.asked)]

    # The same question counted in "what citizens ask": SVG charts (a title each) and their numbers as a table.
    today = dt.date.today().isoformat()
    citizens = client.get("/admin/citizens").text
    assert citizens.count('<svg xmlns="http://www.w3.org/2000/svg"') == 2 and 'role="img"' in citizens
    assert re.search(rf'<th scope="row">{today}</th><td>[^<]*web \d+', citizens)

    found = _listed(client, "q=casier")  # (test_console.py retires passport-renewal in this application)
    assert "criminal-record" in found and "cnie-renewal" not in found


def test_a_new_procedure_starts_from_the_template(client: TestClient) -> None:
    csrf = login(client, "editor")
    started = client.post("/admin/procedures", data={"csrf": csrf, "id": "fishing-permit"}, follow_redirects=False)
    assert started.status_code == 303
    draft = client.get(started.headers["location"])
    assert draft.status_code == 200 and "fishing-permit" in draft.text and 'id="editor"' in draft.text
    again = client.post("/admin/procedures", data={"csrf": csrf, "id": "criminal-record"})
    assert again.status_code == 409  # it exists: edit it instead
    bad = client.post("/admin/procedures", data={"csrf": csrf, "id": "Not An Id"})
    assert bad.status_code == 422


def test_every_screen_works_under_the_strict_csp(client: TestClient) -> None:
    """Same rules as the citizen's page: scripts and styles from our own files only, so an inline script
    or style (which the policy would block) must not appear on any screen, in French or in Arabic."""
    csrf = login(client, "admin")
    draft = client.post("/admin/procedures/cnie-renewal/draft", data={"csrf": csrf}, follow_redirects=False)
    screens = ["/admin", "/admin/procedures/cnie-renewal", "/admin/procedures/cnie-renewal/versions",
               draft.headers["location"], "/admin/drafts", "/admin/citizens", "/admin/people", "/admin/tokens",
               "/admin/audit"]
    for lang in ("fr", "ar"):
        client.get(f"/admin/lang/{lang}")
        for url in screens:
            page = client.get(url)
            assert page.status_code == 200, url
            csp = page.headers["content-security-policy"]
            assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe-inline" not in csp
            assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page.text), f"inline script on {url}"
            assert not re.search(r"<[^>]+\sstyle=", page.text) and "<style" not in page.text, f"inline style on {url}"
            assert re.search(rf'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}"', page.text), url
    client.get("/admin/lang/fr")
    withdrawn = client.post(draft.headers["location"] + "/withdraw", data={"csrf": csrf}, follow_redirects=False)
    assert withdrawn.status_code in (200, 303)
