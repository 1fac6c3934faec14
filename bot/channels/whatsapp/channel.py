"""WhatsApp as a :class:`bot.ports.Channel`: signature check and parsing in, Graph API out."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping

from bot.channels.whatsapp import signature
from bot.channels.whatsapp.config import WhatsAppConfig
from bot.channels.whatsapp.graph import GraphClient
from bot.channels.whatsapp.parse import PayloadError, Update, parse_update
from bot.errors import ChannelAuthError, ChannelError
from bot.types import Inbound, Media, Reply

log = logging.getLogger("dalil.whatsapp")

MAX_WEBHOOK_BYTES = 1_000_000  # Meta's bodies are a few KB; refuse anything absurd before hashing it


class WhatsAppChannel:
    name = "whatsapp"

    def __init__(self, config: WhatsAppConfig, graph: GraphClient | None = None) -> None:
        self.config = config
        self.graph = graph or GraphClient(
            config.api_base, config.token, config.phone_number_id, media_hosts=config.media_hosts
        )

    def parse_update(self, payload: bytes, headers: Mapping[str, str]) -> Update:
        """Authenticate, then parse. Raises :class:`ChannelAuthError` (401/403) or ``PayloadError``."""
        if len(payload) > MAX_WEBHOOK_BYTES:
            raise ChannelAuthError(413, "webhook body too large")
        signature.verify(payload, _header(headers, signature.HEADER), self.config.app_secret)
        try:
            body = json.loads(payload)
        except (ValueError, UnicodeDecodeError) as exc:
            raise PayloadError("the webhook body is not valid JSON") from exc
        except RecursionError as exc:  # valid JSON nested deeper than any webhook Meta sends
            raise PayloadError("the webhook body is nested too deeply") from exc
        update = parse_update(body, self.config.phone_number_id)
        if update.failed_statuses:
            log.warning("whatsapp could not deliver replies", extra={"error_codes": update.failed_statuses})
        if update.other_numbers:
            log.info("messages for another phone number ignored", extra={"count": update.other_numbers})
        return update

    def parse(self, payload: bytes, headers: Mapping[str, str]) -> list[Inbound]:
        return self.parse_update(payload, headers).messages

    def send(self, to: str, reply: Reply) -> str:
        return self.graph.send(to, reply)

    def fetch_media(self, media_id: str, max_bytes: int | None = None) -> Media:
        max_bytes = self.config.max_audio_bytes if max_bytes is None else max_bytes
        info = self.graph.media_info(media_id)
        if info.file_size is not None and info.file_size > max_bytes:
            raise ChannelError("media too large", retryable=False, status=413)
        return Media(self.graph.download(info.url, max_bytes), info.mime_type)

    def close(self) -> None:
        self.graph.close()


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None:  # plain dicts in tests are case-sensitive; Starlette's headers are not
        value = next((v for k, v in headers.items() if k.lower() == name.lower()), None)
    return value
