"""What the inbox and the outbox share: rows worked under a lease, retried after a delay.

Each table has ``state``, ``attempts``, ``next_attempt_at``, ``lease_until`` and ``claimed_by``; a worker
claims a due row atomically, renews or releases it, and a row whose lease ran out is due again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import Column, DateTime, Engine, Integer, Row, String, Table, func, select, update

from bot.database import now

PENDING = "pending"


def lease_columns() -> list[Column]:
    return [
        Column("state", String(12), nullable=False, default=PENDING),
        Column("attempts", Integer, nullable=False, default=0),
        Column("next_attempt_at", DateTime, nullable=False),
        Column("lease_until", DateTime),
        Column("claimed_by", String(40)),
    ]


def claim_due(
    engine: Engine, table: Table, claimable: Callable[[dt.datetime], Any], state: str, lease_s: float, claimer: str
) -> Row | None:
    """Atomically take the oldest due row of an inbox/outbox table under a lease. The conditional
    UPDATE makes a race between workers harmless: the loser looks again."""
    for _ in range(5):
        stamp = now()
        with engine.begin() as conn:
            row_id = conn.execute(select(table.c.id).where(claimable(stamp)).order_by(table.c.id).limit(1)).scalar()
            if row_id is None:
                return None
            taken = conn.execute(
                update(table)
                .where(table.c.id == row_id, claimable(stamp))
                .values(
                    state=state,
                    claimed_by=claimer,
                    lease_until=stamp + dt.timedelta(seconds=lease_s),
                    attempts=table.c.attempts + 1,
                )
            ).rowcount
            if taken == 1:
                return conn.execute(select(table).where(table.c.id == row_id)).one()
    return None


def release_for_retry(engine: Engine, table: Table, held: Any, delay_s: float, error: str) -> None:
    """Give a held row back, due again after ``delay_s``."""
    with engine.begin() as conn:
        conn.execute(
            update(table)
            .where(held)
            .values(
                state=PENDING,
                lease_until=None,
                claimed_by=None,
                next_attempt_at=now() + dt.timedelta(seconds=delay_s),
                error=error[:300],
            )
        )


def state_counts(engine: Engine, table: Table) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(select(table.c.state, func.count()).group_by(table.c.state)).all()
    return {state: n for state, n in rows}


def next_due_in(engine: Engine, table: Table, working_state: str) -> float | None:
    """Seconds until a pending row is due or a lease runs out (None: nothing to wait for)."""
    with engine.connect() as conn:
        due = conn.execute(select(func.min(table.c.next_attempt_at)).where(table.c.state == PENDING)).scalar()
        lease = conn.execute(select(func.min(table.c.lease_until)).where(table.c.state == working_state)).scalar()
    times = [t for t in (due, lease) if t is not None]
    return max(0.0, (min(times) - now()).total_seconds()) if times else None


def retrying_count(engine: Engine, table: Table) -> int:
    """Rows due again after a failed attempt (pending with at least one attempt behind them)."""
    with engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(table).where(table.c.state == PENDING, table.c.attempts > 0)
            ).scalar_one()
        )
