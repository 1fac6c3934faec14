"""``dalil publish`` and ``dalil admin`` as a person runs them (a real process, as the console script
would): ``publish`` against a running server (uvicorn on a free port, the console's application with the
recording fakes) — published, refused by the quality gate, a bad token, a server that is down — and
account errors; every refusal is one line on stderr, a non-zero exit code, no traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.app import Parts
from bot.config import ROOT
from tests.admin_helpers import PASSWORD, console_settings
from tests.fakes import FakeEmbedder, FakeVectorStore
from tests.servers import serving
from web.app import create_app


def dalil(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    variables = {k: v for k, v in os.environ.items() if not k.startswith("DALIL_")} | env
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], cwd=ROOT, env=variables, capture_output=True, text=True, timeout=300
    )


def refused(run: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    """One line on stderr that starts with ``dalil:`` and says what went wrong; no traceback."""
    lines = run.stderr.strip().splitlines()
    assert run.returncode == code, run.stderr
    assert len(lines) == 1 and lines[0].startswith("dalil: "), run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Path]]:
    """A running server, a publisher's personal token, and its knowledge folder (to change as in git)."""
    root = tmp_path_factory.mktemp("cli")
    settings = console_settings(root, embedding_cache_dir=root / "cache", gate_dev_set=None, gate_off_topic_every=500)
    app = create_app(settings, Parts(embedder=FakeEmbedder(), store=FakeVectorStore()))
    with serving(app) as (host, port):
        accounts = app.state.dalil.console.accounts
        token = accounts.create_token(accounts.add("salma", "publisher", PASSWORD, "tests"), "cli")
        yield f"http://{host}:{port}", token, settings.knowledge_dir / "procedures"


def test_publish_prints_what_the_server_published(server: tuple[str, str, Path]) -> None:
    url, token, _ = server
    run = dalil("publish", DALIL_ADMIN_URL=url, DALIL_ADMIN_API_TOKEN=token)
    assert run.returncode == 0, run.stderr
    assert '"status": "reloaded"' in run.stdout and '"changed": []' in run.stdout


def test_publish_refused_by_the_gate_says_why_and_exits_1(server: tuple[str, str, Path]) -> None:
    url, token, folder = server
    (folder / "passport-renewal.yaml").unlink()  # removed in git: its citizens' questions lose their answer
    run = dalil("publish", DALIL_ADMIN_URL=url, DALIL_ADMIN_API_TOKEN=token)
    refused(run, 1, "publish refused (409)", "quality gate")
    assert '"changed"' in run.stdout  # the gate's report, for the reason to override it


def test_publish_with_a_bad_token_or_none(server: tuple[str, str, Path]) -> None:
    url, _, _ = server
    refused(dalil("publish", DALIL_ADMIN_URL=url, DALIL_ADMIN_API_TOKEN="dlk_" + "x" * 40), 1, "(401)")
    refused(dalil("publish", DALIL_ADMIN_URL=url), 2, "DALIL_ADMIN_API_TOKEN")


def test_publish_to_a_server_that_is_down() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nobody listens once it is closed
    run = dalil("publish", "--url", f"http://127.0.0.1:{port}", DALIL_ADMIN_API_TOKEN="dlk_" + "x" * 40)
    refused(run, 2, "cannot reach the server", f"127.0.0.1:{port}")


def test_account_errors_are_one_line(tmp_path: Path) -> None:
    db = {"DALIL_DATABASE_URL": f"sqlite:///{tmp_path / 'dalil.sqlite3'}"}
    added = dalil("admin", "add-user", "amina", "--role", "admin", "--generate", **db)
    assert added.returncode == 0 and "password (shown once)" in added.stdout, added.stderr
    refused(dalil("admin", "add-user", "amina", "--generate", **db), 1, "already has an account")
    refused(dalil("admin", "add-user", "Not A Name!", "--generate", **db), 1, "a name is 2 to 40")
    refused(dalil("admin", "add-user", "--generate", **db), 1, "a name is 2 to 40")
    refused(dalil("admin", "reset-password", "nobody", "--generate", **db), 1, "no account 'nobody'")
    down = {"DALIL_DATABASE_URL": "postgresql://dalil:wrong@127.0.0.1:1/dalil"}
    refused(dalil("admin", "list-users", **down), 1, "database error")
