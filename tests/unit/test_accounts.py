"""Console accounts on SQLite and on PostgreSQL: Argon2id passwords, back-off and lockout, sessions,
personal tokens, and the audit log the database itself keeps append-only."""

from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, text, update

from bot.admin.accounts import LOCK_AFTER, AccountError, Accounts, admin_sessions, digest, lock_seconds
from bot.admin.audit import AuditLog

PASSWORD = "correct horse battery"


@pytest.fixture
def accounts(engine: Engine) -> Accounts:
    # A cheaper Argon2id than the default (same algorithm): the tests hash a few dozen passwords.
    return Accounts(engine, hasher=PasswordHasher(time_cost=1, memory_cost=8192))


def test_a_password_is_stored_as_argon2id_and_checked(engine: Engine) -> None:
    real = Accounts(engine)  # the default parameters
    user = real.add("amina", "admin", PASSWORD, "cli")
    with real.engine.connect() as conn:
        stored = conn.execute(text("SELECT password_hash FROM admin_users")).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert real.login("amina", PASSWORD).user == user
    assert real.login("amina", PASSWORD + "!").problem == "wrong"
    assert real.login("nobody", PASSWORD).problem == "wrong"  # an unknown name says the same


@pytest.mark.parametrize(
    ("name", "role", "password", "code"),
    [
        ("A b", "admin", PASSWORD, "bad_name"),
        ("amina", "root", PASSWORD, "bad_role"),
        ("amina", "admin", "short", "short_password"),
    ],
)
def test_refused_accounts(accounts: Accounts, name: str, role: str, password: str, code: str) -> None:
    with pytest.raises(AccountError) as err:
        accounts.add(name, role, password, "cli")
    assert err.value.code == code


def test_no_two_accounts_share_a_name(accounts: Accounts) -> None:
    accounts.add("amina", "admin", PASSWORD, "cli")
    with pytest.raises(AccountError, match="already"):
        accounts.add("amina", "viewer", PASSWORD, "cli")


def test_roles_include_the_ones_below() -> None:
    from bot.admin.accounts import User

    publisher = User(1, "salma", "publisher")
    assert publisher.can("viewer") and publisher.can("editor") and publisher.can("publisher")
    assert not publisher.can("admin")
    assert not User(2, "off", "admin", disabled=True).can("viewer")


def test_failures_lock_the_account_with_a_growing_back_off(accounts: Accounts) -> None:
    accounts.add("amina", "admin", PASSWORD, "cli")
    for _ in range(LOCK_AFTER - 1):
        assert accounts.login("amina", "wrong password!").problem == "wrong"
    locked = accounts.login("amina", "wrong password!")
    assert (locked.problem, locked.retry_after_s) == ("locked", 60)
    # Locked: even the right password is refused until the lock ends.
    assert accounts.login("amina", PASSWORD).problem == "locked"
    assert [lock_seconds(n) for n in (4, 5, 6, 7, 20)] == [0, 60, 120, 240, 3600]
    with accounts.engine.begin() as conn:  # the lock has expired
        conn.execute(text("UPDATE admin_users SET locked_until = :t"), {"t": dt.datetime(2000, 1, 1)})
    assert accounts.login("amina", "wrong again!!").retry_after_s == 120  # the next failure doubles it
    with accounts.engine.begin() as conn:
        conn.execute(text("UPDATE admin_users SET locked_until = :t"), {"t": dt.datetime(2000, 1, 1)})
    assert accounts.login("amina", PASSWORD).user is not None  # success resets the count
    assert accounts.login("amina", "wrong password!").problem == "wrong"


def test_a_disabled_account_cannot_log_in_and_loses_its_sessions(accounts: Accounts) -> None:
    user = accounts.add("youssef", "editor", PASSWORD, "amina")
    token, _ = accounts.open_session(user)
    assert accounts.session(token) is not None
    accounts.change(user.id, disabled=True)
    assert accounts.session(token) is None
    assert accounts.login("youssef", PASSWORD).problem == "disabled"


def test_sessions_expire_and_are_stored_hashed(accounts: Accounts) -> None:
    user = accounts.add("youssef", "editor", PASSWORD, "amina")
    token, session = accounts.open_session(user)
    with accounts.engine.connect() as conn:
        ids = [row[0] for row in conn.execute(text("SELECT id FROM admin_sessions"))]
    assert ids == [digest(token)] and token not in ids
    assert accounts.session(token).csrf == session.csrf  # type: ignore[union-attr]
    with accounts.engine.begin() as conn:
        conn.execute(update(admin_sessions).values(expires_at=dt.datetime(2000, 1, 1)))
    assert accounts.session(token) is None
    accounts.close_session(token)


def test_personal_tokens_are_shown_once_stored_hashed_and_revocable(accounts: Accounts) -> None:
    user = accounts.add("youssef", "editor", PASSWORD, "amina")
    raw = accounts.create_token(user, "nightly import")
    assert raw.startswith("dlk_") and accounts.token_user(raw) == user
    with accounts.engine.connect() as conn:
        assert raw not in str(conn.execute(text("SELECT * FROM admin_tokens")).all())
    [token] = accounts.tokens(user.id)
    assert token.label == "nightly import" and token.last_used_at is not None
    other = accounts.add("salma", "publisher", PASSWORD, "amina")
    assert not accounts.revoke_token(token.id, other.id)  # not hers
    assert accounts.revoke_token(token.id, user.id)
    assert accounts.token_user(raw) is None and accounts.token_user("dlk_forged") is None


def test_the_audit_log_cannot_be_changed(engine: Engine) -> None:
    audit = AuditLog(engine)
    audit.record("amina", "person_added", "youssef", "role editor", "127.0.0.1")
    audit.record("youssef", "published", "cnie-renewal", "=HYPERLINK(\"x\")", "10.0.0.2")
    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))
    entries = audit.entries()
    assert [e.action for e in entries] == ["published", "person_added"]
    csv = audit.csv(entries)
    assert csv.splitlines()[0] == "id,at,actor,action,target,detail,ip"
    assert "'=HYPERLINK" in csv  # a formula is quoted, not run by a spreadsheet


def test_the_first_admin_is_made_on_the_command_line(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    from bot.cli import main

    monkeypatch.setenv("DALIL_DATA_DIR", str(tmp_path))
    assert main(["admin", "add-user", "amina", "--role", "admin", "--generate"]) == 0
    password = capsys.readouterr().out.split("password (shown once): ")[1].strip()
    assert main(["admin", "add-user", "amina", "--role", "viewer", "--generate"]) == 1  # no second amina
    assert "already has an account" in capsys.readouterr().err
    assert main(["admin", "list-users"]) == 0
    assert capsys.readouterr().out.split() == ["amina", "admin"]
    from bot.admin.accounts import Accounts
    from bot.database import open_database

    assert Accounts(open_database(f"sqlite:///{tmp_path / 'dalil.sqlite3'}")).login("amina", password).user is not None
