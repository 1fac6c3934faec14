"""``X-Hub-Signature-256``: Meta signs every webhook POST with HMAC-SHA256 of the raw body, keyed by
the app secret. Only the exact bytes received can be checked, so verify before parsing JSON."""

from __future__ import annotations

import hashlib
import hmac

from bot.errors import ChannelAuthError

HEADER = "X-Hub-Signature-256"
_PREFIX = "sha256="


def sign(body: bytes, app_secret: str) -> str:
    return _PREFIX + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


def verify(body: bytes, header: str | None, app_secret: str) -> None:
    """Raise :class:`ChannelAuthError` (401 without a usable header, 403 on a mismatch)."""
    if not header or not header.startswith(_PREFIX):
        raise ChannelAuthError(401, f"missing or malformed {HEADER} header")
    # compare_digest: the time taken must not reveal how many leading characters matched.
    if not hmac.compare_digest(sign(body, app_secret).encode(), header.strip().encode()):
        raise ChannelAuthError(403, f"invalid {HEADER} signature")
