"""The web page as a citizen uses it: a real server (uvicorn, the session's index, real answers) and
Debian's headless Chromium driven by Playwright at phone size (360×740), both started once for every
page test. Screenshots go to ``test-artifacts/``."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest

from tests.integration.page.pages import CHROMIUM, CHROMIUM_ARGS, PHONE, TIMEOUT_MS, Visit
from tests.servers import serving


@pytest.fixture(scope="session")
def base_url(settings, parts) -> Iterator[str]:  # type: ignore[no-untyped-def]
    from web.app import create_app

    # tests/servers.serving: a dead server fails at once, its deadline only bounds a hang (a start takes
    # minutes on a loaded machine, where a 60 s deadline of its own could fail page tests that were not broken).
    with serving(create_app(settings, parts), timeout_s=600) as (host, port):
        yield f"http://{host}:{port}"


@pytest.fixture(scope="session")
def browser() -> Iterator:
    from playwright.sync_api import expect, sync_playwright

    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run `make system-deps` (apt-get install chromium fonts-noto-core)")
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


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
