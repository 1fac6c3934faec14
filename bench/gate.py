"""How long a publish takes with the quality gate as configured (DALIL_GATE_*): the candidate built
beside the version serving, then the gate on both versions (the first publish after a start) and on
the candidate only (the version serving already known). The candidate removes one procedure, so the
report also shows what the gate blocks on.

    .venv/bin/python -m bench.gate
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.admin.gate import GateSets, QualityGate
from bot.answer.pipeline import Pipeline
from bot.app import OFF_TOPIC_CORPUS, harm_reader, search_parts
from bot.config import get_settings
from bot.search.candidate import build_beside
from bot.search.served import load_or_index


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        settings = get_settings(data_dir=Path(tmp))  # its own vector store: the candidate's chunks go there
        search = search_parts(settings)
        live = load_or_index(search.settings, search.embedder, search.store)
        sets = GateSets.load(settings.gate_dev_set, OFF_TOPIC_CORPUS, settings.gate_off_topic_every)
        pipeline = Pipeline(search.settings, None, harm_reader(search.settings))  # as the console's gate
        gate = QualityGate(
            pipeline, search.embedder, search.store, sets, settings.gate_tolerance, 0,
            settings.gate_folds,
        )
        print(f"gate: {gate.describe()}")
        started = time.perf_counter()
        procedures = [p for p in live.procedures.values() if p.id != "passport-renewal"]
        candidate, _ = build_beside(search.settings, procedures, search.embedder, search.store)
        built = time.perf_counter() - started
        report = gate.compare(live, candidate)
        again = QualityGate(gate.pipeline, search.embedder, search.store, sets, gate.tolerance, 0, gate.folds)
        again.compare(live, live)  # the version serving, known before the publish
        started = time.perf_counter()
        again.compare(live, candidate)
        candidate_only = time.perf_counter() - started
    print(f"candidate built beside the live version: {built:.1f} s")
    print(f"gate, both versions (first publish after a start): {report.seconds:.1f} s")
    print(f"gate, the candidate only: {candidate_only:.1f} s")
    print(f"report: {report.summary()}; blocked: {report.blocked}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
