"""A citizen over the rate limit: the page says so politely, in the interface language the server was
told (Accept-Language), and nothing else breaks."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.integration

FRENCH = "Vous m'envoyez beaucoup de messages : attendez une minute."


def test_a_429_shows_the_servers_polite_sentence(visit) -> None:
    from playwright.sync_api import expect

    languages: list[str] = []

    def limited(page) -> None:  # type: ignore[no-untyped-def]
        def fulfill(route) -> None:  # type: ignore[no-untyped-def]
            languages.append(route.request.headers.get("accept-language", ""))
            route.fulfill(
                status=429,
                content_type="application/json",
                headers={"Retry-After": "42"},
                body=json.dumps({"detail": FRENCH}),
            )

        page.route("**/api/chat", fulfill)

    v = visit(setup=limited)
    error = v.ask("renouveler mon passeport")
    expect(error).to_have_text(f"Dalil : {FRENCH}")
    assert languages == ["fr"]
    assert "Raison" not in error.text_content() and not v.problems
