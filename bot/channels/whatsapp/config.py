"""The WhatsApp part of the settings, present only when every required key is set."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings

REQUIRED = {
    "whatsapp_token": "DALIL_WHATSAPP_TOKEN",
    "whatsapp_app_secret": "DALIL_WHATSAPP_APP_SECRET",
    "whatsapp_verify_token": "DALIL_WHATSAPP_VERIFY_TOKEN",
    "whatsapp_phone_number_id": "DALIL_WHATSAPP_PHONE_NUMBER_ID",
}


def _value(settings: Settings, key: str) -> str:
    raw = getattr(settings, key)
    if raw is None:
        return ""
    return raw.get_secret_value() if hasattr(raw, "get_secret_value") else str(raw)


def missing_keys(settings: Settings) -> list[str]:
    return [env for key, env in REQUIRED.items() if not _value(settings, key).strip()]


@dataclass(frozen=True)
class WhatsAppConfig:
    token: str
    app_secret: str
    verify_token: str
    phone_number_id: str
    api_base: str
    rate_per_minute: int
    salt: str
    max_audio_bytes: int
    max_message_chars: int
    media_hosts: tuple[str, ...] = ("lookaside.fbsbx.com",)  # https hosts the token may fetch media from

    @classmethod
    def from_settings(cls, settings: Settings) -> WhatsAppConfig | None:
        if missing_keys(settings):
            return None
        return cls(
            token=_value(settings, "whatsapp_token"),
            app_secret=_value(settings, "whatsapp_app_secret"),
            verify_token=_value(settings, "whatsapp_verify_token"),
            phone_number_id=_value(settings, "whatsapp_phone_number_id").strip(),
            api_base=settings.whatsapp_api_base.rstrip("/"),
            rate_per_minute=settings.whatsapp_rate_per_minute,
            salt=settings.hash_salt.get_secret_value(),
            max_audio_bytes=settings.max_audio_bytes,
            max_message_chars=settings.max_message_chars,
            media_hosts=tuple(h.strip() for h in settings.whatsapp_media_hosts.split(",") if h.strip()),
        )

    def __repr__(self) -> str:  # never print the secrets
        return f"WhatsAppConfig(phone_number_id={self.phone_number_id!r}, api_base={self.api_base!r})"
