"""``python -m ingest index`` and ``dalil ingest``: build or update the vector index of the knowledge
folder. Only changed chunks are embedded; chunks of removed text are deleted."""

from __future__ import annotations

from bot.app import search_parts
from bot.config import Settings
from bot.search.indexing import IndexReport, build_index


def run_index(settings: Settings, progress: bool = True) -> IndexReport:
    """Index with the embedder and store these settings choose on this machine."""
    search = search_parts(settings)
    report = build_index(search.settings, search.embedder, search.store, progress)
    report.compute = search.compute.as_dict()
    return report
