"""The people who run the console: accounts with one role each, password logins with back-off and
lockout, browser sessions with a CSRF token, and personal API tokens for scripts.

Roles are ordered, each including the ones before it: viewer (reads everything), editor (drafts
changes), publisher (reviews and publishes other people's drafts), admin (manages accounts). Passwords
are hashed with Argon2id (argon2-cffi); session and API tokens are random and stored as SHA-256 hashes,
so a copy of the database opens nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Boolean, Column, DateTime, Engine, ForeignKey, Integer, String, Table, insert, select, update

from bot.database import metadata, now

Role = Literal["viewer", "editor", "publisher", "admin"]
ROLES: tuple[Role, ...] = ("viewer", "editor", "publisher", "admin")
NAME_RE = re.compile(r"[a-z0-9][a-z0-9._-]{1,39}")
MIN_PASSWORD = 12
LOCK_AFTER = 5  # failures in a row before the account is locked
LOCK_FIRST_S = 60  # the first lock; each further failure doubles it
LOCK_MAX_S = 3600
TOKEN_PREFIX = "dlk_"

admin_users = Table(
    "admin_users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(40), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked_until", DateTime),
    Column("created_by", String(40), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("last_login_at", DateTime),
)

admin_sessions = Table(
    "admin_sessions",
    metadata,
    Column("id", String(64), primary_key=True),  # SHA-256 of the cookie's token
    Column("user_id", Integer, ForeignKey("admin_users.id"), nullable=False, index=True),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
)

admin_tokens = Table(
    "admin_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("admin_users.id"), nullable=False, index=True),
    Column("label", String(80), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("prefix", String(12), nullable=False),  # shown in lists, to recognise a token
    Column("created_at", DateTime, nullable=False),
    Column("last_used_at", DateTime),
    Column("revoked_at", DateTime),
)


class AccountError(Exception):
    """A refused account operation; ``code`` is what the console translates."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: Role
    disabled: bool = False
    locked_until: dt.datetime | None = None
    last_login_at: dt.datetime | None = None

    def can(self, role: Role) -> bool:
        return not self.disabled and ROLES.index(self.role) >= ROLES.index(role)


@dataclass(frozen=True)
class Login:
    """The outcome of a password login: a user, or why not (``wrong`` also for an unknown name)."""

    user: User | None
    problem: Literal["", "wrong", "locked", "disabled"] = ""
    retry_after_s: int = 0


@dataclass(frozen=True)
class Session:
    user: User
    csrf: str
    expires_at: dt.datetime


@dataclass(frozen=True)
class Token:
    id: int
    label: str
    prefix: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def generate_password() -> str:
    return secrets.token_urlsafe(15)  # 20 characters, about 120 bits


def _user(row) -> User:  # type: ignore[no-untyped-def]
    return User(row.id, row.name, row.role, bool(row.disabled), row.locked_until, row.last_login_at)


def lock_seconds(failures: int) -> int:
    """How long the account stays locked after ``failures`` failures in a row (0: not locked)."""
    if failures < LOCK_AFTER:
        return 0
    return min(LOCK_FIRST_S * 2 ** (failures - LOCK_AFTER), LOCK_MAX_S)


class Accounts:
    def __init__(self, engine: Engine, session_hours: float = 8.0, hasher: PasswordHasher | None = None) -> None:
        self.engine = engine
        self.session_hours = session_hours
        self.hasher = hasher or PasswordHasher()
        # Verified when a name is unknown, so that an unknown name takes as long as a wrong password.
        self._decoy = self.hasher.hash(secrets.token_hex(8))

    # --- people -------------------------------------------------------------------------------

    def add(self, name: str, role: str, password: str, by: str) -> User:
        if not NAME_RE.fullmatch(name):
            raise AccountError("bad_name", "a name is 2 to 40 lowercase letters, digits, '.', '_' or '-'")
        if role not in ROLES:
            raise AccountError("bad_role", f"the role is one of {', '.join(ROLES)}")
        self._check_password(password)
        if self.by_name(name) is not None:
            raise AccountError("exists", f"'{name}' already has an account")
        with self.engine.begin() as conn:
            conn.execute(
                insert(admin_users).values(
                    name=name,
                    role=role,
                    password_hash=self.hasher.hash(password),
                    disabled=False,
                    failed_logins=0,
                    created_by=by,
                    created_at=now(),
                )
            )
        user = self.by_name(name)
        assert user is not None
        return user

    @staticmethod
    def _check_password(password: str) -> None:
        if len(password) < MIN_PASSWORD:
            raise AccountError("short_password", f"a password has at least {MIN_PASSWORD} characters")

    def by_name(self, name: str) -> User | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(admin_users).where(admin_users.c.name == name)).first()
        return _user(row) if row else None

    def get(self, user_id: int) -> User | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(admin_users).where(admin_users.c.id == user_id)).first()
        return _user(row) if row else None

    def people(self) -> list[User]:
        with self.engine.connect() as conn:
            return [_user(r) for r in conn.execute(select(admin_users).order_by(admin_users.c.name))]

    def count(self) -> int:
        return len(self.people())

    def change(self, user_id: int, *, role: str | None = None, disabled: bool | None = None) -> User:
        values: dict[str, object] = {}
        if role is not None:
            if role not in ROLES:
                raise AccountError("bad_role", f"the role is one of {', '.join(ROLES)}")
            values["role"] = role
        if disabled is not None:
            values["disabled"] = disabled
        if disabled is False:
            values |= {"failed_logins": 0, "locked_until": None}  # enabling also unlocks
        with self.engine.begin() as conn:
            conn.execute(update(admin_users).where(admin_users.c.id == user_id).values(**values))
            if disabled:
                conn.execute(admin_sessions.delete().where(admin_sessions.c.user_id == user_id))
        user = self.get(user_id)
        if user is None:
            raise AccountError("not_found", "no such account")
        return user

    def set_password(self, user_id: int, password: str) -> None:
        self._check_password(password)
        with self.engine.begin() as conn:
            conn.execute(
                update(admin_users)
                .where(admin_users.c.id == user_id)
                .values(password_hash=self.hasher.hash(password), failed_logins=0, locked_until=None)
            )
            conn.execute(admin_sessions.delete().where(admin_sessions.c.user_id == user_id))

    def change_own_password(self, user: User, current: str, new: str) -> Login:
        """A person changes their own password: the current one is checked as a login is (back-off and
        lockout); then every session of theirs closes."""
        self._check_password(new)
        checked = self.login(user.name, current)
        if checked.user is not None:
            self.set_password(user.id, new)
        return checked

    # --- logging in ---------------------------------------------------------------------------

    def login(self, name: str, password: str) -> Login:
        with self.engine.connect() as conn:
            row = conn.execute(select(admin_users).where(admin_users.c.name == name)).first()
        if row is None:
            self._verify(self._decoy, password)
            return Login(None, "wrong")
        stamp = now()
        if row.locked_until is not None and row.locked_until > stamp:
            return Login(None, "locked", int((row.locked_until - stamp).total_seconds()) + 1)
        if not self._verify(row.password_hash, password):
            failures = row.failed_logins + 1
            wait = lock_seconds(failures)
            locked = stamp + dt.timedelta(seconds=wait) if wait else None
            with self.engine.begin() as conn:
                conn.execute(
                    update(admin_users)
                    .where(admin_users.c.id == row.id)
                    .values(failed_logins=failures, locked_until=locked)
                )
            return Login(None, "locked" if wait else "wrong", wait)
        if row.disabled:
            return Login(None, "disabled")
        values: dict[str, object] = {"failed_logins": 0, "locked_until": None, "last_login_at": stamp}
        if self.hasher.check_needs_rehash(row.password_hash):
            values["password_hash"] = self.hasher.hash(password)
        with self.engine.begin() as conn:
            conn.execute(update(admin_users).where(admin_users.c.id == row.id).values(**values))
        return Login(_user(row))

    def _verify(self, hashed: str, password: str) -> bool:
        try:
            return self.hasher.verify(hashed, password)
        except (VerificationError, InvalidHashError):
            return False

    def open_session(self, user: User) -> tuple[str, Session]:
        """A new browser session: the cookie's token (kept only hashed) and the session."""
        token = secrets.token_urlsafe(32)
        stamp = now()
        session = Session(user, secrets.token_urlsafe(32), stamp + dt.timedelta(hours=self.session_hours))
        with self.engine.begin() as conn:
            conn.execute(admin_sessions.delete().where(admin_sessions.c.expires_at < stamp))
            conn.execute(
                insert(admin_sessions).values(
                    id=digest(token),
                    user_id=user.id,
                    csrf=session.csrf,
                    created_at=stamp,
                    expires_at=session.expires_at,
                )
            )
        return token, session

    def session(self, token: str) -> Session | None:
        """The live session of a cookie's token; None when unknown, expired or its account disabled."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(admin_sessions, admin_users)
                .join(admin_users, admin_users.c.id == admin_sessions.c.user_id)
                .where(admin_sessions.c.id == digest(token))
            ).first()
        if row is None or row.expires_at <= now() or row.disabled:
            return None
        user = User(row.user_id, row.name, row.role, False, row.locked_until, row.last_login_at)
        return Session(user, row.csrf, row.expires_at)

    def close_session(self, token: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(admin_sessions.delete().where(admin_sessions.c.id == digest(token)))

    # --- API tokens ---------------------------------------------------------------------------

    def create_token(self, user: User, label: str) -> str:
        """A new personal token, returned once: only its hash is kept."""
        label = label.strip()[:80] or "script"
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            conn.execute(
                insert(admin_tokens).values(
                    user_id=user.id, label=label, token_hash=digest(raw), prefix=raw[:10], created_at=now()
                )
            )
        return raw

    def tokens(self, user_id: int) -> list[Token]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(admin_tokens).where(admin_tokens.c.user_id == user_id).order_by(admin_tokens.c.id.desc())
            ).all()
        return [Token(r.id, r.label, r.prefix, r.created_at, r.last_used_at, r.revoked_at) for r in rows]

    def revoke_token(self, token_id: int, user_id: int | None = None) -> bool:
        """Revoke a token (only one of ``user_id``'s when given); False when there is none to revoke."""
        where = [admin_tokens.c.id == token_id, admin_tokens.c.revoked_at.is_(None)]
        if user_id is not None:
            where.append(admin_tokens.c.user_id == user_id)
        with self.engine.begin() as conn:
            return conn.execute(update(admin_tokens).where(*where).values(revoked_at=now())).rowcount == 1

    def token_user(self, raw: str) -> User | None:
        if not raw.startswith(TOKEN_PREFIX):
            return None
        with self.engine.begin() as conn:
            row = conn.execute(
                select(admin_tokens.c.id.label("token_id"), admin_users)
                .join(admin_users, admin_users.c.id == admin_tokens.c.user_id)
                .where(admin_tokens.c.token_hash == digest(raw), admin_tokens.c.revoked_at.is_(None))
            ).first()
            if row is None or row.disabled:
                return None
            conn.execute(update(admin_tokens).where(admin_tokens.c.id == row.token_id).values(last_used_at=now()))
        return _user(row)
