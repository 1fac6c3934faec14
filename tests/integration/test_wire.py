"""The guards on the wire, through a real uvicorn server on 127.0.0.1 as `dalil serve` runs it (fakes
behind it): a chunked upload is answered 413 while the client is still sending, long before its end
(review finding 3), and X-Forwarded-For from an untrusted peer changes nothing (finding 4)."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakes import fake_settings
from tests.servers import serving
from web.app import create_app

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def address(tmp_path_factory: pytest.TempPathFactory, fake_app_parts) -> Iterator[tuple[str, int]]:  # type: ignore[no-untyped-def]
    folder: Path = tmp_path_factory.mktemp("wire")
    settings = fake_settings(folder, web_rate_limit=2, web_session_rate_limit=0, log_level="ERROR")
    app = create_app(settings, fake_app_parts)
    with serving(app, timeout_s=60, log_level="error", proxy_headers=False, lifespan="auto") as address:
        # A clock stopped mid-minute: requests straddling the turn of a minute would start a new count.
        app.state.dalil.limits.clock = lambda: 1_800_000_030.0
        yield address


def test_a_chunked_upload_is_refused_while_it_is_still_being_sent(address: tuple[str, int]) -> None:
    chunk = b"x" * 65536
    sent = 0
    with socket.create_connection(address, timeout=10) as conn:
        conn.sendall(
            b"POST /api/voice HTTP/1.1\r\nHost: dalil\r\nContent-Type: multipart/form-data; boundary=b\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        head = b'--b\r\nContent-Disposition: form-data; name="audio"; filename="a.ogg"\r\n\r\n'
        conn.sendall(b"%x\r\n%s\r\n" % (len(head), head))
        conn.setblocking(False)
        reply = b""
        while sent < 60 * 1024 * 1024 and b"\r\n\r\n" not in reply:
            try:
                conn.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
                reply += conn.recv(65536)
            except BlockingIOError:
                time.sleep(0.001)
            except (BrokenPipeError, ConnectionResetError):
                break
        conn.setblocking(True)
        while b"\r\n\r\n" not in reply:
            data = conn.recv(65536)
            if not data:
                break
            reply += data
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    assert sent < 20 * 1024 * 1024  # the 10 MB cap (and the envelope), not the 60 MB the client meant to send


def test_forwarded_for_from_an_untrusted_peer_changes_nothing(address: tuple[str, int]) -> None:
    import httpx

    base = f"http://{address[0]}:{address[1]}"
    statuses = [
        httpx.post(f"{base}/api/chat", json={"message": "passeport"}, headers={"X-Forwarded-For": f"203.0.113.{i}"})
        for i in range(4)
    ]
    # Two a minute from 127.0.0.1, whatever address each request claims.
    assert [r.status_code for r in statuses].count(200) <= 2 and statuses[-1].status_code == 429
