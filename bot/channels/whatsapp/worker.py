"""The background worker: answers what the inbox holds and sends what the outbox holds.

Two threads, so a slow or throttled Graph API never delays answering and a long voice note never
delays sending. Each claims one row at a time; see ``inbox.py`` and ``outbox.py`` for why a crash at
any point neither loses a message nor answers it twice. ``checkpoint`` is a test seam: it is called
between the steps ("claimed", "answered", "sending", "sent") and may raise to simulate a crash."""

from __future__ import annotations

import logging
import random
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.channels.base import Assistant
from bot.channels.whatsapp.format import (
    DETAILS_PREFIX,
    FRENCH_PREFIX,
    HEARD_PREFIX,
    RETYPE_ID,
    answer_replies,
    confirm_replies,
    details_replies,
    plain_replies,
)
from bot.channels.whatsapp.inbox import CONFIRM, FAILED, LIMITED, Inbox, InboxRow, Outcome
from bot.channels.whatsapp.outbox import Outbox, OutboxRow
from bot.errors import AudioError, AudioProblem, ChannelError
from bot.ports import Channel
from bot.privacy import pseudonym, redact
from bot.texts import pick, say
from bot.types import AnswerLang, InboundKind

log = logging.getLogger("dalil.whatsapp")

Checkpoint = Callable[[str, int], None]
# The notice for a voice note refused for its audio; any other problem gets "voice_failed".
AUDIO_NOTICES: dict[AudioProblem, str] = {
    "no_speech": "no_speech",
    "too_large": "voice_too_long",
    "too_long": "voice_too_long",
}


@dataclass(frozen=True)
class WorkerOptions:
    lease_s: float = 60.0  # renewed every lease_s/3 while a row is being answered
    send_lease_s: float = 60.0  # longer than one Graph API call can take
    max_answer_attempts: int = 3
    max_send_attempts: int = 6
    backoff_base_s: float = 1.0
    backoff_cap_s: float = 60.0
    poll_s: float = 2.0
    rate_per_minute: int = 15
    max_audio_bytes: int = 10 * 1024 * 1024
    max_message_chars: int = 2000
    salt: str = ""


class WhatsAppWorker:
    def __init__(
        self,
        dalil: Assistant,
        channel: Channel,
        inbox: Inbox,
        outbox: Outbox,
        options: WorkerOptions | None = None,
        checkpoint: Checkpoint | None = None,
    ) -> None:
        self.dalil = dalil
        self.channel = channel
        self.inbox = inbox
        self.outbox = outbox
        self.options = options or WorkerOptions()
        self.checkpoint = checkpoint or (lambda step, row_id: None)
        self.worker_id = uuid.uuid4().hex[:12]
        self._stop = threading.Event()
        self._inbox_ready = threading.Event()
        self._outbox_ready = threading.Event()
        self._threads: list[threading.Thread] = []

    # --- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        self._stop.clear()
        self._threads = [
            threading.Thread(
                target=self._loop,
                args=(self.process_one, self._inbox_ready, self.inbox.next_due_in),
                name=f"wa-inbox-{self.worker_id}",
                daemon=True,
            ),
            threading.Thread(
                target=self._loop,
                args=(self.send_one, self._outbox_ready, self.outbox.next_due_in),
                name=f"wa-outbox-{self.worker_id}",
                daemon=True,
            ),
        ]
        for thread in self._threads:
            thread.start()
        log.info("whatsapp worker started", extra={"worker": self.worker_id})

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        self._inbox_ready.set()
        self._outbox_ready.set()
        for thread in self._threads:
            thread.join(timeout_s)
        log.info("whatsapp worker stopped", extra={"worker": self.worker_id})

    @property
    def alive(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def wake(self) -> None:
        self._inbox_ready.set()

    def _loop(self, step: Callable[[], bool], ready: threading.Event, due_in: Callable[[], float | None]) -> None:
        while not self._stop.is_set():
            ready.clear()  # before looking, so a wake-up during the step is not lost
            try:
                if step():
                    continue
                wait = due_in()
            except Exception:  # a database hiccup must not kill the worker; BaseException (a crash) does
                log.exception("whatsapp worker step failed")
                wait = self.options.poll_s
            ready.wait(self.options.poll_s if wait is None else min(max(wait, 0.01), self.options.poll_s))

    def _backoff(self, attempt: int) -> float:
        delay = min(self.options.backoff_cap_s, self.options.backoff_base_s * 2 ** max(0, attempt - 1))
        return delay / 2 + random.uniform(0, delay / 2)  # jitter: retries of many rows do not align

    # --- answering -------------------------------------------------------------------------

    def process_one(self) -> bool:
        """Answer the oldest due inbox row. False when there is nothing to do."""
        row = self.inbox.claim(self.options.lease_s, self.worker_id)
        if row is None:
            return False
        started = time.perf_counter()
        self.checkpoint("claimed", row.id)
        with _LeaseKeeper(lambda: self.inbox.renew(row, self.options.lease_s), self.options.lease_s / 3):
            outcome = self._outcome(row)
        if outcome is None:
            return True
        self.checkpoint("answered", row.id)
        if self.inbox.complete(row, outcome):
            self._outbox_ready.set()
            log.info(
                "whatsapp message answered",
                extra={
                    "row": row.id,
                    "sender": row.sender_hash,
                    "kind": row.kind,
                    "status": outcome.status,
                    "parts": len(outcome.replies),
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
        return True

    def _outcome(self, row: InboxRow) -> Outcome | None:
        """The outcome, or None when the row was put back to be tried again later."""
        try:
            return self.handle(row)
        except Exception as exc:
            retryable = not isinstance(exc, ChannelError) or exc.retryable
            reason = f"{type(exc).__name__}: {exc}"[:300]
            if retryable and row.attempts < self.options.max_answer_attempts:
                delay = self._backoff(row.attempts)
                log.warning("whatsapp message will be retried", extra={"row": row.id, "error": reason, "in_s": delay})
                self.inbox.retry_later(row, delay, reason)
                return None
            # Never leave the citizen without an answer: apologise and point to the portal.
            log.exception("whatsapp message could not be answered", extra={"row": row.id})
            lang = self._session_lang(row)
            apology = say("voice_failed", lang) if row.kind == InboundKind.VOICE else say("error", lang)
            return Outcome(plain_replies(apology), FAILED, error=reason)

    def handle(self, row: InboxRow) -> Outcome:
        lang = self._session_lang(row)
        if row.kind == LIMITED:
            if self.inbox.limited_notice_sent(row):
                return Outcome([], "limited_silent")
            return Outcome(
                plain_replies(say("rate_limited", lang, n=self.options.rate_per_minute)), "limited_notice"
            )
        if row.kind == InboundKind.TEXT and row.text.strip():
            return self._answer(row, row.text.strip(), None)
        if row.kind == InboundKind.REPLY and (row.reply_id or "").startswith((HEARD_PREFIX, RETYPE_ID)):
            return self._confirmed(row, lang)
        if row.kind == InboundKind.REPLY:
            message, forced = self._choice(row, lang)
            return self._answer(row, message, forced, details=(row.reply_id or "").startswith(DETAILS_PREFIX))
        if row.kind == InboundKind.VOICE:
            return self._voice(row, lang)
        return Outcome(plain_replies(say("unsupported", lang)), "unsupported")

    def _answer(self, row: InboxRow, message: str, lang: AnswerLang | None, details: bool = False) -> Outcome:
        answer = self.dalil.answer(message[: self.options.max_message_chars], _session(row), lang, channel="whatsapp")
        # The details button asks for the procedure again and gets its full card.
        replies = details_replies(answer) if details and answer.details else answer_replies(answer)
        return Outcome(replies, answer.status.value, answer_id=answer.answer_id)

    def _choice(self, row: InboxRow, lang: AnswerLang | None) -> tuple[str, AnswerLang | None]:
        """A tapped option: its procedure's full title (button titles are cut), in the session's language."""
        reply_id = (row.reply_id or "").removeprefix(DETAILS_PREFIX)
        if reply_id.startswith(FRENCH_PREFIX):  # «Français» under a Darija answer
            procedure = self.dalil.procedure(reply_id.removeprefix(FRENCH_PREFIX))
            return (procedure.title.fr, "fr") if procedure else (row.text, None)
        procedure = self.dalil.procedure(reply_id)
        if procedure is None:
            return row.text, None
        return pick(procedure.title, lang or "fr"), lang

    def _confirmed(self, row: InboxRow, lang: AnswerLang | None) -> Outcome:
        """A tap under "I understood «…». Is that right?": Yes answers the transcript held in the inbox;
        Retype asks the citizen to write."""
        reply_id = row.reply_id or ""
        if reply_id == RETYPE_ID:
            return Outcome(plain_replies(say("retype", lang)), "retype")
        note = reply_id.removeprefix(HEARD_PREFIX)
        heard = self.inbox.heard(int(note), row.sender_hash) if note.isdigit() else None
        if heard is None:
            return Outcome(plain_replies(say("confirm_gone", lang)), "confirm_gone")
        outcome = self._answer(row, heard, None)
        return Outcome(outcome.replies, outcome.status, text=heard, answer_id=outcome.answer_id)

    def _voice(self, row: InboxRow, lang: AnswerLang | None) -> Outcome:
        if not row.media_id:  # the delivery carried no usable media id (parse keeps only Meta's shape)
            return Outcome(plain_replies(say("voice_failed", lang)), "audio_no_media", error="no media id")
        try:
            media = self.channel.fetch_media(row.media_id, self.options.max_audio_bytes)
        except ChannelError as exc:
            if exc.status == 413:
                return Outcome(plain_replies(say("voice_too_long", lang)), "audio_too_large", error=str(exc))
            raise
        try:
            transcript = self.dalil.transcribe(media.data, media.mime_type or row.mime_type, None, _session(row))
        except AudioError as exc:
            if exc.retryable:  # recognition busy or down: try the note again later
                raise
            notice = AUDIO_NOTICES.get(exc.code, "voice_failed")
            return Outcome(plain_replies(say(notice, lang)), f"audio_{exc.status_code}", error=exc.reason)
        heard = redact(transcript.text.strip())  # like typed text: answered and stored only redacted
        if not heard:
            return Outcome(plain_replies(say("no_speech", lang)), "audio_no_speech")
        limit = self.options.max_message_chars
        result = self.dalil.answer_heard(replace(transcript, text=heard[:limit]), _session(row), None, "whatsapp")
        if result.confirm:  # the transcript is kept in the row: "Yes" answers it
            return Outcome(confirm_replies(result.answer, row.id), CONFIRM, text=heard)
        prefix = say("heard", result.answer.language, text=heard)
        answer = result.answer
        return Outcome(answer_replies(answer, prefix), answer.status.value, text=heard, answer_id=answer.answer_id)

    def _session_lang(self, row: InboxRow) -> AnswerLang | None:
        return self.dalil.session_language(_session(row))

    # --- sending ---------------------------------------------------------------------------

    def send_one(self) -> bool:
        """Send the oldest due outbox part. False when there is nothing to do."""
        row = self.outbox.claim(self.options.send_lease_s, self.worker_id)
        if row is None:
            return False
        self.checkpoint("sending", row.id)
        if not row.address:
            self.outbox.mark_failed(row, "no address to send to")
            return True
        try:
            platform_id = self.channel.send(row.address, row.reply)
        except Exception as exc:
            self._send_failed(row, exc)
            return True
        self.checkpoint("sent", row.id)
        self.outbox.mark_sent(row, pseudonym(platform_id, self.options.salt) if platform_id else None)
        log.info("whatsapp reply sent", extra={"part": row.part, "outbox": row.id, "attempts": row.attempts})
        return True

    def _send_failed(self, row: OutboxRow, exc: Exception) -> None:
        retryable = not isinstance(exc, ChannelError) or exc.retryable
        reason = f"{type(exc).__name__}: {exc}"[:300]
        if retryable and row.attempts < self.options.max_send_attempts:
            hint = exc.retry_after if isinstance(exc, ChannelError) else None
            delay = min(hint, self.options.backoff_cap_s) if hint is not None else self._backoff(row.attempts)
            log.warning("whatsapp send will be retried", extra={"outbox": row.id, "error": reason, "in_s": delay})
            self.outbox.retry_later(row, delay, reason)
        else:
            log.error("whatsapp reply could not be sent", extra={"outbox": row.id, "error": reason})
            self.outbox.mark_failed(row, reason)


def _session(row: InboxRow) -> str:
    return f"wa-{row.sender_hash}"  # one conversation per sender, never the phone number itself


class _LeaseKeeper:
    """Renews a claim in the background while a long step (a voice note) runs."""

    def __init__(self, renew: Callable[[], bool], every_s: float) -> None:
        self._renew = renew
        self._every = max(every_s, 0.05)
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="wa-lease")

    def _run(self) -> None:
        while not self._done.wait(self._every):
            try:
                if not self._renew():
                    return
            except Exception:
                log.exception("could not renew the inbox lease")

    def __enter__(self) -> _LeaseKeeper:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join(1.0)
