"""POST /api/chat, GET /api/procedures/{id}, POST /api/feedback."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool

from web.deps import DalilDep, ProcedureId, continue_session
from web.schemas import ChatRequest, ChatResponse, FeedbackRequest, refusals

router = APIRouter(prefix="/api", tags=["chat"])


@router.post("/chat", response_model=ChatResponse, responses=refusals(400, 413, 422, 429))
async def chat(body: ChatRequest, request: Request, dalil: DalilDep) -> ChatResponse:
    session_id = continue_session(dalil, request, body.session_id)
    # Retrieval embeds the query on the CPU: keep it off the event loop.
    answer = await run_in_threadpool(dalil.answer, body.message, session_id, body.lang, "web")
    return ChatResponse.of(answer)


@router.get("/procedures/{procedure_id}", responses=refusals(404, 422, _404="no procedure with this id"))
def procedure(procedure_id: ProcedureId, dalil: DalilDep) -> dict[str, object]:
    proc = dalil.procedure(procedure_id)
    if proc is None:
        raise HTTPException(404, f"no procedure with id '{procedure_id}'")
    # Every fact and list item carries its own sources and tier.
    return proc.model_dump(mode="json")


@router.post(
    "/feedback",
    status_code=201,
    responses=refusals(400, 404, 413, 422, 429, _404="no such answer in this conversation"),
)
def feedback(body: FeedbackRequest, dalil: DalilDep) -> dict[str, str]:
    # Only a conversation this server issued can be rated from the web (never a WhatsApp one).
    issued = dalil.sessions.issued(body.session_id)
    if not issued or not dalil.feedback(body.session_id, body.answer_id, body.rating, body.comment):
        raise HTTPException(404, "no such answer in this session")
    return {"status": "stored"}
