"""One publish at a time across processes, on SQLite and PostgreSQL: a real second process holds the
``publish`` lease (as a worker publishing, or the server ``dalil publish`` asked) and this one is refused
at once with a 409 and how long to wait; once the other has finished, this one publishes."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import Engine

from bot.admin.editor import EditError
from bot.admin.publish import PublishLock
from bot.config import ROOT

HOLDER = """
import sys
from bot.admin.publish import PublishLock
from bot.database import open_database
with PublishLock(open_database(sys.argv[1])).held():
    print("held", flush=True)
    sys.stdin.readline()
print("released", flush=True)
"""


def test_a_publish_in_another_process_refuses_this_one_until_it_ends(database_url: str, engine: Engine) -> None:
    other = subprocess.Popen(
        [sys.executable, "-c", HOLDER, database_url],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert other.stdout is not None and other.stdin is not None
        assert other.stdout.readline().strip() == "held"
        mine = PublishLock(engine)
        with pytest.raises(EditError) as busy, mine.held():
            pass
        assert (busy.value.code, busy.value.status_code) == ("busy", 409)
        assert "a publication is in progress" in busy.value.reason
        assert busy.value.retry_after_s is not None and 1 <= busy.value.retry_after_s <= 900
        other.stdin.write("\n")
        other.stdin.flush()
        assert other.stdout.readline().strip() == "released"
        with mine.held():  # the other process has finished: this one publishes
            assert mine.lease.holder_now() == mine.lease.holder
        assert mine.lease.holder_now() is None  # released when done
    finally:
        other.kill()
        other.wait()


def test_a_second_publish_in_the_same_process_is_refused_too(engine: Engine) -> None:
    lock = PublishLock(engine)
    with lock.held(), pytest.raises(EditError) as busy, lock.held():
        pass
    assert busy.value.code == "busy"
    with lock.held():  # free again
        pass
