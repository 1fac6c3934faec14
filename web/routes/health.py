"""GET /health: readiness for load balancers and the Docker HEALTHCHECK."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from web.deps import DalilDep

router = APIRouter(tags=["ops"])


@router.get("/health")
def health(dalil: DalilDep) -> JSONResponse:
    kb = dalil.kb
    try:
        chunks = dalil.services.store.count()
    except Exception:
        chunks = -1
    ready = bool(kb.procedures) and chunks > 0
    body = {
        "status": "ok" if ready else "not_ready",
        "index_loaded": chunks > 0,
        "procedures": len(kb.procedures),
        "chunks": chunks,
        "knowledge_errors": len(kb.errors),
        "knowledge_version": dalil.knowledge.version,
        "embedder": dalil.services.embedder.name,
        "compute_types": dalil.services.compute.as_dict(),
    }
    return JSONResponse(body, status_code=200 if ready else 503)
