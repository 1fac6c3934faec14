"""Drafts in the console: the editor (field by field, inline validation, live preview), submitting,
and the review (diff per field, the quality gate, publish or send back)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response

from bot.admin.console import Console
from bot.admin.drafts import Draft, DraftError
from bot.admin.editor import EditError
from bot.admin.form import LIST_FIELDS, TIERS, Problem, check, from_form, from_text, to_text
from bot.admin.gate import GateReport
from bot.admin.publish import GateBlocked
from bot.admin.texts import problem_text
from bot.knowledge.schema import Procedure
from web.admin.auth import ConsoleDep, Editor, Publisher, Viewer, audit, client_ip
from web.admin.common import PagesDep, RowId, form_of, refusal, see_other
from web.admin.render import Pages, admin_lang, markdown

router = APIRouter(prefix="/admin/drafts", include_in_schema=False)
PREVIEW_LANGS = ("fr", "ar", "darija")


def _checked(console: Console, draft: Draft, data: dict) -> tuple[Procedure | None, list]:
    known = set(console.kb.procedures) | {draft.procedure_id}
    return check(draft.procedure_id, data, known)


def _editor(
    pages: Pages, request: Request, console: ConsoleDep, draft: Draft, data: dict, status: int = 200, notice: str = ""
) -> HTMLResponse:
    proc, problems = _checked(console, draft, data)
    previews = {lang: console.preview(proc, lang) for lang in PREVIEW_LANGS} if proc else {}
    return pages.render(
        request,
        "editor.html",
        status=status,
        draft=draft,
        data=data,
        errors_for=lambda prefix: [p for p in problems if p.path == prefix or p.path.startswith(prefix + ".")],
        errors_exact=lambda path: [p for p in problems if p.path == path],
        anchor=anchor,
        problems=problems,
        previews=previews,
        tiers=TIERS,
        list_fields=LIST_FIELDS,
        notice=notice,
    )


def anchor(problem: Problem) -> str:
    """The id of the form group a problem is shown in (an item of a list, or a field)."""
    parts = problem.path.split(".") if problem.path else ["category"]
    keep = 2 if parts[0] in (*LIST_FIELDS, "official_urls") and len(parts) > 1 else 1
    return "g-" + "-".join(parts[:keep])


def _review(
    pages: Pages, request: Request, console: ConsoleDep, draft: Draft, status: int = 200, **extra: object
) -> HTMLResponse:
    report = GateReport.from_json(draft.gate) if draft.gate else None
    return pages.render(
        request, "review.html", status=status, draft=draft, diff=console.diff(draft), report=report, **extra
    )


@router.get("", response_class=HTMLResponse)
def drafts(request: Request, pages: PagesDep, console: ConsoleDep, who: Viewer) -> HTMLResponse:
    open_drafts = console.drafts.list()
    mine = [d for d in open_drafts if d.author == who.user.name]
    to_review = [d for d in open_drafts if d.state == "submitted" and d.author != who.user.name]
    done = console.drafts.list(states=("published", "withdrawn"), limit=30)
    return pages.render(request, "drafts.html", mine=mine, to_review=to_review, done=done)


@router.get("/{draft_id}", response_class=HTMLResponse)
def show(draft_id: RowId, request: Request, pages: PagesDep, console: ConsoleDep, who: Viewer) -> HTMLResponse:
    try:
        draft = console.drafts.get(draft_id)
    except DraftError as exc:
        return refusal(pages, request, exc)
    if draft.editable and draft.text is not None and draft.author == who.user.name:
        return _editor(pages, request, console, draft, from_text(draft.text))
    return _review(pages, request, console, draft)


@router.post("/{draft_id}", response_class=HTMLResponse)
async def save(draft_id: RowId, request: Request, pages: PagesDep, console: ConsoleDep, who: Editor) -> Response:
    """The editor's form (``fields``): ``op=save`` keeps the draft as it is (errors shown beside their
    fields), ``op=submit`` sends a valid draft to review or shows what to correct first. Without the
    form's fields (a retirement, or the review page's button) the draft is submitted as it stands."""
    form = await form_of(request)
    try:
        draft = console.drafts.get(draft_id)
        edited = bool(form.get("fields")) and draft.text is not None
        data = from_form(draft.procedure_id, form) if edited else from_text(draft.text)
        text = to_text(data) if edited else draft.text
        draft = console.drafts.save(draft_id, text, who.user.name, note=form.get("note"))
    except DraftError as exc:
        return refusal(pages, request, exc)
    if form.get("op") != "submit":
        return _editor(pages, request, console, draft, data, notice="saved") if text else see_other(request.url.path)
    if text is not None and _checked(console, draft, data)[1]:
        return _editor(pages, request, console, draft, data, status=422)
    try:
        draft = console.drafts.submit(draft_id, who.user.name)
    except DraftError as exc:  # submitted or withdrawn meanwhile, in another tab
        return refusal(pages, request, exc)
    audit(request, who.user.name, "submitted", draft.procedure_id, console.diff_text(draft))
    return see_other(f"/admin/drafts/{draft_id}")


@router.post("/{draft_id}/preview")
async def preview(draft_id: RowId, request: Request, console: ConsoleDep, who: Editor) -> JSONResponse:
    """The live preview and the inline errors of the form as typed (nothing is saved)."""
    form = await form_of(request)
    try:
        draft = console.drafts.get(draft_id)
    except DraftError as exc:
        return JSONResponse({"detail": exc.reason}, status_code=exc.status_code)
    proc, problems = _checked(console, draft, from_form(draft.procedure_id, form))
    lang = admin_lang(request)
    errors: dict[str, list[str]] = {}
    for p in problems:
        errors.setdefault(p.path, []).append(problem_text(p.code, p.message, p.context, lang))
    previews = {code: str(markdown(console.preview(proc, code))) for code in PREVIEW_LANGS} if proc else {}
    return JSONResponse({"errors": errors, "previews": previews})


@router.post("/{draft_id}/publish", response_class=HTMLResponse)
async def publish(
    draft_id: RowId,
    request: Request,
    pages: PagesDep,
    console: ConsoleDep,
    who: Publisher,
    override: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    try:
        published = await run_in_threadpool(
            console.publisher.publish_draft, draft_id, who.user.name, override, client_ip(request)
        )
    except GateBlocked:
        return _review(pages, request, console, console.drafts.get(draft_id), status=409)
    except (DraftError, EditError) as exc:
        return refusal(pages, request, exc)
    draft = console.drafts.get(draft_id)
    return _review(pages, request, console, draft, published=published.version)


@router.post("/{draft_id}/return", response_class=HTMLResponse)
def send_back(
    draft_id: RowId,
    request: Request,
    pages: PagesDep,
    console: ConsoleDep,
    who: Publisher,
    comment: Annotated[str, Form(min_length=1, max_length=1000)],
) -> Response:
    try:
        draft = console.drafts.send_back(draft_id, who.user.name, comment)
    except DraftError as exc:
        return refusal(pages, request, exc)
    audit(request, who.user.name, "sent_back", draft.procedure_id, f"draft {draft_id}: {comment}")
    return see_other(f"/admin/drafts/{draft_id}")


@router.post("/{draft_id}/withdraw", response_class=HTMLResponse)
def withdraw(draft_id: RowId, request: Request, pages: PagesDep, console: ConsoleDep, who: Editor) -> Response:
    try:
        draft = console.drafts.withdraw(draft_id, who.user.name)
    except DraftError as exc:
        return refusal(pages, request, exc)
    audit(request, who.user.name, "withdrawn", draft.procedure_id, f"draft {draft_id}")
    return see_other("/admin/drafts")
