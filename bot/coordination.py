"""What several workers share through the database, so that they behave as one service:

- ``kb_versions``: one row per published knowledge-base version. Every worker polls the newest id
  (:class:`KnowledgeWatcher`) and reloads when it moves, so a publish in one worker is served by all
  within a poll interval plus a load (docs/adr/0008-several-workers.md).
- ``leases``: a named lease held by one process at a time (:class:`Lease`); :class:`Singleton` runs the
  background jobs (the WhatsApp worker, the retention purge) in the one process that holds it, and
  another takes over when it dies (the lease expires).
- ``rate_counts``: rate-limit counts every worker shares (:class:`DatabaseRateCounter`).

Both work the same on SQLite and PostgreSQL: a conditional UPDATE, an INSERT that only one can win.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable

from sqlalchemy import Column, DateTime, Engine, Integer, String, Table, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from bot.database import metadata, now
from bot.search.served import KnowledgeBase, KnowledgeHolder

log = logging.getLogger("dalil")

kb_versions = Table(
    "kb_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("procedures", Integer, nullable=False),
    Column("author", String(80), nullable=False),
    Column("note", String(200)),
    Column("created_at", DateTime, nullable=False),
)

leases = Table(
    "leases",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("holder", String(64), nullable=False),
    Column("until", DateTime, nullable=False),
)


rate_counts = Table(
    "rate_counts",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("window", Integer, primary_key=True),  # the window's number: seconds since the epoch // its length
    Column("count", Integer, nullable=False),
)


class DatabaseRateCounter:
    """Rate-limit counts shared by every worker (``hit(key, window_s, now)``, the web guards' counter
    seam): one row per key and window, incremented in one statement (INSERT … ON CONFLICT DO UPDATE …
    RETURNING, the same on SQLite and PostgreSQL). Rows of ended windows are deleted now and then."""

    def __init__(self, engine: Engine, prune_every: int = 1000) -> None:
        self.engine = engine
        self._prune_every, self._hits = prune_every, 0
        dialect = engine.dialect.name
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as upsert
        else:
            from sqlalchemy.dialects.sqlite import insert as upsert
        self._upsert = upsert

    def hit(self, key: str, window_s: int, now: float) -> int:
        window = int(now // window_s)
        statement = self._upsert(rate_counts).values(key=key[:100], window=window, count=1)
        statement = statement.on_conflict_do_update(
            index_elements=[rate_counts.c.key, rate_counts.c.window], set_={"count": rate_counts.c.count + 1}
        ).returning(rate_counts.c.count)
        with self.engine.begin() as conn:
            count = int(conn.execute(statement).scalar_one())
            self._hits += 1
            if self._hits % self._prune_every == 0:
                conn.execute(delete(rate_counts).where(rate_counts.c.window < window - 1))
        return count


class KnowledgeVersions:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def latest(self) -> int:
        """The newest published version (0: none published yet)."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.coalesce(func.max(kb_versions.c.id), 0))).scalar_one())

    def published_at(self, version: int) -> dt.datetime | None:
        with self.engine.connect() as conn:
            return conn.execute(select(kb_versions.c.created_at).where(kb_versions.c.id == version)).scalar()

    def publish(self, procedures: int, author: str, note: str | None = None) -> int:
        """Record a new version as serving; every worker reloads to it. Returns its number."""
        with self.engine.begin() as conn:
            result = conn.execute(
                insert(kb_versions).values(
                    procedures=procedures, author=author[:80], note=(note or None) and note[:200], created_at=now()
                )
            )
            return int(result.inserted_primary_key[0])  # type: ignore[index]


class Lease:
    """A named lease in the ``leases`` table: ``acquire`` takes it when free or expired, or renews it
    for its holder; the holder must renew it within ``ttl_s``. ``clock``: UTC now (the tests' own)."""

    def __init__(
        self, engine: Engine, name: str, holder: str, ttl_s: float, clock: Callable[[], dt.datetime] = now
    ) -> None:
        self.engine, self.name, self.holder, self.ttl_s, self.clock = engine, name, holder, ttl_s, clock

    def acquire(self) -> bool:
        stamp = self.clock()
        until = stamp + dt.timedelta(seconds=self.ttl_s)
        with self.engine.begin() as conn:
            taken = conn.execute(
                update(leases)
                .where(leases.c.name == self.name, or_(leases.c.holder == self.holder, leases.c.until < stamp))
                .values(holder=self.holder, until=until)
            ).rowcount
        if taken == 1:
            return True
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(leases).values(name=self.name, holder=self.holder, until=until))
        except IntegrityError:
            return False  # someone else holds it
        return True

    def release(self) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(leases).where(leases.c.name == self.name, leases.c.holder == self.holder))

    def holder_now(self) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(
                select(leases.c.holder).where(leases.c.name == self.name, leases.c.until >= self.clock())
            ).scalar()

    def expires_in_s(self) -> float:
        """How long until the lease, held by anyone, expires (0: free or expired)."""
        with self.engine.connect() as conn:
            until = conn.execute(select(leases.c.until).where(leases.c.name == self.name)).scalar()
        return max(0.0, (until - self.clock()).total_seconds()) if until is not None else 0.0


class Periodic:
    """A daemon thread calling ``tick`` every ``every_s`` until stopped (a failing tick is logged)."""

    def __init__(self, name: str, every_s: float) -> None:
        self.name, self.every_s = name, every_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def tick(self) -> None:
        raise NotImplementedError

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.tick()
            except Exception:
                log.exception("periodic task failed", extra={"task": self.name})
            self._stop.wait(self.every_s)


class Singleton(Periodic):
    """Runs ``start_jobs`` in the one process holding ``lease``, and ``stop_jobs`` when it loses it (a
    database it cannot reach counts as lost: another process may take over once the lease expires)."""

    def __init__(self, lease: Lease, start_jobs: Callable[[], None], stop_jobs: Callable[[], None]) -> None:
        super().__init__(f"lease-{lease.name}", lease.ttl_s / 3)
        self.lease = lease
        self._start_jobs, self._stop_jobs = start_jobs, stop_jobs
        self.running = False

    def tick(self) -> None:
        try:
            held = self.lease.acquire()
        except Exception as exc:
            log.warning("lease unreachable", extra={"lease": self.lease.name, "error": str(exc)[:200]})
            held = False
        if held and not self.running:
            log.info("jobs lease taken: running the background jobs here", extra={"lease": self.lease.name})
            self._start_jobs()
            self.running = True
        elif not held and self.running:
            log.warning("jobs lease lost: stopping the background jobs here", extra={"lease": self.lease.name})
            self._stop_jobs()
            self.running = False

    def stop(self, timeout_s: float = 10.0) -> None:
        super().stop(timeout_s)
        if self.running:
            self._stop_jobs()
            self.running = False
        try:
            self.lease.release()  # the next process need not wait for the lease to expire
        except Exception:
            log.warning("could not release the jobs lease", extra={"lease": self.lease.name})


class KnowledgeWatcher(Periodic):
    """Keeps this process on the newest published knowledge base: every ``every_s`` it reads the newest
    version and reloads (``load``) when another worker published a newer one; it also reloads while
    the dense signal is missing (the vector store was down at load) until the vectors are back."""

    def __init__(
        self,
        versions: KnowledgeVersions,
        holder: KnowledgeHolder,
        load: Callable[[], KnowledgeBase],
        every_s: float,
        store_reachable: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__("knowledge-watcher", every_s)
        self.versions, self.holder, self.load = versions, holder, load
        self.store_reachable = store_reachable  # a cheap look before a whole load, while the store is away

    def tick(self) -> None:
        try:
            latest = self.versions.latest()
        except Exception as exc:  # the database is restarting: serve what we have, look again later
            log.warning("knowledge versions unreadable", extra={"error": str(exc)[:200]})
            latest = self.holder.version
        newer = latest > self.holder.version
        if not newer and (self.holder.current.dense or not self.store_reachable()):
            return
        kb = self.load()
        if not newer and not kb.dense:
            return  # the vector store is still away
        self.holder.swap(kb, version=max(latest, self.holder.version))
        published = self.versions.published_at(latest) if newer else None
        lag = round((now() - published).total_seconds(), 2) if published else None
        log.info(
            "knowledge reloaded",
            extra={"version": self.holder.version, "procedures": len(kb.procedures), "dense": kb.dense, "lag_s": lag},
        )
