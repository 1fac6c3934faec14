"""A small client for the WhatsApp Cloud API (Graph API) over httpx: send a text or an interactive
message, resolve a media id to its URL, download the media with the bearer token.

The token goes only where Meta is: the configured Graph API origin, and media URLs on https at one of
the allowed media hosts (``DALIL_WHATSAPP_MEDIA_HOSTS``). A media id is digits and is quoted into the
path; a URL elsewhere, on plain http, or a redirect that leaves those hosts is refused before any
request, so a crafted media answer cannot make Dalil carry its token to an internal address.

Errors become :class:`ChannelError` with ``retryable`` set for what may succeed later: HTTP 429 and 5xx,
timeouts and connection errors, and the Graph error codes Meta documents as throttling or transient
(returned with HTTP 400)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx

from bot.errors import ChannelError
from bot.types import Reply

# Graph/WhatsApp error codes worth retrying: API unknown/service (1, 2), app rate limit (4), business
# rate limit (80007), throughput (130429), generic/temporary (131000, 131016), pair rate limit (131056).
RETRYABLE_CODES = {1, 2, 4, 80007, 130429, 131000, 131016, 131056}
MEDIA_ID = re.compile(r"[0-9]{1,64}")
MAX_REDIRECTS = 3


def allowed_media_url(url: str, hosts: Sequence[str], api_base: str) -> bool:
    """Whether the token may be sent to ``url``: the Graph API's own origin, or https (port 443) at a
    host of ``hosts`` (``lookaside.fbsbx.com``, or ``*.example.com`` for its subdomains)."""
    try:
        target, api = httpx.URL(url), httpx.URL(api_base)
    except (httpx.InvalidURL, TypeError):
        return False
    if (target.scheme, target.host, target.port) == (api.scheme, api.host, api.port):
        return True
    if target.scheme != "https" or target.port not in (None, 443) or target.userinfo:
        return False
    host = target.host.lower().rstrip(".")
    return any(host == h or (h.startswith("*.") and host.endswith(h[1:])) for h in (h.lower() for h in hosts))


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
        media_hosts: Sequence[str] = ("lookaside.fbsbx.com",),
    ) -> None:
        self.api_base = api_base.rstrip("/")
        self.phone_number_id = phone_number_id
        self.media_hosts = tuple(media_hosts)
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
        if not isinstance(media_id, str) or not MEDIA_ID.fullmatch(media_id):
            raise ChannelError("refused: a media id is digits", retryable=False)
        response = self._call("GET", f"{self.api_base}/{quote(media_id, safe='')}")
        try:
            data = response.json()
            url, size = data["url"], data.get("file_size")
            if not isinstance(url, str) or not url:
                raise ValueError("no URL")
            return MediaInfo(url, str(data.get("mime_type") or "")[:100], int(size) if size is not None else None)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ChannelError("the media answer has no usable URL", retryable=False) from exc

    def download(self, url: str, max_bytes: int) -> bytes:
        """Stream the file, stopping as soon as it exceeds ``max_bytes`` (raises non-retryable). Only
        from an allowed media URL; a redirect is followed only to another allowed one."""
        for _ in range(MAX_REDIRECTS + 1):
            if not allowed_media_url(url, self.media_hosts, self.api_base):
                raise ChannelError("refused: the media URL is not an allowed https media host", retryable=False)
            try:
                with self._client.stream("GET", url, headers=self._auth, follow_redirects=False) as response:
                    if response.is_redirect:
                        url = str(response.url.join(response.headers.get("location", "")))
                        continue
                    if response.status_code >= 400:
                        response.read()
                        raise _error(response)
                    return _bounded(response, max_bytes)
            except httpx.TransportError as exc:
                raise ChannelError(f"media download failed: {type(exc).__name__}", retryable=True) from exc
        raise ChannelError("refused: too many redirects for a media file", retryable=False)

    def _call(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._client.request(method, url, headers=self._auth, follow_redirects=False, **kwargs)
        except httpx.TransportError as exc:  # timeouts, refused or reset connections
            raise ChannelError(f"Graph API unreachable: {type(exc).__name__}", retryable=True) from exc
        if response.status_code >= 400:
            raise _error(response)
        return response


def _bounded(response: httpx.Response, max_bytes: int) -> bytes:
    data = bytearray()
    for chunk in response.iter_bytes():
        data.extend(chunk)
        if len(data) > max_bytes:
            raise ChannelError("media too large", retryable=False, status=413)
    return bytes(data)


def _error(response: httpx.Response) -> ChannelError:
    code: int | None = None
    message = response.reason_phrase
    try:
        error = response.json().get("error") or {}
        code = int(error.get("code")) if error.get("code") is not None else None
        message = str(error.get("message") or message)
    except (ValueError, AttributeError, TypeError):
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
