"""Admin (bearer token from DALIL_ADMIN_TOKEN): edit procedures with history and undo, reload the
knowledge base, read feedback. The edit transaction is ``bot.admin.editor``'s; this maps its errors."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool

from bot.admin.editor import Edited, EditError
from web.deps import DalilDep, ProcedureId, SettingsDep
from web.schemas import refusals

router = APIRouter(prefix="/admin", tags=["admin"], responses=refusals(401, 503))
EDIT = refusals(404, 413, 422, _404="no such procedure, or nothing to undo", _422="invalid id or procedure")


def require_admin(settings: SettingsDep, authorization: Annotated[str | None, Header()] = None) -> None:
    if settings.admin_token is None:
        raise HTTPException(503, "admin is disabled: set DALIL_ADMIN_TOKEN to enable it")
    expected = f"Bearer {settings.admin_token.get_secret_value()}"
    if authorization is None or not hmac.compare_digest(authorization.encode(), expected.encode()):
        raise HTTPException(401, "missing or wrong admin token", headers={"WWW-Authenticate": "Bearer"})


AdminDep = Annotated[None, Depends(require_admin)]
AuthorDep = Annotated[str, Header(alias="X-Admin-User", max_length=80)]


def _edit(edit: Callable[[str, str], Edited], procedure_id: str, author: str) -> dict[str, object]:
    try:
        edited = edit(procedure_id, author)
    except EditError as exc:
        raise HTTPException(exc.status_code, exc.reason) from exc
    knowledge = edited.knowledge
    return {
        "status": edited.change.action,
        "id": edited.change.procedure_id,
        "procedures": knowledge.procedures,
        "errors": knowledge.errors,
        "version": knowledge.version,
    }


@router.post("/reload")
async def reload(dalil: DalilDep, _: AdminDep) -> dict[str, object]:
    try:
        knowledge = await run_in_threadpool(dalil.editor.reload)
    except EditError as exc:
        raise HTTPException(exc.status_code, exc.reason) from exc
    return {
        "status": "reloaded",
        "procedures": knowledge.procedures,
        "errors": knowledge.errors,
        "version": knowledge.version,
    }


@router.put("/procedures/{procedure_id}", responses=EDIT)
async def put_procedure(
    procedure_id: ProcedureId, request: Request, dalil: DalilDep, _: AdminDep, x_admin_user: AuthorDep = "admin"
) -> dict[str, object]:
    """Body: the procedure as YAML (the same format as knowledge/procedures/<id>.yaml), at most 200 kB
    (counted as it arrives: ``web.middleware.Guard``)."""
    raw = await request.body()
    if not raw.strip():
        raise HTTPException(400, "the body is empty: send the procedure as YAML")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HTTPException(400, "the body must be UTF-8 YAML") from exc

    def save(pid: str, author: str) -> Edited:
        return dalil.editor.save(pid, text, author)

    return await run_in_threadpool(_edit, save, procedure_id, x_admin_user)


@router.delete("/procedures/{procedure_id}", responses=EDIT)
async def delete_procedure(
    procedure_id: ProcedureId, dalil: DalilDep, _: AdminDep, x_admin_user: AuthorDep = "admin"
) -> dict[str, object]:
    return await run_in_threadpool(_edit, dalil.editor.delete, procedure_id, x_admin_user)


@router.post("/procedures/{procedure_id}/undo", responses=EDIT)
async def undo_procedure(
    procedure_id: ProcedureId, dalil: DalilDep, _: AdminDep, x_admin_user: AuthorDep = "admin"
) -> dict[str, object]:
    return await run_in_threadpool(_edit, dalil.editor.undo, procedure_id, x_admin_user)


@router.get("/procedures/{procedure_id}/history", responses=EDIT)
def history(procedure_id: ProcedureId, dalil: DalilDep, _: AdminDep) -> list[dict[str, object]]:
    try:
        revisions = dalil.editor.history(procedure_id)
    except EditError as exc:
        raise HTTPException(exc.status_code, exc.reason) from exc
    return [
        {"id": r.id, "action": r.action, "author": r.author, "at": r.created_at, "before": r.before, "after": r.after}
        for r in revisions
    ]


@router.get("/feedback")
def list_feedback(
    dalil: DalilDep, _: AdminDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> list[dict[str, object]]:
    return dalil.recent_feedback(limit)
