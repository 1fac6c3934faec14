"""GET /health (readiness, for load balancers and health checks), GET /health/live (liveness) and
GET /metrics (Prometheus)."""

from __future__ import annotations

import os
import socket

from fastapi import APIRouter
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST

from web.deps import DalilDep

router = APIRouter(tags=["ops"])
WORKER = f"{socket.gethostname()}:{os.getpid()}"


@router.get("/health/live")
def live() -> dict[str, str]:
    """The process answers HTTP: restart it only when this fails, never for a dependency that is down."""
    return {"status": "alive"}


NOT_READY = {503: {"description": "not ready: the same body, with what is missing"}}


@router.get("/health", responses=NOT_READY)
@router.get("/health/ready", responses=NOT_READY)
def health(dalil: DalilDep) -> JSONResponse:
    """Ready to answer (503 until the knowledge base is loaded), with the state of each dependency."""
    state = dalil.readiness()
    body = {
        "status": ("ok" if state.database == "ok" else "degraded") if state.ready else "not_ready",
        "index_loaded": state.chunks > 0,
        "vector_store": "ok" if state.chunks >= 0 else "unavailable",
        "dense": state.dense,
        "procedures": state.procedures,
        "chunks": state.chunks,
        "knowledge_errors": state.knowledge_errors,
        "knowledge_version": state.knowledge_version,
        "knowledge_published_at": state.published_at,
        "embedder": state.embedder,
        "compute_types": state.compute_types,
        "worker": WORKER,  # which process answered, behind a load balancer or among uvicorn's workers
        # A database that takes no write (locked, full, down): answers are still given, but nothing is
        # stored (turns, ratings, WhatsApp deliveries get 503): said here, without taking every worker of
        # a shared database out of the load balancer at once.
        "database": state.database,
    }
    return JSONResponse(body, status_code=200 if state.ready else 503)


# Documented as text (Prometheus' exposition format), as it is served: generated clients and the fuzz
# suite's content-type check rely on the document.
@router.get("/metrics", response_class=PlainTextResponse, responses={200: {"description": "Prometheus text format"}})
def metrics(dalil: DalilDep) -> Response:
    dalil.readiness()  # refreshes this worker's version and dense-signal gauges
    return Response(dalil.metrics.exposition(), media_type=CONTENT_TYPE_LATEST)
