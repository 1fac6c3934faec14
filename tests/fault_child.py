"""Processes the fault tests kill or confine (run as ``python -m tests.fault_child <mode> ...``).

- ``whatsapp <database url> <graph url> <step>``: a worker process holding the jobs lease that answers
  and sends WhatsApp messages, and kills itself with SIGKILL (no clean-up of any kind) at ``step``.
- ``answer <model dir> <data dir>``: Dalil built on that model cache (which the test has mounted
  read-only) answers one question and prints the answer's JSON.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

SALT = "test-salt"


def whatsapp(database_url: str, graph_url: str, step: str) -> None:
    from bot.channels.whatsapp.config import WhatsAppConfig
    from bot.channels.whatsapp.runtime import WhatsAppRuntime
    from bot.coordination import Lease, Singleton
    from bot.database import open_database
    from tests import whatsapp_payloads as wp
    from tests.unit.test_whatsapp_worker import FAST, StubDalil

    config = WhatsAppConfig(
        token="test-token", app_secret=wp.SECRET, verify_token="verify", phone_number_id=wp.PHONE_ID,
        api_base=graph_url, rate_per_minute=15, salt=SALT, max_audio_bytes=1_000_000, max_message_chars=2000,
    )

    def die(at: str, row_id: int) -> None:
        if at == step:
            os.kill(os.getpid(), signal.SIGKILL)

    runtime = WhatsAppRuntime(config, StubDalil(), open_database(database_url), options=FAST, checkpoint=die)
    jobs = Singleton(Lease(runtime.engine, "jobs", f"child-{os.getpid()}", ttl_s=1.0),
                     runtime.worker.start, runtime.worker.stop)
    jobs.start()
    print("started", flush=True)
    time.sleep(60)  # the checkpoint kills us long before


def answer(model_dir: str, data_dir: str) -> None:
    from bot.app import build
    from tests.conftest import make_settings

    settings = make_settings(Path(data_dir), model_dir=Path(model_dir), knowledge_poll_s=0)
    dalil = build(settings)
    dalil.warm_up()
    print(json.dumps(dalil.answer("comment renouveler mon passeport", channel="test").to_dict()), flush=True)


if __name__ == "__main__":
    {"whatsapp": whatsapp, "answer": answer}[sys.argv[1]](*sys.argv[2:])
