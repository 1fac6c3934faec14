"""A conversation on the page: answers with their official sources, clarification buttons,
feedback, and the reasons given when the API or the network fails."""

from __future__ import annotations

import re

import pytest

from tests.integration.page.pages import (
    ARTIFACTS,
    BIRTH_QUESTION,
    CLARIFY_QUESTIONS,
    FRENCH_QUESTION,
    ISO_DATE,
    no_horizontal_scroll,
    not_under_the_composer,
    shot,
)

pytestmark = pytest.mark.integration


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
    # A general question: what it is and the steps first, the full card (with its title) behind "Détails".
    expect(answer.locator(".md").first).to_contain_text("passeport")
    expect(answer.get_by_role("button", name="Détails", expanded=False)).to_be_visible()

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
    no_horizontal_scroll(page)
    page.evaluate("window.scrollTo(0, 0)")  # the header, the question and the start of the answer
    shot(page, "chat-fr-360x740.png")
    page.screenshot(path=str(ARTIFACTS / "chat-fr-360-full.png"), full_page=True)


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
    no_horizontal_scroll(page)


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
    not_under_the_composer(v.page)
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


def test_a_greeting_gets_a_social_reply_with_procedures_to_start_from(visit) -> None:
    from playwright.sync_api import expect

    v = visit()
    page = v.page
    answer = v.ask("salam")
    expect(answer).to_have_attribute("data-status", "social")
    expect(answer).to_have_attribute("dir", "rtl")
    assert answer.locator(".source-card").count() == 0  # nothing was asked: no source
    options = answer.locator("button.option")
    assert options.count() == 3
    first = options.first.get_attribute("data-option-id")
    options.first.click()
    chosen = page.locator("#messages .msg--bot").last
    expect(chosen).to_have_attribute("data-status", "answered")
    expect(chosen.locator(".source-card").first).to_have_attribute("data-procedure-id", first)
