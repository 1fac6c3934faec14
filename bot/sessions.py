"""Web session ids the server issued, and only those.

An id is ``<nonce>.<tag>``: 128 random bits and an HMAC of them under ``DALIL_SESSION_SECRET``. Any
worker holding the secret recognises an id without a database look-up, and a client cannot make one
up: ``wa-<hash>`` (a WhatsApp conversation), an id read in a log or a guessed one is not honoured.
A client continues its conversation by sending back the id it was given (no cookie is needed).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

# The longest conversation id the API accepts (web/schemas.py) and the database holds (migration 0006):
# the web's own ids are 65 characters, other channels' ids may be longer.
SESSION_ID_LENGTH = 128
_SHAPE = re.compile(r"[0-9a-f]{32}\.[0-9a-f]{32}")
_PURPOSE = b"dalil-web-session:"  # the same secret may sign other things one day: never the same bytes


class SessionIds:
    def __init__(self, secret: str) -> None:
        self._key = secret.encode()

    def _tag(self, nonce: str) -> str:
        return hmac.new(self._key, _PURPOSE + nonce.encode(), hashlib.sha256).hexdigest()[:32]

    def issue(self) -> str:
        nonce = secrets.token_hex(16)
        return f"{nonce}.{self._tag(nonce)}"

    def issued(self, session_id: str | None) -> bool:
        """Whether this server (or one sharing its secret) issued ``session_id``."""
        if not session_id or not _SHAPE.fullmatch(session_id):
            return False
        nonce, tag = session_id.split(".")
        return hmac.compare_digest(tag, self._tag(nonce))

    def continue_or_issue(self, session_id: str | None) -> str:
        """The conversation a web request continues: its own id when the server issued it, otherwise a
        new one (an unknown or channel-prefixed id starts a new conversation, it never joins one)."""
        return session_id if session_id is not None and self.issued(session_id) else self.issue()
