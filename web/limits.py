"""What each route may receive, and from whom: one body cap per route (README "Security"), which routes
count against a client's rate limit, and the client's address behind trusted proxies."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from bot.channels.whatsapp.channel import MAX_WEBHOOK_BYTES
from bot.config import Settings

KB = 1024
CHAT_BODY = 32 * KB  # 2,000 characters even as \uXXXX escapes, with room for the other fields
FEEDBACK_BODY = 16 * KB  # a 1,000-character comment, escaped
PROCEDURE_BODY = 200 * KB  # one procedure's YAML
CONSOLE_FORM_BODY = 3 * PROCEDURE_BODY  # the console's editor posts a procedure's fields, its Arabic %-encoded (x3)
MULTIPART_OVERHEAD = 64 * KB  # the envelope and the small fields around an uploaded recording
DEFAULT_BODY = 16 * KB  # routes that take no body


@dataclass(frozen=True)
class RouteLimit:
    max_body: int
    rate_limited: bool  # counted against DALIL_WEB_RATE_LIMIT (the citizen-facing POST routes)


def route_limit(settings: Settings, method: str, path: str) -> RouteLimit:
    if method == "POST" and path == "/api/chat":
        return RouteLimit(CHAT_BODY, True)
    if method == "POST" and path == "/api/feedback":
        return RouteLimit(FEEDBACK_BODY, True)
    if method == "POST" and path == "/api/voice":
        return RouteLimit(settings.max_audio_bytes + MULTIPART_OVERHEAD, True)
    if method == "PUT" and path.startswith("/admin/procedures/"):
        return RouteLimit(PROCEDURE_BODY, False)
    if method == "POST" and path.startswith("/admin/"):
        return RouteLimit(CONSOLE_FORM_BODY, False)  # behind a login; the editor's form is a whole procedure
    if method == "POST" and path == "/webhooks/whatsapp":
        return RouteLimit(MAX_WEBHOOK_BYTES, False)  # Meta's; each sender has its own limit
    return RouteLimit(DEFAULT_BODY, False)


def size(limit: int) -> str:
    return f"{limit / 1024 / 1024:.0f} MB" if limit >= 1024 * 1024 else f"{limit / 1024:.0f} kB"


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)  # a pure function of the setting's text
def parse_networks(value: str) -> tuple[Network, ...]:
    """``DALIL_TRUSTED_PROXIES``: comma-separated addresses or networks (``10.0.0.5, 10.1.0.0/16``)."""
    return tuple(ipaddress.ip_network(item.strip(), strict=False) for item in value.split(",") if item.strip())


def _trusted(address: str, networks: Iterable[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in net for net in networks)


def client_address(peer: str, forwarded_for: list[str], trusted: tuple[Network, ...]) -> str:
    """The client's address: the peer, unless the peer is a trusted proxy; then the nearest address in
    ``X-Forwarded-For`` that is not a trusted proxy (each proxy appends the address it received from,
    so anything left of that was written by the client and proves nothing)."""
    if not trusted or not _trusted(peer, trusted):
        return peer
    hops = [hop.strip() for value in forwarded_for for hop in value.split(",") if hop.strip()]
    for hop in reversed(hops):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return peer  # a proxy we trust would not write this: do not believe the header
        if not _trusted(hop, trusted):
            return hop
    return hops[0] if hops else peer
