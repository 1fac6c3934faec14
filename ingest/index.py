"""``python -m ingest index`` and ``dalil ingest``: build or update the vector index of the knowledge
folder. Only changed chunks are embedded; chunks of removed text are deleted."""

from __future__ import annotations

from bot.config import Settings
from bot.search.indexing import IndexReport, build_index
from bot.services import build_services


def run_index(settings: Settings, progress: bool = True) -> IndexReport:
    services = build_services(settings)
    report = build_index(services.settings, services.embedder, services.store, progress)
    report.compute = services.compute.as_dict()
    return report
