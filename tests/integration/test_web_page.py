"""The citizen's web page, used as a person would: a real server (uvicorn, real index, real answers)
and Debian's headless Chromium driven by Playwright at phone size (360×740).

Screenshots of a French and an Arabic conversation are written to ``test-artifacts/``.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.config import ROOT

pytestmark = pytest.mark.integration

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # A synthetic microphone, so that MediaRecorder has something to record; permission is still
    # refused unless a test grants it.
    "--use-fake-device-for-media-stream",
]
PHONE = {"width": 360, "height": 740}
ARTIFACTS = ROOT / "test-artifacts"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIMEOUT_MS = 20_000

# Long enough to be unambiguous: the backend asks to choose only for short messages.
FRENCH_QUESTION = "Je voudrais renouveler mon passeport biométrique qui a expiré"
BIRTH_QUESTION = "comment obtenir un extrait d'acte de naissance"
DARIJA_QUESTION = "بغيت نجدد البطاقة ديالي شحال كنخلص"
# Short questions the real backend answers with a choice between procedures; the first that does is
# used. Their first option's title is then retrieved as that procedure (not true of every title:
# "passeport" -> "Renouvellement du passeport biométrique" asks again; see test_an_option_that_is_asked_again…).
CLARIFY_QUESTIONS = ("la carte grise", "acte de naissance", "retraite")


# --- a real server ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base_url(settings, parts) -> Iterator[str]:  # type: ignore[no-untyped-def]
    import uvicorn

    from web.app import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))  # a free port, held until uvicorn takes the socket over
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(settings, parts), log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


# --- a phone-sized browser ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import expect, sync_playwright

    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run `make system-deps` (apt-get install chromium fonts-noto-core)")
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Visit:
    page: object  # playwright Page
    origin: str
    requests: list[str] = field(default_factory=list)
    chat_bodies: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def ask(self, text: str) -> object:
        """Type a question, press Enter, return the new answer bubble."""
        from playwright.sync_api import expect

        page = self.page
        answers = page.locator("#messages .msg--bot[data-answer-id], #messages .msg--error")
        before = answers.count()
        page.get_by_role("textbox").fill(text)
        page.get_by_role("textbox").press("Enter")
        expect(answers).to_have_count(before + 1)
        return answers.nth(before)  # stable: `.last` would follow later messages

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if _origin(url) != self.origin and not url.startswith("data:")]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def visit(browser, base_url) -> Iterator[Callable[..., Visit]]:  # type: ignore[no-untyped-def]
    opened: list[tuple[object, Visit]] = []

    def open_page(permissions: list[str] | None = None, locale: str = "fr-FR", setup=None) -> Visit:  # type: ignore[no-untyped-def]
        context = browser.new_context(
            viewport=PHONE,
            device_scale_factor=1,
            is_mobile=True,
            has_touch=True,
            locale=locale,
            permissions=permissions or [],
            reduced_motion="reduce",  # instant scrolling: stable screenshots
        )
        page = context.new_page()
        seen = Visit(page=page, origin=base_url)
        context.on("request", lambda r: seen.requests.append(r.url))

        def on_request(r) -> None:  # type: ignore[no-untyped-def]
            if r.url.endswith("/api/chat") and r.method == "POST":
                seen.chat_bodies.append(json.loads(r.post_data or "{}"))

        page.on("request", on_request)
        page.on("pageerror", lambda e: seen.problems.append(f"page error: {e}"))
        page.on(
            "console",
            lambda m: (
                seen.problems.append(f"console: {m.text}")
                if m.type == "error" and "Failed to load resource" not in m.text
                else None
            ),
        )
        page.on("dialog", lambda d: (seen.problems.append(f"dialog: {d.message}"), d.dismiss()))
        if setup is not None:
            setup(page)
        page.goto(base_url + "/")
        page.wait_for_function("document.documentElement.classList.contains('js-ready')")
        opened.append((context, seen))
        return seen

    yield open_page
    for context, seen in opened:
        context.close()
        # Every test: nothing from another origin, no script error, no CSP violation, no alert().
        assert seen.requests, "the page made no request at all"
        assert not seen.foreign_requests(), seen.foreign_requests()
        assert not seen.problems, seen.problems


def _shot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    return path


def _no_horizontal_scroll(page) -> None:  # type: ignore[no-untyped-def]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width}px wide on a {PHONE['width']}px screen"


# --- the page and its headers (no browser needed) -------------------------------------------------


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


# --- the conversation, as a citizen ---------------------------------------------------------------------


def test_french_question_gets_an_answer_with_official_source_cards(visit) -> None:
    from playwright.sync_api import expect

    v = visit()
    page = v.page
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    answer = v.ask(FRENCH_QUESTION)

    question = page.locator("#messages .msg--user").last
    expect(question).to_have_attribute("dir", "ltr")
    expect(answer).to_have_attribute("data-status", "answered")
    expect(answer).to_have_attribute("lang", "fr")
    expect(answer).to_have_attribute("dir", "ltr")
    expect(answer.locator(".md h3").first).to_contain_text("passeport")

    cards = answer.locator(".source-card")
    expect(cards.first).to_have_attribute("data-procedure-id", "passport-renewal")
    link = cards.first.locator("a.source-link")
    assert link.get_attribute("href").startswith("https://")
    assert link.get_attribute("target") == "_blank"
    assert set(link.get_attribute("rel").split()) >= {"noopener", "noreferrer"}
    expect(cards.first.locator(".source-verified")).to_contain_text("vérifié le")
    assert ISO_DATE.match(cards.first.locator("time").get_attribute("datetime"))
    # The other procedures' dates come from GET /api/procedures/{id}.
    for i in range(1, cards.count()):
        expect(cards.nth(i).locator("time")).to_have_attribute("datetime", ISO_DATE)
    # Links inside the Markdown open in a new tab too, and never carry the opener.
    for a in answer.locator(".md a").all():
        assert a.get_attribute("target") == "_blank" and "noopener" in a.get_attribute("rel")

    expect(page.locator("#live")).to_contain_text("Réponse de Dalil")
    _no_horizontal_scroll(page)
    page.evaluate("window.scrollTo(0, 0)")  # the header, the question and the start of the answer
    _shot(page, "chat-fr-360x740.png")
    page.screenshot(path=str(ARTIFACTS / "chat-fr-360-full.png"), full_page=True)


def test_darija_in_arabic_script_reads_right_to_left_and_can_switch_to_french(visit) -> None:
    from playwright.sync_api import expect

    v = visit()
    page = v.page
    page.get_by_role("button", name="العربية").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.get_by_role("textbox", name="سؤالك")).to_be_visible()

    with page.expect_response("**/api/chat") as reply:
        answer = v.ask(DARIJA_QUESTION)
    session = reply.value.json()["session_id"]
    question = page.locator("#messages .msg--user").last
    expect(question).to_have_attribute("dir", "rtl")
    expect(answer).to_have_attribute("dir", "rtl")
    expect(answer).to_have_attribute("data-language", "darija")
    assert answer.evaluate("el => getComputedStyle(el.querySelector('.md p')).direction") == "rtl"
    expect(answer.locator(".source-card").first).to_have_attribute("data-procedure-id", "cnie-renewal")
    expect(answer.locator(".source-verified").first).to_contain_text("تم التحقق في")
    assert v.chat_bodies[-1]["lang"] is None  # Dalil detects the language itself
    _no_horizontal_scroll(page)
    page.evaluate("window.scrollTo(0, 0)")  # the header, the question and the start of the answer
    _shot(page, "chat-ar-360x740.png")
    page.screenshot(path=str(ARTIFACTS / "chat-ar-360-full.png"), full_page=True)

    # "Français" under the Darija answer: the one case where the page sends a language.
    answer.get_by_role("button", name=re.compile("^Français")).click()
    french = page.locator("#messages .msg--bot[data-answer-id]").last
    expect(french).to_have_attribute("data-language", "fr")
    assert v.chat_bodies[-1] == {"message": DARIJA_QUESTION, "session_id": session, "lang": "fr"}
    # A mixed conversation: each message keeps its own direction.
    expect(french).to_have_attribute("dir", "ltr")
    expect(page.locator("#messages .msg--bot[data-answer-id]").first).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")

    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "ar")  # the interface language is remembered


def test_clarification_options_are_buttons_that_continue_the_session(visit) -> None:
    from playwright.sync_api import expect

    v = visit()
    page = v.page
    for question in CLARIFY_QUESTIONS:
        with page.expect_response("**/api/chat") as reply:
            answer = v.ask(question)
        if answer.get_attribute("data-status") == "clarification":
            break
    else:
        pytest.fail(f"none of {CLARIFY_QUESTIONS} gets a clarification any more: pick another short question")
    session = reply.value.json()["session_id"]
    options = answer.locator("button.option")
    assert options.count() >= 2
    for box in (options.nth(i).bounding_box() for i in range(options.count())):
        assert box["height"] >= 44 and box["width"] >= 44
    titles = [options.nth(i).text_content() for i in range(options.count())]
    # The Markdown's list of the same options (links, for channels without buttons) is not repeated.
    assert not [t for t in answer.locator(".md a").all_text_contents() if any(t.startswith(x) for x in titles)]
    title, procedure_id = options.first.text_content(), options.first.get_attribute("data-option-id")
    answers = page.locator("#messages .msg--bot[data-answer-id]")
    before = answers.count()
    options.first.click()

    expect(answers).to_have_count(before + 1)
    chosen = answers.last
    expect(chosen).to_have_attribute("data-status", "answered")
    expect(chosen.locator(".source-card").first).to_have_attribute("data-procedure-id", procedure_id)
    assert v.chat_bodies[-1] == {"message": title, "session_id": session, "lang": None}  # the same conversation
    expect(options.first).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#messages .msg--user .msg-text").last).to_have_text(title)
    _no_horizontal_scroll(page)


def test_an_option_that_is_asked_again_still_shows_its_official_page(visit) -> None:
    """If the backend answers the chosen option with the same choice again, the citizen still gets the
    chosen procedure's official link instead of a loop of buttons."""
    from playwright.sync_api import expect

    clarification = {
        "session_id": "loop-1",
        "status": "clarification",
        "language": "fr",
        "answer": "Votre question peut concerner plusieurs démarches. Laquelle vous intéresse ?",
        "sources": [
            {
                "id": "passport-renewal",
                "title": "Renouvellement du passeport biométrique",
                "url": "https://www.passeport.ma",
            },
            {
                "id": "passport-first",
                "title": "Première demande de passeport biométrique",
                "url": "https://www.passeport.ma",
            },
        ],
        "options": [
            {"id": "passport-renewal", "title": "Renouvellement du passeport biométrique"},
            {"id": "passport-first", "title": "Première demande de passeport biométrique"},
        ],
        "abstained": False,
        "answer_id": "c1",
        "style": "fr",
    }
    replies = iter([clarification, clarification | {"answer_id": "c2"}])
    v = visit(setup=lambda page: page.route("**/api/chat", lambda r: r.fulfill(json=next(replies))))
    page = v.page
    first = v.ask("passeport")
    assert first.locator(".source-card").count() == 0  # the options are the choice; no cards yet
    first.get_by_role("button", name="Renouvellement du passeport biométrique").click()
    again = page.locator("#messages .msg--bot[data-answer-id='c2']")
    expect(again.locator(".sources-title")).to_have_text("Page officielle de la démarche choisie :")
    expect(again.locator(".source-card")).to_have_count(1)
    expect(again.locator(".source-card")).to_have_attribute("data-procedure-id", "passport-renewal")
    expect(again.locator(".source-card time")).to_have_attribute("datetime", ISO_DATE)


def test_feedback_with_a_comment_is_stored_for_the_administrators(visit, dalil) -> None:
    from playwright.sync_api import expect

    v = visit()
    answer = v.ask(BIRTH_QUESTION)
    answer_id = answer.get_attribute("data-answer-id")
    answer.get_by_role("button", name="Non").click()
    comment = answer.get_by_role("textbox", name=re.compile("Qu'est-ce qui n'allait pas"))
    expect(comment).to_be_focused()
    _not_under_the_composer(v.page)
    comment.fill("Il manque le délai pour les Marocains à l'étranger")
    answer.get_by_role("button", name="Envoyer mon avis").click()
    expect(answer.locator(".fb-status")).to_contain_text("Merci")
    row = next(r for r in dalil.recent_feedback() if r["answer_id"] == answer_id)
    assert row["rating"] == -1
    assert row["comment"] == "Il manque le délai pour les Marocains à l'étranger"
    # A second tap (the buttons stay focusable, marked aria-disabled) does not store a second opinion.
    answer.get_by_role("button", name="Oui").click(force=True)
    expect(answer.locator(".fb-status")).to_contain_text("déjà")
    assert sum(r["answer_id"] == answer_id for r in dalil.recent_feedback()) == 1


def _focused(page) -> dict:  # type: ignore[no-untyped-def]
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const s = getComputedStyle(el);
            return {id: el.id, tag: el.tagName, cls: el.className, text: el.textContent.trim().slice(0, 40),
                    rating: el.dataset ? el.dataset.rating || null : null,
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2};
        }"""
    )


def _not_under_the_composer(page) -> None:  # type: ignore[no-untyped-def]
    box = page.evaluate("document.activeElement.getBoundingClientRect().bottom")
    composer = page.evaluate("document.getElementById('composer').getBoundingClientRect().top")
    assert box <= composer + 1, f"the focused element ends at {box}px, under the composer at {composer}px"


def test_keyboard_only_walkthrough(visit, dalil) -> None:
    from playwright.sync_api import expect

    v = visit()
    page = v.page
    kb = page.keyboard

    kb.press("Tab")
    first = _focused(page)
    assert first["cls"] == "skip-link" and first["outline"], first
    assert page.locator(".skip-link").bounding_box()["y"] >= 0  # it shows itself when focused

    # The language switcher works with the keyboard; then back to French.
    kb.press("Tab")
    kb.press("Tab")
    assert _focused(page)["text"] == "العربية"
    kb.press("Space")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    kb.press("Shift+Tab")
    assert _focused(page)["text"] == "Français"
    kb.press("Enter")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")

    # Tab to the question; every stop on the way shows where the focus is.
    for _ in range(10):
        kb.press("Tab")
        now = _focused(page)
        assert now["outline"], f"no visible focus on {now}"
        if now["id"] == "question":
            break
    else:
        pytest.fail("Tab never reached the question field")

    kb.type(BIRTH_QUESTION)
    kb.press("Enter")
    answer = page.locator("#messages .msg--bot[data-answer-id]").last
    expect(answer).to_have_attribute("data-status", "answered")
    assert _focused(page)["id"] == "question"  # ready for a follow-up

    # The feedback buttons are right before the question field.
    for _ in range(6):
        kb.press("Shift+Tab")
        now = _focused(page)
        assert now["outline"], f"no visible focus on {now}"
        if now["rating"] == "1":
            break
    else:
        pytest.fail("Shift+Tab never reached the 👍 button")
    _not_under_the_composer(page)
    kb.press("Enter")
    expect(answer.locator(".fb-status")).to_contain_text("Merci")
    expect(answer.locator(".fb-btn[data-rating='1']")).to_have_attribute("aria-pressed", "true")
    assert _focused(page)["rating"] == "1"  # the focus stays where it was
    answer_id = answer.get_attribute("data-answer-id")
    row = next(r for r in dalil.recent_feedback() if r["answer_id"] == answer_id)
    assert row["rating"] == 1 and row["comment"] is None


def test_skip_link_jumps_to_the_question(visit) -> None:
    page = visit().page
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert _focused(page)["id"] == "question"


def test_every_control_has_a_name_and_a_touch_sized_target(visit) -> None:
    v = visit()
    page = v.page
    v.ask(FRENCH_QUESTION)
    unnamed = page.evaluate(
        """() => [...document.querySelectorAll('button, textarea, a[href], input')]
            .filter(el => el.offsetParent !== null)
            .filter(el => {
                const label = el.labels && el.labels.length ? el.labels[0].textContent : '';
                return !(el.getAttribute('aria-label') || el.textContent.trim() || label);
            })
            .map(el => el.outerHTML.slice(0, 80))"""
    )
    assert not unnamed, unnamed
    for selector in ("#mic", "#send", "#question", ".lang-btn", ".fb-btn", ".source-link"):
        for el in page.locator(selector).all():
            box = el.bounding_box()
            assert box["height"] >= 44 and box["width"] >= 44, (selector, box)


CONTRAST_JS = """
() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let n = el; n; n = n.parentElement) {
      const c = rgb(getComputedStyle(n).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const selectors = ['.intro p', '.msg--user .msg-text', '.md h3', '.md p', '.md a', '.source-title', '.source-link',
    '.source-verified', '.sources-title', '.feedback-q', '.fb-btn', '.lang-btn[aria-pressed=true]',
    '.lang-btn[aria-pressed=false]', '#question', '.chip'];
  const out = [];
  for (const sel of selectors) {
    for (const el of document.querySelectorAll(sel)) {
      const fg = lum(rgb(getComputedStyle(el).color));
      const bg = lum(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      out.push([sel, Math.round(ratio * 100) / 100]);
    }
  }
  return out;
}
"""


def test_text_contrast_meets_wcag_aa(visit) -> None:
    v = visit()
    page = v.page
    ratios = page.evaluate(CONTRAST_JS)
    v.ask(FRENCH_QUESTION)
    ratios += page.evaluate(CONTRAST_JS)
    low = [(sel, r) for sel, r in ratios if r < 4.5]
    assert len(ratios) > 10 and not low, low


# --- safety: no HTML from any text ----------------------------------------------------------------------


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


# --- errors and the microphone ----------------------------------------------------------------------------


def test_api_reasons_and_network_failures_are_explained_politely(visit) -> None:
    from playwright.sync_api import expect

    v = visit()
    page = v.page
    reason = "message is 2001 characters long; the limit is 2,000"
    page.route("**/api/chat", lambda route: route.fulfill(status=422, json={"detail": reason}))
    error = v.ask("une question refusée")
    expect(error).to_contain_text("Désolé, Dalil n'a pas pu traiter ce message")
    expect(error.locator("bdi")).to_have_text(reason)
    expect(page.get_by_role("textbox")).to_have_value("une question refusée")  # not lost

    page.unroute("**/api/chat")
    page.route("**/api/chat", lambda route: route.abort("internetdisconnected"))
    error = v.ask("encore une question")
    expect(error).to_contain_text("Impossible de joindre Dalil")

    page.unroute("**/api/chat")
    page.get_by_role("textbox").fill("   ")
    page.get_by_role("button", name="Envoyer la question").click()
    expect(page.locator("#composer-status")).to_have_text("Écrivez votre question avant de l'envoyer.")
    assert page.locator("#messages .msg--user").count() == 2


@pytest.mark.parametrize("status", [404, 405])
def test_mic_explains_that_voice_is_not_available_yet(visit, status: int) -> None:
    from playwright.sync_api import expect

    v = visit(setup=lambda page: page.route("**/api/voice", lambda r: r.fulfill(status=status, json={"detail": "x"})))
    page = v.page
    mic = page.get_by_role("button", name="Poser la question à voix haute")
    mic.click()
    expect(page.locator("#composer-status")).to_contain_text("pas encore disponibles")
    expect(mic).to_have_attribute("aria-pressed", "false")


def test_mic_explains_a_refused_permission(visit) -> None:
    from playwright.sync_api import expect

    # The endpoint exists (an empty probe is a 422) but the citizen has not allowed the microphone.
    v = visit(setup=lambda page: page.route("**/api/voice", lambda r: r.fulfill(status=422, json={"detail": "x"})))
    page = v.page
    page.get_by_role("button", name="Poser la question à voix haute").click()
    expect(page.locator("#composer-status")).to_contain_text("n'a pas accès au micro")


def test_voice_note_is_sent_and_its_transcript_shown_with_the_answer(visit, dalil) -> None:
    from playwright.sync_api import expect

    from web.schemas import ChatResponse

    uploads: list[bytes] = []

    def voice(route) -> None:  # type: ignore[no-untyped-def]
        # Stands in for POST /api/voice (built separately): a real answer to a fixed transcript.
        body = route.request.post_data_buffer or b""
        if b'name="audio"' not in body:
            route.fulfill(status=422, json={"detail": "audio: Field required"})
            return
        uploads.append(body)
        answer = dalil.answer(FRENCH_QUESTION, "voice-session-1")
        reply = ChatResponse.of(answer).model_dump()
        route.fulfill(status=200, json=reply | {"transcript": FRENCH_QUESTION, "transcript_language": "fr"})

    v = visit(permissions=["microphone"], setup=lambda page: page.route("**/api/voice", voice))
    page = v.page
    page.get_by_role("button", name="Poser la question à voix haute").click()
    stop = page.get_by_role("button", name="Arrêter l'enregistrement et l'envoyer")
    expect(stop).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#composer-status")).to_contain_text("Enregistrement")
    page.wait_for_timeout(1200)
    stop.click()

    said = page.locator("#messages .msg--voice")
    expect(said).to_contain_text(FRENCH_QUESTION)
    answer = page.locator("#messages .msg--bot[data-answer-id]").last
    expect(answer.locator(".source-card").first).to_have_attribute("data-procedure-id", "passport-renewal")
    assert len(uploads) == 1
    assert b'filename="question.' in uploads[0] and len(uploads[0]) > 1000
    # The next typed question continues the voice conversation.
    v.ask("et ça coûte combien ?")
    assert v.chat_bodies[-1]["session_id"] == "voice-session-1"
