"""Prometheus metrics of one application (``GET /metrics``): requests by route and status, answers by
channel, status, style and language, latency per pipeline step, the answer cache, the knowledge-base
version, the vector store, and the WhatsApp queues read from the database at scrape time (so every
worker reports the same, shared queues).

Each application has its own registry (no process-wide state). Under ``dalil serve --workers N`` the
workers write their counters to ``PROMETHEUS_MULTIPROC_DIR`` (set by ``dalil serve`` before any
import of prometheus_client) and any worker's ``/metrics`` adds them all up.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

# Answers on 2 cores take milliseconds (a cached one) to a second (a burst): buckets for both ends.
LATENCY_BUCKETS = (0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class QueueCollector(Collector):
    """The WhatsApp queues as they are in the database: rows by state, and rows waiting to be retried."""

    def __init__(
        self, queues: Mapping[str, Callable[[], Mapping[str, int]]], retrying: Mapping[str, Callable[[], int]]
    ) -> None:
        self.queues, self.retrying = queues, retrying

    def collect(self) -> Iterable[Metric]:
        depth = GaugeMetricFamily("dalil_whatsapp_queue", "WhatsApp rows by queue and state", labels=["queue", "state"])
        waiting = GaugeMetricFamily("dalil_whatsapp_retrying", "rows waiting to be retried", labels=["queue"])
        try:
            for queue, counts in self.queues.items():
                for state, count in counts().items():
                    depth.add_metric([queue, state], count)
            for queue, count in self.retrying.items():
                waiting.add_metric([queue], count())
        except Exception:
            return []  # the database is away: say nothing rather than fail the scrape
        return [depth, waiting]


class Metrics:
    def __init__(self) -> None:
        self.multiprocess_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None
        self.registry = CollectorRegistry()
        # In multiprocess mode the values live in files and are collected from there, not from here.
        own = None if self.multiprocess_dir else self.registry
        self.requests = Counter(
            "dalil_http_requests", "HTTP requests", ["route", "method", "status"], registry=own
        )
        self.request_seconds = Histogram(
            "dalil_http_request_seconds", "HTTP request latency", ["route"], buckets=LATENCY_BUCKETS, registry=own
        )
        self.answers = Counter(
            "dalil_answers", "answers given", ["channel", "status", "style", "language"], registry=own
        )
        self.step_seconds = Histogram(
            "dalil_step_seconds", "pipeline step latency", ["step"], buckets=LATENCY_BUCKETS, registry=own
        )
        # An answer given but not written (the database locked, full or away): operators alert on it.
        self.turns_lost = Counter("dalil_turns_lost", "answers given but not recorded", ["problem"], registry=own)
        self.answer_cache = Counter("dalil_answer_cache", "first-turn answer cache lookups", ["result"], registry=own)
        self.knowledge_version = Gauge(
            "dalil_knowledge_version", "knowledge-base version served", registry=own, multiprocess_mode="all"
        )
        self.dense = Gauge(
            "dalil_dense_signal", "1 while the dense signal is loaded", registry=own, multiprocess_mode="all"
        )
        self._extra: list[Collector] = []

    def add_collector(self, collector: Collector) -> None:
        """A collector read at scrape time, once for the whole service (the database's view)."""
        self._extra.append(collector)
        if not self.multiprocess_dir:
            self.registry.register(collector)

    def observe_answer(self, channel: str, status: str, style: str, language: str, trace: Mapping[str, object]) -> None:
        self.answers.labels(channel, status, style, language).inc()
        if trace.get("cached"):
            self.answer_cache.labels("hit").inc()
            return
        timings = trace.get("timings_ms")
        if isinstance(timings, Mapping):
            for step, ms in timings.items():
                self.step_seconds.labels(step).observe(float(ms) / 1000)

    def exposition(self) -> bytes:
        if not self.multiprocess_dir:
            return generate_latest(self.registry)
        registry = CollectorRegistry()
        MultiProcessCollector(registry, path=self.multiprocess_dir)
        for collector in self._extra:
            registry.register(collector)
        return generate_latest(registry)
