"""What the page loads and from where (same origin only, a strict Content-Security-Policy), and that
no text from an answer or a citizen can become HTML."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.integration

HOSTILE_ANSWER = {
    "session_id": "hostile-1",
    "status": "answered",
    "language": "fr",
    "answer": "### Titre <img src=x onerror=alert(1)>\n\n"
    "**gras** <script>alert(2)</script> [cliquez](javascript:alert(3)) "
    "[officiel](https://www.idarati.ma) <iframe src=//evil.example></iframe>\n\n"
    "- <b onmouseover=alert(4)>item</b>\n\n"
    "Source : vérifié le 2026-01-02",
    "sources": [
        {"id": "x", "title": "<img src=x onerror=alert(5)>", "url": "javascript:alert(6)"},
        {"id": "y", "title": "Normal", "url": "https://www.idarati.ma/"},
    ],
    "options": [],
    "abstained": False,
    "answer_id": "a1",
    "style": "fr",
}


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("src"):
            self.loaded.append(a["src"] or "")
        if tag == "link" and a.get("href"):
            self.loaded.append(a["href"] or "")


def test_page_and_assets_are_served_with_a_same_origin_policy(client) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    for name in ("default-src", "script-src", "style-src", "connect-src", "img-src", "media-src"):
        assert directives[name][0] == "'self'", (name, directives[name])
        assert not any("unsafe" in v or v == "*" or v.startswith("http") for v in directives[name]), (name, csp)
    assert directives["frame-ancestors"] == ["'none'"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert "microphone=(self)" in r.headers["permissions-policy"]

    parser = _Resources()
    parser.feed(r.text)
    assert parser.loaded and all(src.startswith("/static/") for src in parser.loaded), parser.loaded
    assert "<style" not in r.text and " style=" not in r.text and "<script>" not in r.text

    for path, kind in [("/static/app.js", "javascript"), ("/static/app.css", "text/css"), ("/static/icon.svg", "svg")]:
        asset = client.get(path)
        assert asset.status_code == 200 and kind in asset.headers["content-type"], path
        assert "content-security-policy" in asset.headers
    js = client.get("/static/app.js").text
    assert "innerHTML" not in js.replace("no innerHTML", "") and "eval(" not in js and "document.write" not in js
    css = client.get("/static/app.css").text
    assert "@import" not in css and "url(" not in css


def test_no_text_can_inject_html(visit) -> None:
    from playwright.sync_api import expect

    def hostile(page) -> None:  # type: ignore[no-untyped-def]
        page.route(
            "**/api/chat",
            lambda route: route.fulfill(status=200, content_type="application/json", body=json.dumps(HOSTILE_ANSWER)),
        )
        page.route("**/api/procedures/*", lambda route: route.fulfill(status=404, json={"detail": "no"}))

    v = visit(setup=hostile)
    page = v.page
    answer = v.ask('<img src=x onerror=alert("q")> **pas gras ici**')
    messages = page.locator("#messages")
    assert messages.locator("img, script, iframe, b, [onerror], [onmouseover]").count() == 0
    expect(page.locator("#messages .msg--user").last).to_contain_text('<img src=x onerror=alert("q")>')
    expect(answer.locator(".md h3")).to_contain_text("<img src=x onerror=alert(1)>")
    expect(answer.locator(".md strong").first).to_have_text("gras")
    assert answer.locator("a[href^='javascript']").count() == 0
    expect(answer.locator(".md")).to_contain_text("cliquez")  # the label stays, as text
    official = answer.locator(".md a", has_text="officiel")
    assert official.get_attribute("href") == "https://www.idarati.ma/"
    assert official.get_attribute("rel") == "noopener noreferrer"
    card = answer.locator(".source-card").first
    expect(card.locator(".source-title")).to_have_text("<img src=x onerror=alert(5)>")
    assert card.locator("a").count() == 0
    page.wait_for_timeout(300)  # any injected handler would have fired by now (the dialog hook records it)
