"""WhatsApp assembled: channel, inbox, outbox and worker over the application's database. ``bot.app``
builds it when the ``DALIL_WHATSAPP_*`` keys are set; the assistant starts and stops it."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace

from sqlalchemy import Engine

from bot.channels.base import Assistant
from bot.channels.whatsapp.channel import WhatsAppChannel
from bot.channels.whatsapp.config import WhatsAppConfig
from bot.channels.whatsapp.inbox import Inbox
from bot.channels.whatsapp.outbox import Outbox
from bot.channels.whatsapp.worker import Checkpoint, WhatsAppWorker, WorkerOptions

log = logging.getLogger("dalil.whatsapp")


class WhatsAppRuntime:
    def __init__(
        self,
        config: WhatsAppConfig,
        dalil: Assistant,
        engine: Engine,
        *,
        options: WorkerOptions | None = None,
        channel: WhatsAppChannel | None = None,
        checkpoint: Checkpoint | None = None,
    ) -> None:
        self.config = config
        self.engine = engine
        self.channel = channel or WhatsAppChannel(config)
        self.inbox = Inbox(self.engine, config.salt, config.rate_per_minute)
        self.outbox = Outbox(self.engine)
        options = replace(
            options or WorkerOptions(),
            rate_per_minute=config.rate_per_minute,
            max_audio_bytes=config.max_audio_bytes,
            max_message_chars=config.max_message_chars,
            salt=config.salt,
        )
        self.worker = WhatsAppWorker(dalil, self.channel, self.inbox, self.outbox, options, checkpoint)

    def receive(self, body: bytes, headers: Mapping[str, str]) -> Counter[str]:
        """Authenticate, parse and store one webhook delivery (raises ``ChannelAuthError``, ``PayloadError``).
        Returns how many messages were new, duplicates, rate-limited or ignored, plus the status count."""
        update = self.channel.parse_update(body, headers)
        outcome: Counter[str] = Counter()
        for message, result in zip(update.messages, self.inbox.accept_all(update.messages), strict=True):
            outcome[result] += 1
            if result == "duplicate":
                log.info(
                    "duplicate whatsapp delivery acknowledged", extra={"sender": self.inbox.sender_hash(message.sender)}
                )
        if update.statuses:
            outcome["statuses"] = update.statuses
        if outcome["new"] or outcome["limited"]:
            self.worker.wake()
        return outcome

    def start(self) -> None:
        self.worker.start()

    def stop(self) -> None:
        self.worker.stop()
        self.channel.close()
