"""GET /health (readiness, for load balancers and health checks) and GET /health/live (liveness)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from web.deps import DalilDep

router = APIRouter(tags=["ops"])


@router.get("/health/live")
def live() -> dict[str, str]:
    """The process answers HTTP: restart it only when this fails, never for a dependency that is down."""
    return {"status": "alive"}


@router.get("/health")
@router.get("/health/ready")
def health(dalil: DalilDep) -> JSONResponse:
    """Ready to answer (503 until the knowledge base is loaded), with the state of each dependency."""
    state = dalil.readiness()
    body = {
        "status": "ok" if state.ready else "not_ready",
        "index_loaded": state.chunks > 0,
        "vector_store": "ok" if state.chunks >= 0 else "unavailable",
        "dense": state.dense,
        "procedures": state.procedures,
        "chunks": state.chunks,
        "knowledge_errors": state.knowledge_errors,
        "knowledge_version": state.knowledge_version,
        "embedder": state.embedder,
        "compute_types": state.compute_types,
    }
    return JSONResponse(body, status_code=200 if state.ready else 503)
