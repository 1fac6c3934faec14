"""The admin API for scripts, with a personal token (``Authorization: Bearer dlk_…``, made in the
console) or, deprecated for one release, the shared ``DALIL_ADMIN_TOKEN``.

- ``POST /admin/reload``: publish the knowledge folder as changed in git, through the quality gate
  (409 with the report when it blocks; ``{"override": "reason"}`` publishes anyway, audited; 409
  while another publish runs; 503 with Retry-After when the new version could not be built or served,
  the previous one still serving).
- ``PUT /admin/procedures/{id}`` (YAML body) and ``DELETE``: a draft submitted for review (202); a
  publisher publishes it in the console. With the shared token: published at once, as before.
- ``POST /admin/procedures/{id}/undo`` (admin), ``GET …/history``, ``GET /admin/feedback``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Body, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from bot.admin.drafts import DraftError
from bot.admin.editor import Edited, EditError, validate_text
from bot.admin.publish import GateBlocked
from web.admin.auth import ApiAdmin, ApiEditor, ApiPublisher, ApiViewer, ConsoleDep, Principal, audit, client_ip
from web.deps import DalilDep, ProcedureId
from web.schemas import refusals

router = APIRouter(prefix="/admin", tags=["admin"], responses=refusals(401, 403))
EDIT = refusals(404, 413, 422, _404="no such procedure, or nothing to undo", _422="invalid id or procedure")


def refused(exc: EditError | DraftError) -> HTTPException:
    """A refusal of the bot layer as the API's error: its status, its reason, and when to come back
    (Retry-After) after a version that could not be built (503) or while another publish runs (409)."""
    retry_after = getattr(exc, "retry_after_s", None)
    headers = {"Retry-After": str(retry_after)} if retry_after else None
    return HTTPException(exc.status_code, exc.reason, headers=headers)


def _edit(edit: Callable[[str, str], Edited], procedure_id: str, author: str) -> dict[str, object]:
    try:
        edited = edit(procedure_id, author)
    except EditError as exc:
        raise refused(exc) from exc
    knowledge = edited.knowledge
    return {
        "status": edited.change.action,
        "id": edited.change.procedure_id,
        "procedures": knowledge.procedures,
        "errors": knowledge.errors,
        "version": knowledge.version,
    }


@router.post("/reload")
async def reload(
    request: Request,
    console: ConsoleDep,
    who: ApiPublisher,
    override: Annotated[str, Body(embed=True, max_length=1000)] = "",
) -> JSONResponse:
    """Publish the knowledge folder (changed in git) through the gate and the switch."""
    try:
        published = await run_in_threadpool(
            console.publisher.publish_folder, who.user.name, override, client_ip(request)
        )
    except GateBlocked as exc:
        body = {"detail": str(exc), "gate": exc.report.to_dict()}
        return JSONResponse(body, status_code=409)
    except EditError as exc:  # not built or not served (503), or another publish under way (409)
        raise refused(exc) from exc
    return JSONResponse(
        {
            "status": "reloaded",
            "procedures": published.procedures,
            "changed": published.changed,
            "errors": [str(e) for e in console.kb.errors],
            "version": published.version,
            "gate": published.gate.to_dict() if published.gate else None,
        }
    )


async def _body_text(request: Request) -> str:
    raw = await request.body()
    if not raw.strip():
        raise HTTPException(400, "the body is empty: send the procedure as YAML")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HTTPException(400, "the body must be UTF-8 YAML") from exc


def _submitted(
    console: ConsoleDep, who: Principal, procedure_id: str, text: str | None, request: Request
) -> JSONResponse:
    """A script's change as a draft submitted for review."""
    try:
        current = console.editor.current(procedure_id)
        if text is not None:
            validate_text(procedure_id, text)
        if text is None and current is None:
            raise EditError("not_found", f"no procedure with id '{procedure_id}'")
        kind = "delete" if text is None else "create" if current is None else "edit"
        draft = console.drafts.start(procedure_id, kind, current, text, who.user.name, note="from the API")
        draft = console.drafts.submit(draft.id, who.user.name)
    except (EditError, DraftError) as exc:
        raise refused(exc) from exc
    audit(request, who.user.name, "submitted", procedure_id, console.diff_text(draft))
    return JSONResponse({"status": "submitted", "draft": draft.id, "id": procedure_id}, status_code=202)


@router.put("/procedures/{procedure_id}", responses=EDIT)
async def put_procedure(
    procedure_id: ProcedureId, request: Request, dalil: DalilDep, console: ConsoleDep, who: ApiEditor
) -> object:
    """Body: the procedure as YAML (the same format as knowledge/procedures/<id>.yaml), at most 200 kB
    (counted as it arrives: ``web.middleware.Guard``)."""
    text = await _body_text(request)
    if who.via != "bootstrap":
        return _submitted(console, who, procedure_id, text, request)
    author = request.headers.get("x-admin-user", "admin")[:80]
    audit(request, f"{who.user.name}:{author}"[:40], "published_unreviewed", procedure_id, "PUT")

    def save(pid: str, by: str) -> Edited:
        return dalil.editor.save(pid, text, by)

    return await run_in_threadpool(_edit, save, procedure_id, author)


@router.delete("/procedures/{procedure_id}", responses=EDIT)
async def delete_procedure(
    procedure_id: ProcedureId, request: Request, dalil: DalilDep, console: ConsoleDep, who: ApiEditor
) -> object:
    if who.via != "bootstrap":
        return _submitted(console, who, procedure_id, None, request)
    author = request.headers.get("x-admin-user", "admin")[:80]
    audit(request, f"{who.user.name}:{author}"[:40], "published_unreviewed", procedure_id, "DELETE")
    return await run_in_threadpool(_edit, dalil.editor.delete, procedure_id, author)


@router.post("/procedures/{procedure_id}/undo", responses=EDIT)
async def undo_procedure(
    procedure_id: ProcedureId, request: Request, dalil: DalilDep, console: ConsoleDep, who: ApiAdmin
) -> dict[str, object]:
    author = request.headers.get("x-admin-user", who.user.name)[:80]
    audit(request, who.user.name, "undo", procedure_id, "")
    return await run_in_threadpool(_edit, dalil.editor.undo, procedure_id, author)


@router.get("/procedures/{procedure_id}/history", responses=EDIT)
def history(procedure_id: ProcedureId, dalil: DalilDep, who: ApiViewer) -> list[dict[str, object]]:
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
    dalil: DalilDep, who: ApiViewer, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> list[dict[str, object]]:
    return dalil.recent_feedback(limit)
