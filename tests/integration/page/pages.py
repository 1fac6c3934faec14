"""What the page tests share: the phone-sized browser's settings, a visit of the page as a citizen,
and small checks of the layout."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bot.config import ROOT

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
# "البطاقة" alone ("my card") is read as a bank card by the scope model (a known false abstention,
# README Scope and safety): the page is tested on the national card named.
DARIJA_QUESTION = "بغيت نجدد البطاقة الوطنية ديالي شحال كنخلص"
# Short questions the real backend answers with a choice between procedures; the first that does is
# used. Their first option's title is then retrieved as that procedure (not true of every title:
# "passeport" -> "Renouvellement du passeport biométrique" asks again; see test_an_option_that_is_asked_again…).
CLARIFY_QUESTIONS = ("la carte grise", "acte de naissance", "retraite")


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
        return [url for url in self.requests if origin(url) != self.origin and not url.startswith("data:")]


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def shot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    return path


def no_horizontal_scroll(page) -> None:  # type: ignore[no-untyped-def]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width}px wide on a {PHONE['width']}px screen"


def focused(page) -> dict:  # type: ignore[no-untyped-def]
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const s = getComputedStyle(el);
            return {id: el.id, tag: el.tagName, cls: el.className, text: el.textContent.trim().slice(0, 40),
                    rating: el.dataset ? el.dataset.rating || null : null,
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2};
        }"""
    )


def not_under_the_composer(page) -> None:  # type: ignore[no-untyped-def]
    box = page.evaluate("document.activeElement.getBoundingClientRect().bottom")
    composer = page.evaluate("document.getElementById('composer').getBoundingClientRect().top")
    assert box <= composer + 1, f"the focused element ends at {box}px, under the composer at {composer}px"
