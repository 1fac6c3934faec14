"""A local stand-in for the WhatsApp Cloud API (Graph API) on 127.0.0.1, for the WhatsApp tests.

It records the messages sent to ``POST /<version>/<phone-number-id>/messages``, serves media the way
Meta does (``GET /<version>/<media-id>`` returns a URL, the URL returns the bytes, both only with the
bearer token) and fails on demand: queue ``"500"``, ``"429"`` or ``"slow:<seconds>"`` with :meth:`fail`."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

VERSION = "v21.0"


@dataclass
class Sent:
    to: str
    payload: dict[str, Any]
    at: float  # time.monotonic() when the server accepted it

    @property
    def text(self) -> str:
        if self.payload.get("type") == "text":
            return self.payload["text"]["body"]
        return self.payload["interactive"]["body"]["text"]


@dataclass
class FakeGraph:
    token: str = "test-token"
    phone_number_id: str = "1122334455667"
    sent: list[Sent] = field(default_factory=list)
    requests: list[tuple[str, str, int]] = field(default_factory=list)  # method, path, status
    media: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    plan: deque[str] = field(default_factory=deque)
    media_plan: deque[str] = field(default_factory=deque)
    media_urls: dict[str, str] = field(default_factory=dict)  # a media answer pointing elsewhere (hostile)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # --- control ---------------------------------------------------------------------------

    def start(self) -> FakeGraph:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def reset(self) -> None:
        with self._lock:
            self.sent.clear()
            self.requests.clear()
            self.plan.clear()
            self.media_plan.clear()
            self.media_urls.clear()

    @property
    def origin(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def base_url(self) -> str:
        return f"{self.origin}/{VERSION}"

    def fail(self, *modes: str) -> None:
        """Queue failures for the next sends: "500", "429", "400" or "slow:<seconds>"."""
        self.plan.extend(modes)

    def add_media(self, media_id: str, data: bytes, mime: str = "audio/ogg; codecs=opus") -> None:
        self.media[media_id] = (data, mime)

    def wait_for(self, count: int, timeout_s: float = 30.0) -> list[Sent]:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.sent) >= count:
                    return list(self.sent)
            time.sleep(0.01)
        raise AssertionError(f"expected {count} sent messages within {timeout_s}s, got {len(self.sent)}")

    def first_to(self, to: str, timeout_s: float = 30.0) -> Sent:
        """The first message sent to ``to``, waiting for it."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            with self._lock:
                found = [s for s in self.sent if s.to == to]
            if found:
                return found[0]
            time.sleep(0.01)
        raise AssertionError(f"nothing sent to {to} within {timeout_s}s")

    def record(self, to: str, payload: dict[str, Any]) -> int:
        with self._lock:
            self.sent.append(Sent(to, payload, time.monotonic()))
            return len(self.sent)

    def log(self, method: str, path: str, status: int) -> None:
        with self._lock:
            self.requests.append((method, path, status))


def _handler(graph: FakeGraph) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:  # keep pytest output clean
            pass

        def _reply(
            self,
            status: int,
            body: bytes | dict[str, Any],
            content_type: str = "application/json",
            headers: dict[str, str] | None = None,
        ) -> None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            graph.log(self.command, self.path, status)  # before the reply: a client may be read as soon as it has it
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

        def _authorised(self) -> bool:
            if self.headers.get("Authorization") == f"Bearer {graph.token}":
                return True
            self._reply(
                401, {"error": {"message": "Invalid OAuth access token", "type": "OAuthException", "code": 190}}
            )
            return False

        def _failure(self, plan: deque[str]) -> bool:
            mode = plan.popleft() if plan else ""
            if mode.startswith("slow:"):
                time.sleep(float(mode.split(":", 1)[1]))
                return False
            if mode == "500":
                self._reply(500, {"error": {"message": "An unknown error has occurred.", "code": 1}})
            elif mode == "429":
                self._reply(
                    429,
                    {"error": {"message": "(#130429) Rate limit hit", "code": 130429}},
                    headers={"Retry-After": "0"},
                )
            elif mode == "400":
                self._reply(400, {"error": {"message": "(#131009) Parameter value is not valid", "code": 131009}})
            return bool(mode)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            if not self._authorised():
                return
            if self.path != f"/{VERSION}/{graph.phone_number_id}/messages":
                self._reply(404, {"error": {"message": "Unknown path", "code": 100}})
                return
            if self._failure(graph.plan):
                return
            payload = json.loads(body)
            n = graph.record(payload.get("to", ""), payload)
            self._reply(
                200,
                {
                    "messaging_product": "whatsapp",
                    "contacts": [{"input": payload.get("to"), "wa_id": payload.get("to")}],
                    "messages": [{"id": f"wamid.fake{n}"}],
                },
            )

        def do_GET(self) -> None:
            if not self._authorised():
                return
            if self.path.startswith("/redirect/"):  # a media URL that redirects to where the query says
                # Logged before the reply: the client raises on the 302 and a test reads the log at once.
                graph.log(self.command, self.path, 302)
                self.send_response(302)
                self.send_header("Location", self.path.split("?to=", 1)[1])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.path.startswith("/files/"):
                media_id = self.path.removeprefix("/files/")
                if self._failure(graph.media_plan):
                    return
                data, mime = graph.media.get(media_id, (b"", ""))
                if not data:
                    self._reply(404, {"error": {"message": "media not found", "code": 100}})
                    return
                self._reply(200, data, content_type=mime.split(";")[0])
                return
            media_id = self.path.removeprefix(f"/{VERSION}/")
            if media_id not in graph.media:
                self._reply(404, {"error": {"message": "(#100) Invalid parameter", "code": 100}})
                return
            data, mime = graph.media[media_id]
            self._reply(
                200,
                {
                    "messaging_product": "whatsapp",
                    "url": graph.media_urls.get(media_id, f"{graph.origin}/files/{media_id}"),
                    "mime_type": mime,
                    "sha256": "test",
                    "file_size": len(data),
                    "id": media_id,
                },
            )

    return Handler
