"""Arabic and Darija on the page: right to left, each message in its own direction, and the
«Français» button under a Darija answer."""

from __future__ import annotations

import re

import pytest

from tests.integration.page.pages import (
    ARTIFACTS,
    DARIJA_QUESTION,
    no_horizontal_scroll,
    shot,
)

pytestmark = pytest.mark.integration


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
    no_horizontal_scroll(page)
    page.evaluate("window.scrollTo(0, 0)")  # the header, the question and the start of the answer
    shot(page, "chat-ar-360x740.png")
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
