"""``dalil ask|ingest|serve|worker|eval|migrate`` — the same Dalil from a terminal."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from bot.config import get_settings


def _ask(args: argparse.Namespace) -> int:
    from bot.app import build

    dalil = build(get_settings())
    answer = dalil.answer(args.message, args.session, args.lang, channel="cli")
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(answer.text)
        print(f"\n[{answer.status.value} · {answer.language} · session {answer.session_id}]")
    return 0


def _ingest(_: argparse.Namespace) -> int:
    from ingest.index import run_index

    report = run_index(get_settings())
    print(report.summary())
    return 0 if report.procedures else 1


def _serve(args: argparse.Namespace) -> int:
    workers = int(args.workers or os.environ.get("WEB_CONCURRENCY", "1"))
    if workers == 1 or os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return _run_server(args, workers)
    # Before anything imports prometheus_client: the workers add their metrics up through this folder.
    with tempfile.TemporaryDirectory(prefix="dalil-metrics-") as folder:
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = folder
        return _run_server(args, workers)


def _run_server(args: argparse.Namespace, workers: int) -> int:
    import uvicorn

    from bot.app import prepare, resolve_hardware
    from web.app import create_app

    host = args.host or os.environ.get("HOST", "127.0.0.1")
    port = int(args.port or os.environ.get("PORT", "8000"))
    settings = get_settings()
    resolve_hardware(settings)  # refuse a setting this machine cannot honour before the server starts
    # proxy_headers off: uvicorn would believe X-Forwarded-For from 127.0.0.1; Dalil reads it only from
    # DALIL_TRUSTED_PROXIES (web/limits.py), so a local client cannot pose as another address.
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", proxy_headers=False)
        return 0
    # Several processes, one port (uvicorn's supervisor restarts a worker that dies). The schema and the
    # index are made ready once, here, so that the workers only load them; the web limits count in the
    # database so that a client gets the limit once, not once per worker.
    prepare(settings)
    if settings.rate_counter == "auto":
        os.environ["DALIL_RATE_COUNTER"] = "database"
    uvicorn.run(
        "web.app:create_app", factory=True, host=host, port=port, workers=workers, log_level="warning",
        proxy_headers=False,
    )
    return 0


def _worker(_: argparse.Namespace) -> int:
    """The background jobs without the web server (the WhatsApp worker; the retention purge): competes
    for the jobs lease like every web worker, and touches <data_dir>/worker.alive while it runs (the
    container's health check)."""
    import signal
    import threading

    from bot.app import build

    settings = get_settings(run_jobs=True)
    dalil = build(settings)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    dalil.start()
    heartbeat = settings.data_dir / "worker.alive"
    heartbeat.parent.mkdir(parents=True, exist_ok=True)
    try:
        while True:
            heartbeat.touch()
            if stop.wait(10):
                break
    finally:
        dalil.stop()
    return 0


def _migrate(_: argparse.Namespace) -> int:
    from bot.database import make_engine, migrate

    engine = make_engine(get_settings().sqlite_url)
    try:
        before, after = migrate(engine)
    finally:
        engine.dispose()
    print(f"database already at {after}" if before == after else f"database migrated: {before or 'empty'} -> {after}")
    return 0


def _purge(_: argparse.Namespace) -> int:
    from bot.database import open_database
    from bot.retention import Retention, purge

    settings = get_settings()
    purged = purge(open_database(settings.sqlite_url, settings.db_busy_timeout_s), Retention.from_settings(settings))
    print(json.dumps(purged.as_dict()))
    return 0


def _eval(args: argparse.Namespace) -> int:
    from bot.app import build
    from bot.evaluate import evaluate, load_rows

    with tempfile.TemporaryDirectory() as tmp:
        settings = get_settings(database_url=f"sqlite:///{Path(tmp) / 'eval.sqlite3'}")
        dalil = build(settings)
        dalil.warm_up()
        rows = load_rows(Path(args.file), args.split)
        report = evaluate(rows, lambda q, s: dalil.answer(q, s, channel="eval"), dalil.procedure)
    print(report.render())
    if args.misses:
        print("\n".join(["", "misses:", *report.misses, *report.answers.misses]))
    return 0


def _accounts():  # type: ignore[no-untyped-def]
    from bot.admin.accounts import Accounts
    from bot.admin.audit import AuditLog
    from bot.database import open_database

    engine = open_database(get_settings().sqlite_url)
    return Accounts(engine), AuditLog(engine)


def _new_password(generate: bool) -> tuple[str, bool]:
    """A password typed twice at the prompt, or generated (shown once) when asked or without a terminal."""
    import getpass

    from bot.admin.accounts import generate_password

    if generate or not sys.stdin.isatty():
        return generate_password(), True
    first = getpass.getpass("password (12 characters or more): ")
    if first != getpass.getpass("again: "):
        raise SystemExit("dalil: the two passwords differ")
    return first, False


def _admin(args: argparse.Namespace) -> int:
    from bot.admin.accounts import AccountError

    accounts, audit = _accounts()
    try:
        if args.action == "add-user":
            password, generated = _new_password(args.generate)
            user = accounts.add(args.name, args.role, password, "cli")
            audit.record("cli", "person_added", user.name, f"role {user.role}")
            print(f"{user.name}: {user.role}" + (f"\npassword (shown once): {password}" if generated else ""))
        elif args.action == "reset-password":
            user = accounts.by_name(args.name)
            if user is None:
                raise AccountError("not_found", f"no account '{args.name}'")
            password, generated = _new_password(args.generate)
            accounts.set_password(user.id, password)
            audit.record("cli", "person_password", user.name)
            print(f"{user.name}: password changed" + (f"\npassword (shown once): {password}" if generated else ""))
        else:
            for person in accounts.people():
                state = " (disabled)" if person.disabled else ""
                print(f"{person.name:<24} {person.role:<10}{state}")
    except AccountError as exc:
        print(f"dalil: {exc.reason}", file=sys.stderr)
        return 1
    return 0


def _publish(args: argparse.Namespace) -> int:
    """Ask the running server to publish the knowledge folder (changed in git), through its quality gate.
    Success prints the server's answer (JSON); a refusal prints one line (and the gate's report when it
    blocked) and exits 1; a server that cannot be reached, or a missing token, exits 2."""
    import httpx

    settings = get_settings()
    if settings.admin_api_token is None:
        print("dalil: set DALIL_ADMIN_API_TOKEN to a personal token (console: 'My API tokens')", file=sys.stderr)
        return 2
    url = f"{(args.url or settings.admin_url).rstrip('/')}/admin/reload"
    try:
        response = httpx.post(
            url,
            json={"override": args.override or ""},
            headers={"Authorization": f"Bearer {settings.admin_api_token.get_secret_value()}"},
            timeout=900,
        )
    except httpx.HTTPError as exc:
        print(f"dalil: cannot reach the server at {url}: {exc or type(exc).__name__}", file=sys.stderr)
        return 2
    try:
        body = response.json()
    except ValueError:
        body = {"detail": response.text.strip()[:200]}
    if response.status_code == 200:
        print(json.dumps(body, ensure_ascii=False, indent=2))
        return 0
    detail = body.get("detail") if isinstance(body, dict) else None
    print(f"dalil: publish refused ({response.status_code}): {detail or response.reason_phrase}", file=sys.stderr)
    if isinstance(body, dict) and body.get("gate"):  # what the gate found, for the reason to override it
        print(json.dumps(body["gate"], ensure_ascii=False, indent=2))
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dalil", description="Dalil, the guide to Moroccan procedures")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("ask", help="ask a question")
    p.add_argument("message")
    p.add_argument("--session", default=None)
    p.add_argument("--lang", choices=["fr", "ar", "darija"], default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_ask)
    p = sub.add_parser("ingest", help="build or update the search index from knowledge/")
    p.set_defaults(func=_ingest)
    p = sub.add_parser("serve", help="serve the web app and API")
    p.add_argument("--host", default=None)
    p.add_argument("--port", default=None)
    p.add_argument("--workers", default=None, help="worker processes (default WEB_CONCURRENCY or 1)")
    p.set_defaults(func=_serve)
    p = sub.add_parser("purge", help="delete what is past its retention (DALIL_RETENTION_*)")
    p.set_defaults(func=_purge)
    p = sub.add_parser("eval", help="measure retrieval and answers on a JSONL question set")
    p.add_argument("file")
    p.add_argument("--misses", action="store_true", help="list the questions that missed")
    p.add_argument("--split", choices=["test", "tune", "fresh"], default=None, help="a team set's split (bench/data)")
    p.set_defaults(func=_eval)
    p = sub.add_parser("worker", help="run the background jobs (WhatsApp) without the web server")
    p.set_defaults(func=_worker)
    p = sub.add_parser("migrate", help="upgrade the database schema (the server also does it at start-up)")
    p.set_defaults(func=_migrate)
    p = sub.add_parser("admin", help="console accounts: add-user NAME --role ROLE, reset-password NAME, list-users")
    p.add_argument("action", choices=["add-user", "reset-password", "list-users"])
    p.add_argument("name", nargs="?", default="")
    p.add_argument("--role", choices=["viewer", "editor", "publisher", "admin"], default="viewer")
    p.add_argument("--generate", action="store_true", help="generate the password and show it once")
    p.set_defaults(func=_admin)
    p = sub.add_parser("publish", help="publish knowledge/ as changed in git, through the server's quality gate")
    p.add_argument("--url", default=None, help="the server (default DALIL_ADMIN_URL)")
    p.add_argument("--override", default=None, help="publish past a blocking gate, with this reason (audited)")
    p.set_defaults(func=_publish)
    args = parser.parse_args(argv)
    from pydantic import ValidationError
    from sqlalchemy.exc import SQLAlchemyError

    from bot.errors import ConfigError

    try:
        return int(args.func(args))
    except ConfigError as exc:  # a setting this machine cannot honour: one line, no traceback
        print(f"dalil: configuration error: {exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:  # a DALIL_* value refused by bot.config (a short admin token…)
        for error in exc.errors():
            print(f"dalil: configuration error: {error['msg'].removeprefix('Value error, ')}", file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:  # the database cannot be reached, or refused: one line, no traceback
        first = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:200]
        print(f"dalil: database error ({type(exc).__name__}): {first}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
