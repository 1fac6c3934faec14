"""The web API's guards on a whole application with fakes in every seam (review findings 3, 4, 7, 8,
13, 15): server-issued session ids, rate limits per client and per session, one streaming body cap per
route, JSON 500s that keep the request id and the security headers, admin off without a real token,
and the API docs off by default."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlalchemy import select

from bot.app import Parts
from bot.config import Settings
from bot.coordination import rate_counts
from bot.database import make_engine
from bot.ratelimit import MemoryRateCounter, RateLimiter
from bot.sessions import SessionIds
from tests.fakes import fake_settings
from web.app import create_app
from web.limits import client_address, parse_networks

ADMIN_TOKEN = "a" * 40


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("guards")


@pytest.fixture(scope="module")
def parts(fake_app_parts: Parts) -> Parts:
    return fake_app_parts


# The limits count per minute of the clock: a test whose requests straddled the turn of a minute would
# see its count start again (a flaky 200 where a 429 is due), so the tests' limiters read a clock stopped
# mid-minute.
MID_MINUTE = 1_800_000_030.0


@contextlib.contextmanager
def app_client(
    folder: Path, parts: Parts, client: tuple[str, int] = ("198.51.100.7", 4000), **overrides: object
) -> Iterator[TestClient]:
    settings = fake_settings(folder, **{"web_rate_limit": 0, "admin_token": ADMIN_TOKEN} | overrides)
    with TestClient(create_app(settings, parts), client=client, raise_server_exceptions=False) as test_client:
        test_client.app.state.dalil.limits.clock = lambda: MID_MINUTE  # type: ignore[attr-defined]
        yield test_client


@pytest.fixture(scope="module")
def client(folder: Path, parts: Parts) -> Iterator[TestClient]:
    with app_client(folder, parts) as test_client:
        yield test_client


def ask(client: TestClient, message: str, session_id: str | None = None, **headers: str):  # type: ignore[no-untyped-def]
    return client.post("/api/chat", json={"message": message, "session_id": session_id}, headers=headers)


# --- 7: session ids the server issued, and only those -------------------------------------------


def test_the_server_issues_the_session_id_and_a_client_continues_with_it(client: TestClient) -> None:
    first = ask(client, "renouveler mon passeport").json()
    assert SessionIds("dalil-dev-session-secret").issued(first["session_id"])
    follow = ask(client, "et ça coûte combien ?", first["session_id"]).json()
    assert follow["session_id"] == first["session_id"]


@pytest.mark.parametrize("claimed", ["abc-123", "wa-0123456789abcdef", "0" * 32 + "." + "0" * 32])
def test_an_id_the_server_did_not_issue_starts_a_new_conversation(client: TestClient, claimed: str) -> None:
    reply = ask(client, "passeport", claimed).json()
    assert reply["session_id"] != claimed
    assert SessionIds("dalil-dev-session-secret").issued(reply["session_id"])


def test_the_web_cannot_read_or_steer_a_whatsapp_conversation(client: TestClient) -> None:
    dalil = client.app.state.dalil  # type: ignore[attr-defined]
    whatsapp = dalil.answer("renouveler la carte grise", "wa-0123456789abcdef", None, "whatsapp")
    reply = ask(client, "et ça coûte combien ?", "wa-0123456789abcdef").json()
    assert reply["session_id"] != "wa-0123456789abcdef"
    assert dalil.session_language("wa-0123456789abcdef") == whatsapp.language  # its turns are untouched
    rated = client.post(
        "/api/feedback", json={"session_id": "wa-0123456789abcdef", "answer_id": whatsapp.answer_id, "rating": -1}
    )
    assert rated.status_code == 404
    assert not [r for r in dalil.recent_feedback() if r["answer_id"] == whatsapp.answer_id]


def test_ids_are_signed_with_the_secret() -> None:
    ours, theirs = SessionIds("one secret"), SessionIds("another secret")
    issued = ours.issue()
    assert ours.issued(issued) and not theirs.issued(issued)
    assert not ours.issued(issued[:-1] + ("0" if issued[-1] != "0" else "1"))
    assert ours.continue_or_issue(None) != ours.continue_or_issue(None)


def test_production_refuses_the_development_session_secret(folder: Path) -> None:
    with pytest.raises(ValidationError, match="DALIL_SESSION_SECRET"):
        Settings(env="production", hash_salt="s" * 32, data_dir=folder)
    Settings(env="production", hash_salt="s" * 32, session_secret="k" * 32, data_dir=folder)


# --- 4: rate limits ---------------------------------------------------------------------------


def test_a_client_over_its_limit_gets_a_polite_429_in_its_language(folder: Path, parts: Parts) -> None:
    with app_client(folder, parts, web_rate_limit=3, web_session_rate_limit=0) as limited:
        assert [ask(limited, "passeport").status_code for _ in range(3)] == [200, 200, 200]
        refused = ask(limited, "passeport", **{"accept-language": "ar-MA,ar;q=0.9"})
        assert refused.status_code == 429
        assert 1 <= int(refused.headers["retry-after"]) <= 60
        assert "دقيقة" in refused.json()["detail"] and refused.headers["x-request-id"]
        french = ask(limited, "passeport", **{"accept-language": "fr-FR"})
        assert french.status_code == 429 and "minute" in french.json()["detail"]
        assert limited.get("/api/procedures/passport-renewal").status_code == 200  # reading a card is not limited


def test_each_client_has_its_own_count_and_0_turns_limits_off(folder: Path, parts: Parts) -> None:
    with app_client(folder, parts, web_rate_limit=1) as one, app_client(
        folder, parts, client=("198.51.100.8", 4000), web_rate_limit=1
    ) as other:
        assert ask(one, "passeport").status_code == 200 and ask(one, "passeport").status_code == 429
        assert ask(other, "passeport").status_code == 200  # another address (another app, too)
    with app_client(folder, parts, web_rate_limit=0) as unlimited:
        assert {ask(unlimited, "passeport").status_code for _ in range(30)} == {200}


def test_a_session_has_its_own_limit(folder: Path, parts: Parts) -> None:
    with app_client(folder, parts, web_rate_limit=100, web_session_rate_limit=2) as limited:
        session = ask(limited, "passeport").json()["session_id"]
        assert ask(limited, "et le prix ?", session).status_code == 200
        refused = ask(limited, "et les délais ?", session)
        assert refused.status_code == 429 and refused.headers["retry-after"]
        assert ask(limited, "passeport").status_code == 200  # a new conversation is not that session


def test_forwarded_for_is_believed_only_from_a_trusted_proxy(folder: Path, parts: Parts) -> None:
    spoof = {"x-forwarded-for": "203.0.113.1"}
    with app_client(folder, parts, web_rate_limit=1) as direct:
        assert ask(direct, "passeport", **spoof).status_code == 200
        assert ask(direct, "passeport", **{"x-forwarded-for": "203.0.113.2"}).status_code == 429
    proxy = ("10.0.0.5", 443)
    with app_client(folder, parts, client=proxy, web_rate_limit=1, trusted_proxies="10.0.0.0/24") as behind:
        assert ask(behind, "passeport", **spoof).status_code == 200
        assert ask(behind, "passeport", **{"x-forwarded-for": "203.0.113.2"}).status_code == 200
        assert ask(behind, "passeport", **spoof).status_code == 429


def test_client_address_walks_forwarded_for_from_the_right() -> None:
    trusted = parse_networks("10.0.0.0/8, 192.0.2.1")
    assert client_address("10.1.1.1", ["6.6.6.6, 203.0.113.9, 192.0.2.1"], trusted) == "203.0.113.9"
    assert client_address("10.1.1.1", ["not-an-ip"], trusted) == "10.1.1.1"
    assert client_address("203.0.113.9", ["6.6.6.6"], trusted) == "203.0.113.9"
    assert client_address("10.1.1.1", [], trusted) == "10.1.1.1"


def test_the_memory_counter_forgets_ended_windows_and_stays_bounded() -> None:
    counter = MemoryRateCounter(max_keys=10)
    assert [counter.hit("k", 60, 0.0) for _ in range(3)] == [1, 2, 3]
    assert counter.hit("k", 60, 61.0) == 1
    for i in range(50):
        counter.hit(f"flood-{i}", 60, 61.0)
    assert len(counter._counts) <= 10
    limiter = RateLimiter(counter, clock=lambda: 125.0)
    assert limiter.check("x", 1) is None and limiter.check("x", 1) == 55


def test_two_workers_sharing_the_database_count_a_client_once(folder: Path, parts: Parts) -> None:
    peer = ("198.51.100.20", 4000)
    with app_client(folder, parts, peer, web_rate_limit=2, rate_counter="database") as one, app_client(
        folder, parts, peer, web_rate_limit=2, rate_counter="database"
    ) as two:  # two processes' apps, one database
        assert [ask(one, "passeport").status_code, ask(two, "passeport").status_code] == [200, 200]
        assert ask(one, "passeport").status_code == 429 and ask(two, "passeport").status_code == 429
    engine = make_engine(fake_settings(folder).sqlite_url)
    with engine.connect() as conn:  # the database holds a keyed hash of the address, never the address
        keys = conn.execute(select(rate_counts.c.key)).scalars().all()
    engine.dispose()
    assert keys and not any("198.51.100.20" in key or "client" in key for key in keys)


def test_a_counter_that_fails_lets_the_request_through_with_a_log(caplog: pytest.LogCaptureFixture) -> None:
    class Broken:
        def hit(self, key: str, window_s: int, now: float) -> int:
            raise OSError("database is locked")

    with caplog.at_level(logging.WARNING, logger="bot.ratelimit"):
        assert RateLimiter(Broken()).check("client:x", 1) is None
    assert "rate counter unavailable" in caplog.text


def test_invalid_trusted_proxies_are_refused_at_start_up(folder: Path) -> None:
    with pytest.raises(ValidationError, match="DALIL_TRUSTED_PROXIES"):
        Settings(trusted_proxies="10.0.0.0/8, proxy.local", data_dir=folder)


# --- 3: one streaming byte cap per route ------------------------------------------------------


def chunks(total: int, size: int = 64 * 1024) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        yield b"x" * min(size, total - sent)
        sent += size


def test_a_declared_body_over_the_cap_is_refused_unread(client: TestClient) -> None:
    r = client.post("/api/chat", content=b"{}", headers={"content-length": str(100 * 1024 * 1024)})
    assert r.status_code == 413 and "32 kB limit of POST /api/chat" in r.json()["detail"]


@pytest.mark.parametrize(
    ("method", "path", "total", "limit"),
    [
        ("POST", "/api/chat", 100 * 1024 * 1024, "32 kB"),
        ("POST", "/api/feedback", 50 * 1024 * 1024, "16 kB"),
        ("POST", "/api/voice", 60 * 1024 * 1024, "10 MB"),
        ("PUT", "/admin/procedures/cnie-renewal", 5 * 1024 * 1024, "200 kB"),
    ],
)
def test_a_chunked_body_is_cut_at_the_cap(client: TestClient, method: str, path: str, total: int, limit: str) -> None:
    def counted() -> Iterator[bytes]:
        yield from chunks(total)

    headers = {"authorization": f"Bearer {ADMIN_TOKEN}", "content-type": "multipart/form-data; boundary=x"}
    if path == "/api/chat" or path == "/api/feedback":
        headers["content-type"] = "application/json"
    r = client.request(method, path, content=counted(), headers=headers)
    assert "content-length" not in r.request.headers  # sent chunked: only counting the bytes can stop it
    assert r.status_code == 413 and limit in r.json()["detail"]


# --- 8: errors that escape a route --------------------------------------------------------------


def test_an_unhandled_error_is_a_json_500_with_the_request_id_headers_and_a_log_line(
    folder: Path, parts: Parts, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(fake_settings(folder, web_rate_limit=0), parts)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("boom")

    with TestClient(app, raise_server_exceptions=False) as test_client:
        logging.getLogger("dalil").addHandler(caplog.handler)  # Dalil's loggers do not propagate to the root
        try:
            r = test_client.get("/boom", headers={"x-request-id": "trace-42"})
        finally:
            logging.getLogger("dalil").removeHandler(caplog.handler)
    assert r.status_code == 500 and r.json()["request_id"] == "trace-42" and "boom" not in r.text
    assert r.headers["x-request-id"] == "trace-42" and "default-src 'self'" in r.headers["content-security-policy"]
    lines = [rec for rec in caplog.records if rec.getMessage() == "request" and getattr(rec, "path", "") == "/boom"]
    assert lines and lines[0].status == 500  # type: ignore[attr-defined]
    errors = [rec for rec in caplog.records if rec.getMessage() == "unhandled error"]
    assert errors and errors[0].request_id == "trace-42" and errors[0].exc_info  # type: ignore[attr-defined]


@pytest.mark.parametrize("claimed", [b"x" * 65, b"a b", "id\u202e".encode()])
def test_an_odd_request_id_is_replaced(client: TestClient, claimed: bytes) -> None:
    r = client.get("/health", headers={"x-request-id": claimed})
    assert r.headers["x-request-id"].encode() != claimed and len(r.headers["x-request-id"]) <= 64


def test_a_trailing_slash_is_not_redirected_to_the_host_a_client_names(client: TestClient) -> None:
    # Found probing the service: Starlette answered 307 with a Location built from the Host header.
    r = client.post("/api/chat/", json={"message": "passeport"}, headers={"host": "evil.example"})
    assert r.status_code == 404 and "location" not in r.headers


# --- 13: admin only with a real token ------------------------------------------------------------


def test_an_empty_admin_token_opens_nothing(folder: Path, parts: Parts) -> None:
    # The console's personal accounts and tokens are the way in (issue 17); the deprecated shared token,
    # left empty, must never match an empty or missing credential.
    with app_client(folder, parts, admin_token="") as no_admin:
        assert no_admin.app.state.dalil.settings.admin_token is None
        for auth in ("Bearer ", "Bearer", "", "Bearer  "):
            r = no_admin.post("/admin/reload", headers={"authorization": auth})
            assert r.status_code == 401 and "detail" in r.json()


def test_a_short_admin_token_is_refused_at_start_up(folder: Path) -> None:
    with pytest.raises(ValidationError, match="32 characters"):
        Settings(admin_token="s3cret", data_dir=folder)


# --- 15: API docs only when asked for ------------------------------------------------------------


def test_the_api_docs_are_off_by_default(client: TestClient, folder: Path, parts: Parts) -> None:
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert client.get(path).status_code == 404
    with app_client(folder, parts, api_docs=True) as docs:
        assert docs.get("/openapi.json").json()["paths"]["/api/chat"]
        page = docs.get("/docs")
        assert page.status_code == 200 and "cdn.jsdelivr.net" in page.headers["content-security-policy"]
