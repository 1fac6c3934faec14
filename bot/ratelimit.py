"""Rate limits of the web API: how many requests a key (a client address, a session) may make a
minute. The counting is behind :class:`bot.ports.RateCounter`; :class:`MemoryRateCounter` counts in
this process, enough for one worker; several workers share ``bot.coordination.DatabaseRateCounter``
(chosen by ``bot.app.make_rate_counter``)."""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable

from bot.ports import RateCounter
from bot.privacy import pseudonym

WINDOW_S = 60
log = logging.getLogger(__name__)


class MemoryRateCounter:
    """One (window, count) per key, in memory. Bounded: past ``max_keys`` the keys of ended windows are
    dropped, then the oldest (a flood of new keys resets some counts; it never grows memory)."""

    def __init__(self, max_keys: int = 100_000) -> None:
        self.max_keys = max_keys
        self._counts: dict[str, tuple[int, int]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str, window_s: int, now: float) -> int:
        window = int(now // window_s)
        with self._lock:
            seen, count = self._counts.pop(key, (window, 0))
            count = count + 1 if seen == window else 1
            self._counts[key] = (window, count)  # re-inserted: the dict stays in order of last use
            if len(self._counts) > self.max_keys:
                self._forget(window)
            return count

    def _forget(self, window: int) -> None:
        for key in [k for k, (w, _) in self._counts.items() if w != window]:
            del self._counts[key]
        while len(self._counts) > self.max_keys // 2:
            del self._counts[next(iter(self._counts))]


class PseudonymousKeys:
    """A counter whose keys (client addresses, session ids) are stored as keyed hashes: a shared
    counter writes them to the database, where an address must not be readable (law 09-08)."""

    def __init__(self, counter: RateCounter, salt: str) -> None:
        self.counter = counter
        self.salt = salt

    def hit(self, key: str, window_s: int, now: float) -> int:
        return self.counter.hit(pseudonym(key, self.salt), window_s, now)


class RateLimiter:
    """``check(key, per_minute)``: None while ``key`` is within its limit, else the seconds to wait."""

    def __init__(self, counter: RateCounter, clock: Callable[[], float] = time.time) -> None:
        self.counter = counter
        self.clock = clock

    def check(self, key: str, per_minute: int) -> int | None:
        if per_minute <= 0:
            return None
        now = self.clock()
        try:
            count = self.counter.hit(key, WINDOW_S, now)
        except Exception:  # a shared counter's database away or locked: serve rather than refuse everyone
            log.warning("rate counter unavailable, request let through", exc_info=True)
            return None
        if count <= per_minute:
            return None
        return max(1, math.ceil(WINDOW_S - now % WINDOW_S))
