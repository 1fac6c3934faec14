"""A small client for the WhatsApp Cloud API (Graph API) over httpx: send a text or an interactive
message, resolve a media id to its URL, download the media with the bearer token.

Errors become :class:`ChannelError` with ``retryable`` set for what may succeed later: HTTP 429 and 5xx,
timeouts and connection errors, and the Graph error codes Meta documents as throttling or transient
(returned with HTTP 400)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from bot.errors import ChannelError
from bot.types import Reply

# Graph/WhatsApp error codes worth retrying: API unknown/service (1, 2), app rate limit (4), business
# rate limit (80007), throughput (130429), generic/temporary (131000, 131016), pair rate limit (131056).
RETRYABLE_CODES = {1, 2, 4, 80007, 130429, 131000, 131016, 131056}


@dataclass(frozen=True)
class MediaInfo:
    url: str
    mime_type: str
    file_size: int | None


def message_payload(to: str, reply: Reply) -> dict[str, Any]:
    base: dict[str, Any] = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": to}
    if reply.kind == "text":
        # preview_url off: a preview card per answer is noise, and the official link stays a plain link.
        return base | {"type": "text", "text": {"preview_url": False, "body": reply.text}}
    if reply.kind == "buttons":
        action: dict[str, Any] = {
            "buttons": [{"type": "reply", "reply": {"id": c.id, "title": c.title}} for c in reply.choices]
        }
        interactive = {"type": "button", "body": {"text": reply.text}, "action": action}
    else:
        rows = [
            {"id": c.id, "title": c.title} | ({"description": c.description} if c.description else {})
            for c in reply.choices
        ]
        interactive = {
            "type": "list",
            "body": {"text": reply.text},
            "action": {"button": reply.button, "sections": [{"rows": rows}]},
        }
    return base | {"type": "interactive", "interactive": interactive}


class GraphClient:
    def __init__(
        self,
        api_base: str,
        token: str,
        phone_number_id: str,
        *,
        timeout_s: float = 15.0,
        client: httpx.Client | None = None,
    ) -> None:
        self.api_base = api_base.rstrip("/")
        self.phone_number_id = phone_number_id
        self._client = client or httpx.Client(timeout=httpx.Timeout(timeout_s, connect=5.0))
        self._auth = {"Authorization": f"Bearer {token}"}

    def close(self) -> None:
        self._client.close()

    def send(self, to: str, reply: Reply) -> str:
        """Send one message; return the WhatsApp message id (wamid)."""
        url = f"{self.api_base}/{self.phone_number_id}/messages"
        response = self._call("POST", url, json=message_payload(to, reply))
        messages = response.json().get("messages") or [{}]
        return str(messages[0].get("id", ""))

    def media_info(self, media_id: str) -> MediaInfo:
        response = self._call("GET", f"{self.api_base}/{media_id}")
        data = response.json()
        if not data.get("url"):
            raise ChannelError("the media has no URL", retryable=False)
        size = data.get("file_size")
        return MediaInfo(str(data["url"]), str(data.get("mime_type") or ""), int(size) if size is not None else None)

    def download(self, url: str, max_bytes: int) -> bytes:
        """Stream the file, stopping as soon as it exceeds ``max_bytes`` (raises non-retryable)."""
        try:
            with self._client.stream("GET", url, headers=self._auth) as response:
                if response.status_code >= 400:
                    response.read()
                    raise _error(response)
                data = bytearray()
                for chunk in response.iter_bytes():
                    data.extend(chunk)
                    if len(data) > max_bytes:
                        raise ChannelError("media too large", retryable=False, status=413)
                return bytes(data)
        except httpx.TransportError as exc:
            raise ChannelError(f"media download failed: {type(exc).__name__}", retryable=True) from exc

    def _call(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._client.request(method, url, headers=self._auth, **kwargs)
        except httpx.TransportError as exc:  # timeouts, refused or reset connections
            raise ChannelError(f"Graph API unreachable: {type(exc).__name__}", retryable=True) from exc
        if response.status_code >= 400:
            raise _error(response)
        return response


def _error(response: httpx.Response) -> ChannelError:
    code: int | None = None
    message = response.reason_phrase
    try:
        error = response.json().get("error") or {}
        code = int(error.get("code")) if error.get("code") is not None else None
        message = str(error.get("message") or message)
    except (ValueError, AttributeError):
        pass
    status = response.status_code
    retryable = status == 429 or status >= 500 or (code in RETRYABLE_CODES)
    return ChannelError(
        f"Graph API {status}" + (f" (code {code})" if code is not None else "") + f": {message[:200]}",
        retryable=retryable,
        status=status,
        retry_after=_retry_after(response.headers.get("retry-after")),
    )


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None  # an HTTP date: fall back to our own backoff
