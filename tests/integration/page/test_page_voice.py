"""The microphone on the page: why it is unavailable when it is, and a recorded voice note sent,
transcribed and answered (the voice API stood in for by a fixed transcript)."""

from __future__ import annotations

import pytest

from tests.integration.page.pages import (
    FRENCH_QUESTION,
)

pytestmark = pytest.mark.integration


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


def test_an_unsure_transcript_is_shown_editable_and_yes_sends_the_corrected_question(visit, dalil) -> None:
    from playwright.sync_api import expect

    from bot.types import Transcript
    from tests.integration.page.pages import shot

    misheard = "je voudrais renouveler mon passant biométrique"
    # The real decision on a real answer: Whisper's log-probability for this note was poor.
    heard = dalil.answer_heard(Transcript(misheard, "fr", 4.0, 0.9, -1.8, 0.05), "voice-confirm-1")
    assert heard.confirm

    v = visit(
        permissions=["microphone"],
        setup=lambda page: page.route("**/api/voice", lambda r: r.fulfill(status=200, json=heard.to_dict())),
    )
    page = v.page
    page.get_by_role("button", name="Poser la question à voix haute").click()
    page.wait_for_timeout(800)
    page.get_by_role("button", name="Arrêter l'enregistrement et l'envoyer").click()

    expect(page.locator("#messages .msg--voice")).to_contain_text(misheard)  # the transcript, always shown
    question = page.locator("#messages .msg--bot").last
    expect(question).to_contain_text("C'est bien votre question ?")
    expect(question.locator(".source-card")).to_have_count(0)
    expect(question.locator(".feedback")).to_have_count(0)  # nothing was answered yet
    field = question.get_by_role("textbox", name="Ce que Dalil a compris (corrigez si besoin)")
    expect(field).to_have_value(misheard)
    expect(field).to_be_focused()
    shot(page, "voice-confirm-fr-360.png")

    field.fill("je voudrais renouveler mon passeport biométrique")
    question.get_by_role("button", name="Oui, répondre à cette question").click()
    answer = page.locator("#messages .msg--bot[data-answer-id]").last
    expect(answer.locator(".source-card").first).to_have_attribute("data-procedure-id", "passport-renewal")
    assert v.chat_bodies[-1]["message"] == "je voudrais renouveler mon passeport biométrique"
    assert v.chat_bodies[-1]["session_id"] == "voice-confirm-1"
