"""What the console's tests share: an application over a copy of the knowledge base (so that publishing
writes files), people of every role, and browser-like sessions for them."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from fastapi.testclient import TestClient

from bot.admin.accounts import ROLES
from bot.config import ROOT, Settings
from tests.conftest import make_settings

PASSWORD = "correct horse battery staple"
PEOPLE = {"viewer": "nadia", "editor": "youssef", "publisher": "salma", "admin": "amina"}


def console_settings(root: Path, **overrides: object) -> Settings:
    """Settings over a copy of the knowledge folder, with a small quality gate (1 fold in 10, every
    40th scope message) and the cookie allowed over the tests' plain http."""
    shutil.copytree(ROOT / "knowledge", root / "knowledge", dirs_exist_ok=True)
    values: dict[str, object] = {
        "knowledge_dir": root / "knowledge",
        "admin_cookie_secure": False,
        "gate_folds": 10,
        "gate_off_topic_every": 40,
    }
    values.update(overrides)
    return make_settings(root / "data", **values)


def add_people(client: TestClient) -> None:
    accounts = client.app.state.dalil.console.accounts
    for role in ROLES:
        if accounts.by_name(PEOPLE[role]) is None:
            accounts.add(PEOPLE[role], role, PASSWORD, "tests")


@dataclass
class Session:
    cookie: str
    csrf: str


def session(client: TestClient, role: str) -> Session:
    """A console session of the person with ``role`` (opened directly: no password hashing per test)."""
    accounts = client.app.state.dalil.console.accounts
    user = accounts.by_name(PEOPLE[role])
    assert user is not None
    token, opened = accounts.open_session(user)
    return Session(token, opened.csrf)


def login(client: TestClient, role: str) -> str:
    """Log in through the form as ``role``; returns the page's CSRF token."""
    client.cookies.clear()
    response = client.post("/admin/login", data={"name": PEOPLE[role], "password": PASSWORD}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/admin/tokens").text)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def form_of(html: str) -> dict[str, str]:
    """The values of the editor's form as the page shows them (inputs, checked boxes, selects, textareas)."""
    import html as entities

    form = html[html.index('<form id="editor"') : html.index("</form>", html.index('<form id="editor"'))]
    values: dict[str, str] = {}
    for tag in re.finditer(r"<input([^>]*)>", form):
        attrs = dict(re.findall(r'(\w[\w-]*)="([^"]*)"', tag.group(1)))
        if "name" not in attrs:
            continue
        if attrs.get("type") == "checkbox":
            if " checked" in tag.group(1):
                values[attrs["name"]] = attrs.get("value", "on")
            continue
        values[attrs["name"]] = entities.unescape(attrs.get("value", ""))
    for area in re.finditer(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        values[area.group(1)] = entities.unescape(area.group(2))
    for select in re.finditer(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r"<option[^>]*selected[^>]*>([^<]*)</option>", select.group(2))
        first = re.search(r"<option[^>]*>([^<]*)</option>", select.group(2))
        values[select.group(1)] = (chosen or first).group(1) if (chosen or first) else ""
    return values
