"""GET /health: readiness for load balancers and the Docker HEALTHCHECK."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from web.deps import DalilDep

router = APIRouter(tags=["ops"])


@router.get("/health")
def health(dalil: DalilDep) -> JSONResponse:
    state = dalil.readiness()
    body = {
        "status": "ok" if state.ready else "not_ready",
        "index_loaded": state.chunks > 0,
        "procedures": state.procedures,
        "chunks": state.chunks,
        "knowledge_errors": state.knowledge_errors,
        "knowledge_version": state.knowledge_version,
        "embedder": state.embedder,
        "compute_types": state.compute_types,
    }
    return JSONResponse(body, status_code=200 if state.ready else 503)
