"""The server a load benchmark runs against: ``dalil serve --workers N`` on a loopback port, over
PostgreSQL and a Chroma server (throwaway ones from tests/servers.py) or SQLite and embedded Chroma,
with its own data folder and a copy of the knowledge base (a publish writes to it)."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bot.config import ROOT
from tests.servers import ChromaServer, PostgresCluster, free_port

# As long as the server demands of a shared admin token (32 characters at least).
ADMIN_TOKEN = secrets.token_hex(32)


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its descendants (uvicorn's supervisor and its workers)."""
    total, pids = 0, [pid]
    while pids:
        current = pids.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                total += next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
            with open(f"/proc/{current}/task/{current}/children") as children:
                pids += [int(c) for c in children.read().split()]
        except (OSError, StopIteration):
            continue
    return total / 1024


@dataclass
class LoadServer:
    workers: int = 2
    database: str = "postgres"  # or "sqlite"
    chroma: str = "server"  # or "embedded"
    env: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    def start(self, timeout_s: float = 300) -> LoadServer:
        self.folder = Path(tempfile.mkdtemp(prefix="dalil-load-"))
        shutil.copytree(ROOT / "knowledge", self.folder / "knowledge")
        env = os.environ | {
            "DALIL_DATA_DIR": str(self.folder / "data"),
            "DALIL_KNOWLEDGE_DIR": str(self.folder / "knowledge"),
            "DALIL_MODEL_DIR": str(ROOT / "var" / "models"),
            "DALIL_EMBEDDING_CACHE_DIR": str(ROOT / "var" / "embedding-cache"),
            "DALIL_WEB_RATE_LIMIT": "0",
            "DALIL_LOG_LEVEL": "WARNING",
            "DALIL_ADMIN_TOKEN": ADMIN_TOKEN,
        }
        self._services: list[PostgresCluster | ChromaServer] = []
        if self.database == "postgres":
            # Its own folder under /tmp: the postgres user must be able to enter it.
            self._services.append(PostgresCluster(Path(tempfile.mkdtemp(prefix="dalil-load-pg-"))).start())
            env["DALIL_DATABASE_URL"] = self._services[-1].url
        if self.chroma == "server":
            server = ChromaServer(self.folder / "chroma").start()
            self._services.append(server)
            env |= {"DALIL_CHROMA_HOST": "127.0.0.1", "DALIL_CHROMA_PORT": str(server.port)}
        env |= self.env
        command = [sys.executable, "-m", "bot.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port),
                   "--workers", str(self.workers)]
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
        try:
            self._wait_ready(timeout_s)
        except BaseException:
            self.stop()  # a server that cannot start leaves no PostgreSQL or Chroma behind
            raise
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _wait_ready(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        seen: set[str] = set()
        while time.monotonic() < deadline:
            assert self.process is not None and self.process.poll() is None, "the server exited"
            try:
                with httpx.Client(timeout=2) as client:  # a new connection each time: any worker may answer
                    response = client.get(f"{self.url}/health")
                if response.status_code == 200:
                    seen.add(response.json()["worker"])
                    if len(seen) >= self.workers:
                        return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"the server was not ready within {timeout_s:.0f} s")

    def rss_mb(self) -> float:
        return tree_rss_mb(self.process.pid) if self.process else 0.0

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for service in reversed(getattr(self, "_services", [])):
            service.stop()
            if isinstance(service, PostgresCluster):
                shutil.rmtree(service.folder, ignore_errors=True)
        shutil.rmtree(getattr(self, "folder", ""), ignore_errors=True)
