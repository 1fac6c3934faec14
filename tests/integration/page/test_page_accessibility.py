"""The page with a keyboard only and for screen readers: focus order and visibility, the skip link,
names and touch-sized targets, contrast."""

from __future__ import annotations

import pytest

from tests.integration.page.pages import (
    BIRTH_QUESTION,
    FRENCH_QUESTION,
    focused,
    not_under_the_composer,
)

pytestmark = pytest.mark.integration

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
    '.lang-btn[aria-pressed=false]', '#question', '.chip', '.details-btn'];
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


def test_keyboard_only_walkthrough(visit, dalil) -> None:
    from playwright.sync_api import expect

    v = visit()
    page = v.page
    kb = page.keyboard

    kb.press("Tab")
    first = focused(page)
    assert first["cls"] == "skip-link" and first["outline"], first
    assert page.locator(".skip-link").bounding_box()["y"] >= 0  # it shows itself when focused

    # The language switcher works with the keyboard; then back to French.
    kb.press("Tab")
    kb.press("Tab")
    assert focused(page)["text"] == "العربية"
    kb.press("Space")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    kb.press("Shift+Tab")
    assert focused(page)["text"] == "Français"
    kb.press("Enter")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")

    # Tab to the question; every stop on the way shows where the focus is.
    for _ in range(10):
        kb.press("Tab")
        now = focused(page)
        assert now["outline"], f"no visible focus on {now}"
        if now["id"] == "question":
            break
    else:
        pytest.fail("Tab never reached the question field")

    kb.type(BIRTH_QUESTION)
    kb.press("Enter")
    answer = page.locator("#messages .msg--bot[data-answer-id]").last
    expect(answer).to_have_attribute("data-status", "answered")
    assert focused(page)["id"] == "question"  # ready for a follow-up

    # The feedback buttons are right before the question field.
    for _ in range(6):
        kb.press("Shift+Tab")
        now = focused(page)
        assert now["outline"], f"no visible focus on {now}"
        if now["rating"] == "1":
            break
    else:
        pytest.fail("Shift+Tab never reached the 👍 button")
    not_under_the_composer(page)
    kb.press("Enter")
    expect(answer.locator(".fb-status")).to_contain_text("Merci")
    expect(answer.locator(".fb-btn[data-rating='1']")).to_have_attribute("aria-pressed", "true")
    assert focused(page)["rating"] == "1"  # the focus stays where it was
    answer_id = answer.get_attribute("data-answer-id")
    row = next(r for r in dalil.recent_feedback() if r["answer_id"] == answer_id)
    assert row["rating"] == 1 and row["comment"] is None


def test_skip_link_jumps_to_the_question(visit) -> None:
    page = visit().page
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "question"


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
    for selector in ("#mic", "#send", "#question", ".lang-btn", ".fb-btn", ".source-link", ".details-btn"):
        for el in page.locator(selector).all():
            box = el.bounding_box()
            assert box["height"] >= 44 and box["width"] >= 44, (selector, box)


def test_text_contrast_meets_wcag_aa(visit) -> None:
    v = visit()
    page = v.page
    ratios = page.evaluate(CONTRAST_JS)
    v.ask(FRENCH_QUESTION)
    ratios += page.evaluate(CONTRAST_JS)
    low = [(sel, r) for sel, r in ratios if r < 4.5]
    assert len(ratios) > 10 and not low, low
