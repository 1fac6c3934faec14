"""Load benchmark: a bounded asyncio client against ``dalil serve --workers N`` on loopback.

Two mixes: ``unique`` (every message new: two of the knowledge base's citizens' questions joined, a
pair never repeated) and ``repeat`` (Zipf over those questions: a few asked very often, most rarely).
Each level runs a fixed time with a fixed number of clients, each sending its next message when the
last is answered (no session reuse: every message is a first turn). The run stops by itself.

    .venv/bin/python -m bench.load                          # both mixes at 1, 8, 32, 64 clients
    .venv/bin/python -m bench.load --mix repeat --clients 32 --seconds 600 --soak   # memory over 10 min
    .venv/bin/python -m bench.load --publish                # how long until every worker serves a publish
    .venv/bin/python -m bench.load --clients 8 --voice-burst 4   # text latency during a voice burst
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import platform
import random
import re
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load_server import ADMIN_TOKEN, LoadServer
from bot.config import ROOT


def kb_questions() -> list[str]:
    """The knowledge base's own citizens' questions (what Dalil is built to be asked)."""
    found = []
    for path in sorted((ROOT / "knowledge" / "procedures").glob("*.yaml")):
        questions = yaml.safe_load(path.read_text(encoding="utf-8")).get("questions") or {}
        found += [q for style in ("fr", "ar", "darija") for q in questions.get(style) or []]
    return found


def unique_messages(questions: list[str], seed: int = 1) -> Iterator[str]:
    pairs = list(itertools.permutations(range(len(questions)), 2))
    random.Random(seed).shuffle(pairs)
    for a, b in pairs:
        yield f"{questions[a]} {questions[b]}"


def zipf_messages(questions: list[str], s: float = 1.0, seed: int = 2) -> Iterator[str]:
    rng = random.Random(seed)
    ranked = questions[:]
    rng.shuffle(ranked)  # which questions are popular is arbitrary
    weights = [1 / (rank + 1) ** s for rank in range(len(ranked))]
    while True:
        yield from rng.choices(ranked, weights, k=1000)


@dataclass
class Level:
    mix: str
    clients: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[str, int] = field(default_factory=dict)

    def row(self) -> str:
        lat = sorted(self.latencies)
        if not lat:
            return f"| {self.mix} | {self.clients} | 0 | - | - | - | {self.errors} |"

        def pct(p: float) -> float:
            return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000

        rate = len(lat) / self.seconds
        return (f"| {self.mix} | {self.clients} | {rate:.1f} | {pct(0.5):.0f} | {pct(0.95):.0f} | {pct(0.99):.0f} "
                f"| {self.errors} |")


async def run_level(url: str, messages: Iterator[str], level: Level, warmup_s: float = 3.0) -> None:
    connector = aiohttp.TCPConnector(limit=level.clients)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=60)) as session:
        started = time.monotonic()
        measure_from, stop_at = started + warmup_s, started + warmup_s + level.seconds

        async def client() -> None:
            while (now := time.monotonic()) < stop_at:
                body = {"message": next(messages), "session_id": None, "lang": None}
                t0 = time.monotonic()
                try:
                    async with session.post(f"{url}/api/chat", json=body) as response:
                        data = await response.json()
                        ok = response.status == 200
                except (aiohttp.ClientError, TimeoutError):
                    ok, data = False, {}
                t1 = time.monotonic()
                if now >= measure_from and t1 <= stop_at:
                    if ok:
                        level.latencies.append(t1 - t0)
                        level.statuses[data["status"]] = level.statuses.get(data["status"], 0) + 1
                    else:
                        level.errors += 1

        await asyncio.gather(*(client() for _ in range(level.clients)))


def machine() -> str:
    lines = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), "?")
    return f"{cpu}, {os.cpu_count()} cores, {platform.python_version()}"


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def server_timings(url: str) -> dict[str, tuple[float, float]]:
    """(seconds, count) so far per pipeline step and for the whole /api/chat request, from /metrics."""
    import httpx

    found: dict[str, tuple[float, float]] = {}
    pattern = re.compile(r'dalil_(step_seconds|http_request_seconds)_(sum|count)\{(?:step|route)="([^"]+)"\} (\S+)')
    for line in httpx.get(f"{url}/metrics", timeout=10).text.splitlines():
        match = pattern.match(line)
        if match and (match[1] == "step_seconds" or match[3] == "/api/chat"):
            name = match[3] if match[1] == "step_seconds" else "request"
            seconds, count = found.get(name, (0.0, 0.0))
            value = float(match[4])
            found[name] = (seconds + value, count) if match[2] == "sum" else (seconds, count + value)
    return found


def turns_lost(url: str) -> float:
    """Answers the server gave but could not record (``dalil_turns_lost``): errors too, though each
    request was answered 200."""
    import httpx

    text = httpx.get(f"{url}/metrics", timeout=10).text
    return sum(float(m[1]) for m in re.finditer(r"^dalil_turns_lost_total\{[^}]*\} (\S+)", text, re.M))


def profile(before: dict[str, tuple[float, float]], after: dict[str, tuple[float, float]]) -> str:
    """Mean milliseconds per step over a level (steps of cached answers do not run)."""
    parts = []
    for name, (seconds, count) in after.items():
        s0, c0 = before.get(name, (0.0, 0.0))
        if count > c0:
            parts.append(f"{name} {(seconds - s0) / (count - c0) * 1000:.1f}")
    return ", ".join(parts)


def run_table(server: LoadServer, mixes: list[str], clients: list[int], seconds: float) -> None:
    questions = kb_questions()
    # Every worker's first answers load what loads lazily (lexicons, the social replies): not measured.
    asyncio.run(run_level(server.url, unique_messages(questions, seed=99), Level("warm-up", 4, 10), warmup_s=0))
    print("| mix | clients | req/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|")
    for mix in mixes:
        messages = unique_messages(questions) if mix == "unique" else zipf_messages(questions)
        for n in clients:
            level = Level(mix, n, seconds)
            before, timings, lost = load_average(), server_timings(server.url), turns_lost(server.url)
            asyncio.run(run_level(server.url, messages, level))
            level.errors += int(turns_lost(server.url) - lost)
            print(level.row(), f"<!-- load {before} -> {load_average()}, rss {server.rss_mb():.0f} MB, "
                  f"{json.dumps(level.statuses)}; mean ms: {profile(timings, server_timings(server.url))} -->",
                  flush=True)


def soak(server: LoadServer, clients: int, seconds: float, mix: str) -> None:
    """Memory of the whole server tree every 10 s under a steady load; the first minute is warm-up."""
    questions = kb_questions()
    messages = unique_messages(questions) if mix == "unique" else zipf_messages(questions)
    samples: list[tuple[float, float]] = []
    level = Level(mix, clients, seconds)

    async def sample() -> None:
        started = time.monotonic()
        while time.monotonic() - started < seconds + 3:
            samples.append((time.monotonic() - started, server.rss_mb()))
            await asyncio.sleep(10)

    async def both() -> None:
        await asyncio.gather(run_level(server.url, messages, level, warmup_s=0), sample())

    asyncio.run(both())
    steady = [rss for t, rss in samples if t >= 60]
    print(level.row())
    print("rss MB every 10 s:", " ".join(f"{rss:.0f}" for _, rss in samples))
    if steady:
        mid = statistics.median(steady)
        spread = max(abs(r - mid) for r in steady) / mid * 100
        print(f"after the first minute: median {mid:.0f} MB, max deviation ±{spread:.1f} %, "
              f"first {steady[0]:.0f} MB, last {steady[-1]:.0f} MB")


def voice_burst(server: LoadServer, clients: int, seconds: float, notes: int) -> None:
    """Text latency at ``clients`` clients, alone, then while ``notes`` voice notes are sent at once
    over and over (15 s French notes): transcription runs on its own bounded pool."""
    import tempfile

    from bench.speech_synth import clip_of

    audio = clip_of(15, "fr", Path(tempfile.mkdtemp(prefix="dalil-voice-"))).read_bytes()
    questions = kb_questions()
    quiet = Level("repeat", clients, seconds)
    asyncio.run(run_level(server.url, zipf_messages(questions), quiet))
    busy = Level("repeat+voice", clients, seconds)
    voice: dict[int, int] = {}

    async def speaker(session: aiohttp.ClientSession, stop_at: float) -> None:
        while time.monotonic() < stop_at:
            form = aiohttp.FormData()
            form.add_field("audio", audio, filename="note.ogg", content_type="audio/ogg")
            async with session.post(f"{server.url}/api/voice", data=form) as response:
                voice[response.status] = voice.get(response.status, 0) + 1
                await response.read()

    async def both() -> None:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
            stop_at = time.monotonic() + seconds + 3
            await asyncio.gather(run_level(server.url, zipf_messages(questions), busy),
                                 *(speaker(session, stop_at) for _ in range(notes)))

    asyncio.run(both())
    print("| text load | clients | req/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|")
    print(quiet.row())
    print(busy.row(), f"<!-- voice notes answered by status: {voice} -->")


def publish(server: LoadServer, procedure: str = "birth-certificate") -> None:
    """Change one procedure through one worker; time until every worker reports the new version."""
    import httpx

    path = server.folder / "knowledge" / "procedures" / f"{procedure}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.setdefault("aliases", {}).setdefault("fr", []).append(f"essai de publication {time.time():.0f}")
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}", "X-Admin-User": "load-bench"}
    body = yaml.safe_dump(data, allow_unicode=True)
    started = time.monotonic()
    response = httpx.put(f"{server.url}/admin/procedures/{procedure}", content=body, headers=headers, timeout=120)
    response.raise_for_status()
    version, saved = response.json()["version"], time.monotonic()
    caught_up: dict[str, float] = {}
    while len(caught_up) < server.workers and time.monotonic() - saved < 120:
        with httpx.Client(timeout=5) as client:  # a new connection: any worker may answer
            health = client.get(f"{server.url}/health").json()
        if health["knowledge_version"] >= version:
            caught_up.setdefault(health["worker"], time.monotonic() - saved)
        time.sleep(0.05)
    print(f"publish: saved (re-indexed and swapped in one worker) in {saved - started:.2f} s; every worker "
          f"served version {version} within {max(caught_up.values(), default=float('nan')):.2f} s after: "
          + ", ".join(f"{w} {t:.2f} s" for w, t in caught_up.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mix", choices=["unique", "repeat", "both"], default="both")
    parser.add_argument("--clients", default="1,8,32,64")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--chroma", choices=["server", "embedded"], default="server")
    parser.add_argument("--env", action="append", default=[], help="KEY=VALUE for the server (repeatable)")
    parser.add_argument("--soak", action="store_true", help="one level, memory sampled every 10 s")
    parser.add_argument("--publish", action="store_true", help="measure how long a publish takes to reach all")
    parser.add_argument("--voice-burst", type=int, default=0, metavar="NOTES",
                        help="text latency alone, then with NOTES voice notes in flight at once")
    args = parser.parse_args()
    env = dict(item.split("=", 1) for item in args.env)
    server = LoadServer(args.workers, args.database, args.chroma, env).start()
    try:
        print(f"machine: {machine()}; server: {args.workers} workers, {args.database}, chroma {args.chroma}, "
              f"{env or 'defaults'}; load average at start {load_average()}")
        with __import__("httpx").Client() as client:
            print("compute:", client.get(f"{server.url}/health").json()["compute_types"])
        if args.publish:
            publish(server)
        elif args.voice_burst:
            voice_burst(server, int(args.clients.split(",")[0]), args.seconds, args.voice_burst)
        elif args.soak:
            soak(server, int(args.clients.split(",")[0]), args.seconds, "repeat" if args.mix == "both" else args.mix)
        else:
            mixes = ["unique", "repeat"] if args.mix == "both" else [args.mix]
            run_table(server, mixes, [int(c) for c in args.clients.split(",")], args.seconds)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
