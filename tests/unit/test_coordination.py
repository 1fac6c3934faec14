"""What workers share through the database, on SQLite and PostgreSQL: the jobs lease (one holder, taken
over when it expires), the published knowledge-base versions and the watcher that follows them."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

from sqlalchemy import Engine

from bot.coordination import KnowledgeVersions, KnowledgeWatcher, Lease, Singleton
from bot.search.served import KnowledgeHolder


def test_one_holder_at_a_time_and_a_dead_holder_is_replaced(engine: Engine) -> None:
    # A clock of the test's own: a loaded machine's pauses between two statements must not expire a lease.
    clock = [dt.datetime(2026, 1, 5, 9, 0)]
    first, second = (Lease(engine, "jobs", w, ttl_s=0.3, clock=lambda: clock[0]) for w in ("w1", "w2"))
    assert first.acquire() and not second.acquire()
    clock[0] += dt.timedelta(seconds=0.2)
    assert first.acquire() and not second.acquire()  # renewing: 0.3 s from now
    clock[0] += dt.timedelta(seconds=0.2)
    assert first.holder_now() == "w1" and not second.acquire()
    clock[0] += dt.timedelta(seconds=0.4)  # w1 died: its lease ran out
    assert first.holder_now() is None and first.expires_in_s() == 0.0
    assert second.acquire() and not first.acquire() and second.holder_now() == "w2"
    second.release()
    assert first.acquire()
    assert Lease(engine, "purge", "w2", ttl_s=10).acquire()  # another name, another lease


def test_the_jobs_run_in_one_process_and_move_when_it_stops(engine: Engine) -> None:
    # The workers' ticks are called here, in order, on the test's clock: a loaded machine's pauses
    # between two ticks must not expire a lease (it did, with threads on the real clock).
    clock = [dt.datetime(2026, 1, 5, 9, 0)]
    running: list[str] = []

    def singleton(name: str) -> Singleton:
        lease = Lease(engine, "jobs", name, ttl_s=0.6, clock=lambda: clock[0])
        return Singleton(lease, lambda: running.append(name), lambda: running.remove(name))

    workers = [singleton("w1"), singleton("w2"), singleton("w3")]
    for _ in range(3):  # the leader renews within its lease: nobody else starts
        for worker in workers:
            worker.tick()
        clock[0] += dt.timedelta(seconds=0.2)
    assert running == ["w1"] and [w.running for w in workers] == [True, False, False]
    workers[0].stop()  # releases the lease: another takes over at its next tick, without waiting for it to expire
    assert running == [] and workers[0].lease.holder_now() is None
    for worker in workers[1:]:
        worker.tick()
    assert running == ["w2"]
    clock[0] += dt.timedelta(seconds=0.7)  # w2 stopped renewing (its process hangs): its lease runs out
    workers[2].tick()
    assert running == ["w2", "w3"] and workers[2].lease.holder_now() == "w3"
    workers[1].tick()  # w2 wakes up: the lease is lost, its jobs stop
    assert running == ["w3"] and not workers[1].running
    for worker in workers:
        worker.stop()
    assert running == []


def test_a_singleton_ticks_in_its_own_thread_until_stopped(engine: Engine) -> None:
    started, running = threading.Event(), []

    def start_jobs() -> None:
        running.append("w1")
        started.set()

    singleton = Singleton(Lease(engine, "jobs", "w1", ttl_s=60), start_jobs, lambda: running.remove("w1"))
    singleton.start()  # the first tick runs at once, in the thread
    assert started.wait(60), "the singleton's thread never took the free lease"
    singleton.stop()
    assert running == [] and singleton.lease.holder_now() is None


@dataclass
class FakeKB:
    dense: bool
    procedures: dict[str, object]


def test_the_watcher_follows_versions_published_elsewhere(engine: Engine) -> None:
    versions = KnowledgeVersions(engine)
    assert versions.latest() == 0
    holder = KnowledgeHolder(FakeKB(True, {"a": 1}), version=0)  # type: ignore[arg-type]
    loads: list[int] = []

    def load() -> FakeKB:
        loads.append(1)
        return FakeKB(True, {"a": 1, "b": 2})

    watcher = KnowledgeWatcher(versions, holder, load, every_s=60)  # type: ignore[arg-type]
    watcher.tick()
    assert loads == [] and holder.version == 0  # nothing new
    published = versions.publish(2, "editor")
    assert published == versions.latest() == 1 and versions.published_at(1) is not None
    watcher.tick()
    assert loads == [1] and holder.version == 1 and len(holder.current.procedures) == 2
    watcher.tick()
    assert loads == [1]  # served already


def test_the_watcher_brings_the_dense_signal_back(engine: Engine) -> None:
    holder = KnowledgeHolder(FakeKB(False, {"a": 1}), version=0)  # type: ignore[arg-type]
    store_back = [False, False, True]
    watcher = KnowledgeWatcher(
        KnowledgeVersions(engine), holder, lambda: FakeKB(store_back.pop(0), {"a": 1}), every_s=60  # type: ignore[arg-type,return-value]
    )
    watcher.tick()
    watcher.tick()
    assert not holder.current.dense and holder.version == 0
    watcher.tick()
    assert holder.current.dense and store_back == []
    watcher.tick()  # dense and current: nothing to load (the list is empty: a load would fail)


def test_rate_counts_are_shared_by_every_worker(engine: Engine) -> None:
    from bot.coordination import DatabaseRateCounter

    one, two = DatabaseRateCounter(engine, prune_every=3), DatabaseRateCounter(engine)  # two processes' counters
    assert [one.hit("client-a", 60, 120.0), two.hit("client-a", 60, 130.0), one.hit("client-a", 60, 179.9)] == [1, 2, 3]
    assert two.hit("client-b", 60, 150.0) == 1  # another key
    assert one.hit("client-a", 60, 180.0) == 1  # a new window
    assert two.hit("client-a", 60, 200.0) == 2


def test_the_web_limits_count_in_the_database_when_workers_share_it(engine: Engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bot.app import make_rate_counter
    from bot.coordination import DatabaseRateCounter
    from bot.ratelimit import MemoryRateCounter, PseudonymousKeys
    from tests.fakes import fake_settings

    def counter(choice: str) -> object:
        made = make_rate_counter(fake_settings(tmp_path, rate_counter=choice), engine)
        return made.counter if isinstance(made, PseudonymousKeys) else made  # what the database holds: hashes

    shared = engine.dialect.name == "postgresql"  # auto: PostgreSQL means workers may be anywhere
    assert isinstance(counter("auto"), DatabaseRateCounter if shared else MemoryRateCounter)
    assert isinstance(counter("database"), DatabaseRateCounter)
    assert isinstance(counter("memory"), MemoryRateCounter)
