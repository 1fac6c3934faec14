"""Every admin route × every role: 401 without a session or token, 403 below the route's role, 403 for a
cookie-authenticated change without the CSRF token, and through for the roles that may. The routes are
read from the application, so a new route without a role cannot slip by."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from bot.admin.accounts import ROLES
from tests.admin_helpers import PASSWORD, session
from web.admin.auth import Require
from web.app import ADMIN_ROUTERS

PUBLIC = {"/admin/login", "/admin/lang/{lang}"}
PARAMS = {"procedure_id": "cnie-renewal", "draft_id": "999999", "revision_id": "999999", "user_id": "999999",
          "token_id": "999999", "lang": "fr"}


@pytest.fixture
def client(console_client: TestClient) -> TestClient:
    console_client.cookies.clear()
    return console_client


def admin_routes() -> list[tuple[str, str, str]]:
    """(method, path, role needed) of every admin route, from the routers the application includes."""
    found = []
    for route in [r for router in ADMIN_ROUTERS for r in router.routes]:
        if not isinstance(route, APIRoute) or not route.path.startswith("/admin") or route.path in PUBLIC:
            continue
        needs = [d.call.role for d in route.dependant.dependencies if isinstance(d.call, Require)]
        assert needs, f"{route.path} has no role"
        for method in sorted(route.methods - {"HEAD"}):
            found.append((method, route.path, needs[0]))
    return found


ROUTES = admin_routes()


def test_every_console_screen_and_api_route_is_covered() -> None:
    paths = {path for _, path, _ in ROUTES}
    for expected in ("/admin", "/admin/drafts/{draft_id}/publish", "/admin/people", "/admin/audit.csv", "/admin/reload",
                     "/admin/citizens/fix", "/admin/procedures/{procedure_id}"):
        assert expected in paths
    assert len(ROUTES) >= 25


def _url(path: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: PARAMS[m.group(1)], path)


@pytest.mark.parametrize(("method", "path", "needs"), ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES])
def test_without_a_session_401(client: TestClient, method: str, path: str, needs: str) -> None:
    client.cookies.clear()
    assert client.request(method, _url(path)).status_code == 401


@pytest.mark.parametrize(("method", "path", "needs"), ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES])
@pytest.mark.parametrize("role", ROLES)
def test_each_role(client: TestClient, method: str, path: str, needs: str, role: str) -> None:
    opened = session(client, role)
    client.cookies.clear()
    client.cookies.set("dalil_admin", opened.cookie, path="/admin")
    if method != "GET":  # without the CSRF token a change is refused, whatever the role (and changes nothing)
        assert client.request(method, _url(path), follow_redirects=False).status_code == 403
    headers = {"X-CSRF-Token": opened.csrf} if method != "GET" else {}
    status = client.request(method, _url(path), headers=headers, follow_redirects=False).status_code
    if ROLES.index(role) < ROLES.index(needs):
        assert status == 403
    else:
        assert status not in (401, 403), status


BAD_IDS = [
    {"draft_id": "99999999999999999999", "revision_id": "99999999999999999999", "user_id": "99999999999999999999",
     "token_id": "99999999999999999999", "procedure_id": "no-such-procedure"},  # past the database's integers
    {"draft_id": "-1", "revision_id": "0", "user_id": "x", "token_id": "1e3", "procedure_id": "Not An Id"},
    {"draft_id": "999999", "revision_id": "999999", "user_id": "999999", "token_id": "999999",
     "procedure_id": "no-such-procedure"},  # well formed, not there
]


@pytest.mark.parametrize("bad", BAD_IDS, ids=["out-of-range", "malformed", "missing"])
def test_bad_ids_are_refused_with_a_reason_never_a_500(client: TestClient, bad: dict[str, str]) -> None:
    """Every admin route with ids it cannot hold or find, as the admin (every role's check passed): a 4xx
    with a reason (the test client raises what would be a 500)."""
    opened = session(client, "admin")
    client.cookies.clear()
    client.cookies.set("dalil_admin", opened.cookie, path="/admin")
    for method, path, _ in [r for r in ROUTES if r[1] != "/admin/logout"]:
        url = re.sub(r"\{(\w+)\}", lambda m: bad.get(m.group(1), PARAMS[m.group(1)]), path)
        data = {"op": "password"} if path == "/admin/people/{user_id}" else None
        response = client.request(method, url, headers={"X-CSRF-Token": opened.csrf}, data=data, follow_redirects=False)
        assert response.status_code < 500, (method, url, response.status_code)
        if response.status_code >= 400:
            assert response.text.strip(), (method, url)


def test_a_wrong_csrf_token_and_a_forged_cookie_are_refused(client: TestClient) -> None:
    opened = session(client, "admin")
    client.cookies.clear()
    client.cookies.set("dalil_admin", opened.cookie, path="/admin")
    assert client.post("/admin/people", data={"csrf": "forged", "name": "x", "role": "viewer"}).status_code == 403
    client.cookies.set("dalil_admin", "forged", path="/admin")
    assert client.get("/admin/people").status_code == 401


def test_the_login_cookie_is_httponly_samesite_strict_and_expires(client: TestClient) -> None:
    client.cookies.clear()
    response = client.post(
        "/admin/login", data={"name": "nadia", "password": "correct horse battery staple"}, follow_redirects=False
    )
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/admin" in cookie
    assert "max-age=28800" in cookie  # DALIL_ADMIN_SESSION_HOURS
    assert "secure" not in cookie  # DALIL_ADMIN_COOKIE_SECURE=false in these tests; true by default


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site", "Origin": "null"}],
    ids=["origin", "sec-fetch-site"],
)
def test_a_login_posted_from_another_site_is_refused(client: TestClient, headers: dict[str, str]) -> None:
    form = {"name": "nadia", "password": "correct horse battery staple"}
    forged = client.post("/admin/login", data=form, headers=headers, follow_redirects=False)
    assert forged.status_code == 403 and "set-cookie" not in forged.headers


def test_a_login_from_the_console_page_passes_with_a_null_origin(client: TestClient) -> None:
    """Chromium sends Origin: null under Referrer-Policy: no-referrer, and Sec-Fetch-Site: same-origin."""
    form = {"name": "nadia", "password": "correct horse battery staple"}
    headers = {"Origin": "null", "Sec-Fetch-Site": "same-origin"}
    assert client.post("/admin/login", data=form, headers=headers, follow_redirects=False).status_code == 303


def test_a_wrong_password_is_refused_and_audited(client: TestClient) -> None:
    refused = client.post("/admin/login", data={"name": "nadia", "password": "not her password"})
    assert refused.status_code == 401 and "incorrect" in refused.text and "dalil_admin=" not in refused.headers.get(
        "set-cookie", ""
    )
    unknown = client.post("/admin/login", data={"name": "nobody", "password": "not her password"})
    assert unknown.status_code == 401 and unknown.text.count("incorrect") == refused.text.count("incorrect")
    entries = client.app.state.dalil.console.audit.entries(actor="nadia", action="login_wrong")
    assert entries and entries[0].ip == "testclient"


def test_a_person_changes_their_own_password(client: TestClient) -> None:
    console = client.app.state.dalil.console
    console.accounts.add("karim", "viewer", PASSWORD, "tests")
    other = console.accounts.open_session(console.accounts.by_name("karim"))[0]  # say, on another computer
    client.cookies.clear()
    assert client.post("/admin/login", data={"name": "karim", "password": PASSWORD}).status_code == 200
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/admin/tokens").text)
    assert csrf is not None
    new = "a longer passphrase of mine"
    form = {"csrf": csrf.group(1), "current": "not my password", "new": new, "again": new}
    wrong = client.post("/admin/password", data=form)
    assert wrong.status_code == 401 and "actuel est incorrect" in wrong.text
    differ = client.post("/admin/password", data=form | {"current": PASSWORD, "again": new + "!"})
    assert differ.status_code == 422 and "diffèrent" in differ.text
    short = client.post("/admin/password", data=form | {"current": PASSWORD, "new": "short", "again": "short"})
    assert short.status_code == 422 and "12 caractères" in short.text

    changed = client.post("/admin/password", data=form | {"current": PASSWORD}, follow_redirects=False)
    assert changed.status_code == 303 and "dalil_admin=" in changed.headers["set-cookie"]
    assert "Mot de passe changé" in client.get(changed.headers["location"]).text  # this browser stays in
    assert console.accounts.session(other) is None  # every other session is closed
    client.cookies.clear()
    assert client.post("/admin/login", data={"name": "karim", "password": PASSWORD}).status_code == 401
    assert client.post("/admin/login", data={"name": "karim", "password": new}).status_code == 200
    actions = [e.action for e in console.audit.entries(50, actor="karim")]
    assert "password_changed" in actions and actions.count("password_refused") == 3
