"""The administrators' console as a ministry uses it, in Debian's Chromium on a laptop: a real server
over a copy of the knowledge base (the session's embedding model, its own Chroma store), real answers,
the real quality gate (1 fold in 10 of the knowledge base's questions, the dev set, every 40th scope
message). One story, in order: people and roles, a fee changed with its source (an inline error first),
reviewed and published by someone else, seen by a citizen, rolled back; a draft that loses questions
blocked by the gate and published with a reason, audited; a 👎 turned into a citizen question.
Screenshots of every screen go to ``test-artifacts/admin-*.png`` (the README shows them)."""

from __future__ import annotations

import datetime as dt
import re
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from bot.app import Parts
from tests.admin_helpers import PASSWORD, console_settings
from tests.integration.page.pages import PHONE, shot

pytestmark = pytest.mark.integration
LAPTOP = {"width": 1280, "height": 860}
TABLET = {"width": 820, "height": 1180}
TODAY = dt.date.today().isoformat()


@pytest.fixture(scope="module")
def console_url(tmp_path_factory: pytest.TempPathFactory, parts) -> Iterator[str]:  # type: ignore[no-untyped-def]
    import uvicorn

    from web.app import create_app

    settings = console_settings(tmp_path_factory.mktemp("console-story"))
    app = create_app(settings, Parts(embedder=parts.embedder, transcriber=parts.transcriber))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 600
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the console's server did not start")
        time.sleep(0.1)
    app.state.dalil.console.accounts.add("amina", "admin", PASSWORD, "cli")  # `dalil admin add-user amina --role admin`
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


class Desk:
    """One person's browser at the console; every console error (a CSP violation among them) is kept."""

    def __init__(self, browser, url: str, viewport: dict[str, int] = LAPTOP, locale: str = "fr-FR") -> None:  # type: ignore[no-untyped-def]
        self.context = browser.new_context(viewport=viewport, locale=locale, reduced_motion="reduce")
        self.page = self.context.new_page()
        self.page.set_default_navigation_timeout(600_000)  # a publish waits for the candidate and its gate
        self.url = url
        self.problems: list[str] = []
        self.page.on("console", lambda m: self.problems.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.problems.append(str(e)))

    def login(self, name: str, password: str = PASSWORD) -> None:
        from playwright.sync_api import expect

        self.page.goto(self.url + "/admin")
        self.page.get_by_label("Identifiant").fill(name)
        self.page.get_by_label("Mot de passe").fill(password)
        self.page.get_by_role("button", name="Se connecter").click()
        expect(self.page.get_by_role("heading", name="Démarches", level=1)).to_be_visible()

    def close(self) -> None:
        self.context.close()
        assert not [p for p in self.problems if "Failed to load resource" not in p], self.problems


def test_a_ministry_runs_the_console(browser, console_url: str) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    # --- the admin creates an editor and a publisher ------------------------------------------
    admin = Desk(browser, console_url)
    admin.page.goto(console_url + "/admin")
    shot(admin.page, "admin-login.png")
    admin.page.get_by_label("Identifiant").fill("amina")
    admin.page.get_by_label("Mot de passe").fill("not the password")
    admin.page.get_by_role("button", name="Se connecter").click()
    expect(admin.page.get_by_role("alert")).to_contain_text("incorrect")
    # Then with the keyboard only: Tab to the name, type it, Tab to the password, type it, Enter.
    admin.page.goto(console_url + "/admin")
    for _ in range(8):
        admin.page.keyboard.press("Tab")
        if admin.page.evaluate("document.activeElement.name") == "name":
            break
    assert admin.page.evaluate("document.activeElement.name") == "name", "the name field cannot be reached by Tab"
    admin.page.keyboard.type("amina")
    admin.page.keyboard.press("Tab")
    assert admin.page.evaluate("document.activeElement.name") == "password"
    admin.page.keyboard.type(PASSWORD)
    admin.page.keyboard.press("Enter")
    expect(admin.page.get_by_role("heading", name="Démarches", level=1)).to_be_visible()
    admin.page.get_by_role("link", name="Personnes").click()
    adding = admin.page.locator("section.card", has_text="Ajouter une personne")
    adding.get_by_label("Identifiant").fill("youssef")
    adding.get_by_label("Rôle").select_option("editor")
    adding.get_by_label(re.compile("^Mot de passe")).fill(PASSWORD)
    adding.get_by_role("button", name="Ajouter une personne").click()
    adding.get_by_label("Identifiant").fill("salma")
    adding.get_by_label("Rôle").select_option("publisher")
    adding.get_by_role("button", name="Ajouter une personne").click()  # no password typed: one is generated
    salma_password = admin.page.locator("#shown-secret").inner_text()
    assert len(salma_password) >= 16
    shot(admin.page, "admin-people.png")
    admin.close()

    # --- the editor changes a fee: an inline error for the missing source, then submits --------
    editor = Desk(browser, console_url)
    editor.login("youssef")
    editor.page.get_by_label("Filtre").select_option("weak")
    editor.page.get_by_role("button", name="Appliquer").click()
    expect(editor.page).to_have_url(re.compile(r"only=weak"))  # the filtered list has loaded: no shot mid-navigation
    expect(editor.page.locator("#only")).to_have_value("weak")
    shot(editor.page, "admin-procedures.png")
    editor.page.goto(console_url + "/admin/procedures/cnie-lost")
    editor.page.get_by_role("button", name="Modifier", exact=True).click()
    fees = editor.page.locator("#g-fees")
    fees.get_by_label("Français").fill(
        "Attestation de déclaration de perte : timbre fiscal de 30 MAD. Les frais de la nouvelle CNIE ne sont pas "
        "confirmés : vérifiez-les sur le portail de la CNIE."
    )
    fees.get_by_label("Arabe").fill(
        "شهادة التصريح بالضياع: تنبر جبائي بقيمة 30 درهما. رسوم البطاقة الوطنية الجديدة غير مؤكدة: يرجى التحقق منها في "
        "بوابة البطاقة الوطنية."
    )
    fees.get_by_label(re.compile("^Sources")).fill("")
    expect(editor.page.locator("#e-fees")).to_contain_text("Au moins 1")  # beside the field, as it is typed
    expect(fees).to_have_class(re.compile("invalid"))
    shot(editor.page, "admin-editor-error.png")
    fees.get_by_label(re.compile("^Sources")).fill("P-sp-loss")
    expect(editor.page.locator("#e-fees")).to_be_empty()
    editor.page.get_by_label("Vérifiée le").fill(TODAY)
    expect(editor.page.locator('.preview[data-lang="fr"]')).to_contain_text("30 MAD")  # the live preview
    expect(editor.page.locator('.preview[data-lang="ar"]')).to_contain_text("30 درهما")
    shot(editor.page, "admin-editor.png")
    editor.page.get_by_role("button", name="Soumettre pour relecture").click()
    expect(editor.page.locator("#draft-state")).to_have_text("à relire")
    editor.close()

    # --- the publisher sees the diff and publishes ---------------------------------------------
    publisher = Desk(browser, console_url)
    publisher.login("salma", salma_password)
    publisher.page.get_by_role("link", name="Brouillons et relecture").click()
    publisher.page.locator("table").first.get_by_role("link").first.click()
    diff = publisher.page.locator("table.diff")
    expect(diff.get_by_role("row", name=re.compile("fees.fr"))).to_contain_text("30 MAD")
    expect(diff.get_by_role("row", name=re.compile("verified_on"))).to_contain_text(TODAY)
    shot(publisher.page, "admin-review.png")
    publisher.page.get_by_role("button", name="Publier").click(timeout=600_000)
    expect(publisher.page.get_by_role("status")).to_contain_text("Publié", timeout=600_000)
    expect(publisher.page.locator(".gate")).to_contain_text("Passé")

    # --- the citizen's chat shows the new fee and the new "vérifié le" -------------------------
    citizen = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="fr-FR")
    chat = citizen.new_page()
    chat.goto(console_url + "/")
    chat.wait_for_function("document.documentElement.classList.contains('js-ready')")

    def ask(question: str):  # type: ignore[no-untyped-def]
        answers = chat.locator("#messages .msg--bot[data-answer-id]")
        before = answers.count()
        chat.get_by_role("textbox").fill(question)
        chat.get_by_role("textbox").press("Enter")
        expect(answers).to_have_count(before + 1)
        return answers.nth(before)

    answer = ask("J'ai perdu ma carte d'identité nationale, combien coûte l'attestation de perte ?")
    expect(answer).to_contain_text("30 MAD")
    expect(answer.locator(".source-card time").first).to_have_attribute("datetime", TODAY)

    # --- a rollback (itself reviewed) restores the old fee -------------------------------------
    editor = Desk(browser, console_url)
    editor.login("youssef")
    editor.page.goto(console_url + "/admin/procedures/cnie-lost/versions")
    shot(editor.page, "admin-versions.png")
    editor.page.get_by_role("button", name=re.compile("Revenir")).first.click()
    editor.page.get_by_role("button", name="Soumettre pour relecture").click()
    expect(editor.page.locator("#draft-state")).to_have_text("à relire")
    publisher.page.goto(console_url + "/admin/drafts")
    publisher.page.locator("table").first.get_by_role("link").first.click()
    publisher.page.get_by_role("button", name="Publier").click(timeout=600_000)
    expect(publisher.page.get_by_role("status")).to_contain_text("Publié", timeout=600_000)
    answer = ask("J'ai perdu ma carte d'identité nationale, combien coûte l'attestation de perte ?")
    expect(answer).to_contain_text("20 MAD")

    # --- a draft that loses questions is blocked by the gate; the override is audited -----------
    editor.page.goto(console_url + "/admin/procedures/passport-renewal")
    editor.page.get_by_text("Proposer le retrait").first.click()
    editor.page.get_by_label("Pourquoi ?").fill("Remplacée par la nouvelle démarche unique du passeport")
    editor.page.locator("details form button").click()
    editor.page.get_by_role("button", name="Soumettre pour relecture").click()
    expect(editor.page.locator("#draft-state")).to_have_text("à relire")
    publisher.page.goto(console_url + "/admin/drafts")
    publisher.page.locator("table").first.get_by_role("link").first.click()
    publisher.page.get_by_role("button", name="Publier").click(timeout=600_000)
    expect(publisher.page.locator(".gate.blocked")).to_contain_text("Bloqué", timeout=600_000)
    expect(publisher.page.locator("#changed-questions tr.worse").first).to_be_visible()
    publisher.page.locator(".gate h2").scroll_into_view_if_needed()
    publisher.page.evaluate("window.scrollBy(0, -80)")
    shot(publisher.page, "admin-gate-blocked.png")
    publisher.page.get_by_label(re.compile("malgré le contrôle qualité")).fill("Démarche retirée par le ministère")
    publisher.page.get_by_role("button", name="Publier").click(timeout=600_000)
    expect(publisher.page.get_by_role("status")).to_contain_text("Publié", timeout=600_000)
    publisher.page.goto(console_url + "/admin/audit?action=gate_override")
    expect(publisher.page.locator("table.audit tbody tr").first).to_contain_text("Démarche retirée par le ministère")
    expect(publisher.page.locator("table.audit tbody tr").first).to_contain_text("salma")
    shot(publisher.page, "admin-audit.png")

    # --- a 👎 from the chat appears in the queue and becomes a citizen question in one click -----
    question = "je dois envoyer un certificat de vie à la caisse de retraite, où le demander ?"
    answer = ask(question)
    answer.get_by_role("button", name="Non").click()
    answer.get_by_role("textbox", name=re.compile("Qu'est-ce qui n'allait pas")).fill("Je voulais le délai")
    answer.get_by_role("button", name="Envoyer mon avis").click()
    expect(answer.locator(".fb-status")).to_contain_text("Merci")
    citizen.close()
    editor.page.goto(console_url + "/admin/citizens")
    row = editor.page.locator("article.queue-row[data-key^='feedback:']", has_text=question).first  # the 👎's row
    expect(row).to_contain_text("Je voulais le délai")
    shot(editor.page, "admin-citizens.png")  # the charts and the top of the queue
    row.scroll_into_view_if_needed()
    width = editor.page.evaluate("document.documentElement.scrollWidth")  # a long title in a row's menu
    assert width <= editor.page.viewport_size["width"], f"the queue is {width}px wide"  # stays in the page
    shot(editor.page, "admin-queue.png")
    row.get_by_role("button", name="Corriger").first.click()
    expect(editor.page.locator("#f-questions-fr")).to_contain_text(question)

    # --- the console in Arabic, right to left, on a tablet --------------------------------------
    tablet = Desk(browser, console_url, viewport=TABLET, locale="ar-MA")
    tablet.page.goto(console_url + "/admin/lang/ar")
    tablet.page.get_by_label("اسم المستخدم").fill("salma")
    tablet.page.get_by_label("كلمة المرور").fill(salma_password)
    tablet.page.get_by_role("button", name="دخول").click()
    expect(tablet.page.locator("html")).to_have_attribute("dir", "rtl")
    expect(tablet.page.get_by_role("heading", name="المساطر", level=1)).to_be_visible()
    width = tablet.page.evaluate("document.documentElement.scrollWidth")
    assert width <= TABLET["width"], f"the console is {width}px wide on a {TABLET['width']}px tablet"
    shot(tablet.page, "admin-procedures-ar-tablet.png")
    for desk in (editor, publisher, tablet):
        desk.close()
