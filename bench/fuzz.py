"""The long fuzz run (``make bench``): a real server on 127.0.0.1 (uvicorn, the index in the data
folder, real embedder and Whisper, its own SQLite file, web limits off, WhatsApp against the local fake
Graph API), then Schemathesis' positive and negative cases for every public route of the server's own
OpenAPI document with its default checks, signed WhatsApp bodies of odd shapes and damaged audio files
(``tests/fuzz.py``). Loopback only; bounded in count. Prints the cases and failures per target and
writes them to test-artifacts/fuzz-long.json; exits 1 on any failure.

    .venv/bin/python -m bench.fuzz                      # about 10,500 cases
    .venv/bin/python -m bench.fuzz --examples 50 --negative 20 --webhooks 100 --audio 20   # a quick look
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import schemathesis
import uvicorn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from bot.config import ROOT, get_settings
from tests import whatsapp_payloads as wp
from tests.fake_graph import FakeGraph
from tests.fuzz import damaged_audio, odd_webhook, signed_body
from web.app import create_app

ARTIFACT = ROOT / "test-artifacts" / "fuzz-long.json"


@contextmanager
def server(data: Path, graph: FakeGraph) -> Iterator[str]:
    """Dalil on a free loopback port, as `dalil serve` runs it, with the fuzzing switches."""
    settings = get_settings(
        database_url=f"sqlite:///{data / 'fuzz.sqlite3'}",
        api_docs=True,
        web_rate_limit=0,
        log_level="ERROR",
        whatsapp_token=graph.token,
        whatsapp_app_secret=wp.SECRET,
        whatsapp_verify_token="verify-token",
        whatsapp_phone_number_id=wp.PHONE_ID,
        whatsapp_api_base=graph.base_url,
    )
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(settings), log_level="error", lifespan="on", proxy_headers=False)
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 300
    while not uv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise SystemExit("the server did not start")
        time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        uv.should_exit = True
        thread.join(30)
        sock.close()


def run(name: str, examples: int, strategy: st.SearchStrategy, call: Callable[[Any], None], tally: dict) -> None:
    """Up to ``examples`` cases of ``strategy`` through ``call``; the first failure of a target is kept
    (Hypothesis shrinks it), and the target stops there."""
    cases = Counter[str]()

    @settings(
        max_examples=examples, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(strategy)
    def check(case: Any) -> None:
        cases[name] += 1
        call(case)

    started = time.perf_counter()
    try:
        check()
        failure = None
    except Unsatisfiable:  # a route without parameters has no invalid input to send
        failure = None
    except Exception as exc:  # a failed check: recorded, the run goes on with the next target
        failure = f"{type(exc).__name__}: {str(exc)[:2000]}"
    tally[name] = {"cases": cases[name], "failure": failure, "seconds": round(time.perf_counter() - started, 1)}
    print(f"{cases[name]:>6}  {'FAILED' if failure else 'ok':6}  {name}", flush=True)
    if failure:
        print(failure, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=1100, help="positive cases per operation")
    parser.add_argument("--negative", type=int, default=500, help="negative cases per operation")
    parser.add_argument("--webhooks", type=int, default=2000, help="signed WhatsApp bodies of odd shapes")
    parser.add_argument("--audio", type=int, default=500, help="damaged audio files")
    args = parser.parse_args(argv)
    tally: dict[str, dict[str, Any]] = {}
    graph = FakeGraph(phone_number_id=wp.PHONE_ID).start()
    with tempfile.TemporaryDirectory() as tmp, server(Path(tmp), graph) as base, httpx.Client(timeout=120) as http:
        schema = schemathesis.openapi.from_url(f"{base}/openapi.json").exclude(path_regex="^/admin")
        for result in schema.get_all_operations():
            operation = result.ok()
            for mode, examples in ((GenerationMode.POSITIVE, args.examples), (GenerationMode.NEGATIVE, args.negative)):
                run(
                    f"{operation.label} ({mode.value})",
                    examples,
                    operation.as_strategy(generation_mode=mode),
                    lambda case: case.call_and_validate(base_url=base),
                    tally,
                )

        def webhook(body: Any) -> None:
            raw, headers = signed_body(body)
            r = http.post(f"{base}/webhooks/whatsapp", content=raw, headers=headers)
            assert r.status_code in (200, 400), (r.status_code, r.text[:300])

        def audio(data: bytes) -> None:
            r = http.post(f"{base}/api/voice", files={"audio": ("note", data, "application/octet-stream")})
            assert r.status_code in (200, 400, 413, 415, 422), (r.status_code, r.text[:300])
            assert r.status_code == 200 or r.json()["detail"]

        run("POST /webhooks/whatsapp (signed, odd shapes)", args.webhooks, odd_webhook(), webhook, tally)
        run("POST /api/voice (damaged containers)", args.audio, damaged_audio(), audio, tally)
    graph.stop()
    total = sum(t["cases"] for t in tally.values())
    failed = [name for name, t in tally.items() if t["failure"]]
    print(f"{total} cases, {len(failed)} targets failed" + (f": {', '.join(failed)}" if failed else ""))
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_text(json.dumps({"cases": total, "failed": failed, "targets": tally}, indent=2) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
