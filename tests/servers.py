"""Throwaway servers for the tests: the application under uvicorn on a free loopback port
(:func:`serving`), a PostgreSQL cluster (Debian's ``postgresql``: ``initdb`` and
``pg_ctl`` in a temporary folder, on a loopback port) and a Chroma server (``chroma run`` from the
chromadb package). The fixtures start them when ``DALIL_TEST_POSTGRES_URL`` / ``DALIL_TEST_CHROMA_URL``
are not given; ``.ci/run`` starts them once for the whole run:

    python -m tests.servers up <folder>     # prints the export lines for both URLs
    python -m tests.servers down <folder>
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from bot.config import ROOT

PG_BIN = Path("/usr/lib/postgresql")


@contextlib.contextmanager
def serving(app: object, timeout_s: float = 600, **config: object) -> Iterator[tuple[str, int]]:
    """``app`` served by uvicorn in a thread (as ``dalil serve`` runs it) on 127.0.0.1; yields the
    (host, port) once it has started (its lifespan run), and stops it after."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))  # a free port, held until uvicorn takes the socket over
    options: dict = {"log_level": "warning", "lifespan": "on"} | config
    server = uvicorn.Server(uvicorn.Config(app, **options))  # type: ignore[arg-type]
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    # A dead thread fails at once; the deadline only bounds a hang (an app starts in ~30 s, minutes under load).
    deadline = time.monotonic() + timeout_s
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield sock.getsockname()[:2]
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(PG_BIN.glob("*/bin"), key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    if not versions:
        raise RuntimeError(f"{name} not found: install Debian's postgresql (make install-test does)")
    return str(versions[-1] / name)


class PostgresCluster:
    """``initdb`` + ``pg_ctl`` in ``folder``. PostgreSQL refuses to run as root: as root (CI, this
    machine) the server runs as the ``postgres`` user the Debian package creates."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.port = port or free_port()
        self.user = "dalil"

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        command = list(args)
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode:
            raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip()[-500:]}")

    def start(self) -> PostgresCluster:
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
        if not self.data.exists():
            self._run(_pg_tool("initdb"), "-D", str(self.data), "-A", "trust", "-U", self.user, "-E", "UTF8",
                      "--locale=C.UTF-8", "--no-sync")
        # Throwaway: no fsync, a socket in the folder (not /var/run), loopback only.
        options = f"-k {self.folder} -p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off " \
                  "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        self._run(_pg_tool("pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w",
                  "-t", "60", "start")
        return self

    def stop(self, mode: str = "fast") -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(_pg_tool("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def restart(self) -> None:
        self.stop()
        self.start()


class ChromaServer:
    """``chroma run`` on a loopback port, its data in ``folder``."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.folder = folder
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 60) -> ChromaServer:
        exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
        if not Path(exe).exists():
            exe = str(ROOT / ".venv" / "bin" / "chroma")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [exe, "run", "--path", str(self.folder), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.alive():
                return self
            time.sleep(0.2)
        raise RuntimeError(f"the Chroma server did not start within {timeout_s:.0f} s")

    def alive(self) -> bool:
        try:
            return httpx.get(f"{self.url}/api/v2/heartbeat", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


def _up(folder: Path) -> None:
    pg = PostgresCluster(folder / "postgres").start()
    chroma = ChromaServer(folder / "chroma").start()
    assert chroma.process is not None
    (folder / "chroma.pid").write_text(str(chroma.process.pid))
    print(f"export DALIL_TEST_POSTGRES_URL={pg.url}")
    print(f"export DALIL_TEST_CHROMA_URL={chroma.url}")


def _down(folder: Path) -> None:
    pid_file = folder / "chroma.pid"
    if pid_file.exists():
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(pid_file.read_text()), signal.SIGTERM)
    if (folder / "postgres").exists():
        PostgresCluster(folder / "postgres").stop()


if __name__ == "__main__":
    command, where = sys.argv[1], Path(sys.argv[2])
    _up(where) if command == "up" else _down(where)
