"""What citizens ask: questions per day by channel and style (SVG, with the numbers as tables), the
procedures most asked, and the queue of what went wrong, where one action turns a row into a fix."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from web.admin.auth import ConsoleDep, Editor, Viewer, audit
from web.admin.charts import stacked_days, table
from web.admin.common import PagesDep, drafted, see_other
from web.admin.render import admin_lang

router = APIRouter(prefix="/admin/citizens", include_in_schema=False)


@router.get("", response_class=HTMLResponse)
def citizens(request: Request, pages: PagesDep, console: ConsoleDep, who: Viewer) -> HTMLResponse:
    days = console.insights.per_day()
    lang = admin_lang(request)
    titles = {p.id: (p.title.ar if lang == "ar" else p.title.fr) for p in console.kb.procedures.values()}
    return pages.render(
        request,
        "citizens.html",
        by_channel=stacked_days(days, "channel", "channel"),
        by_style=stacked_days(days, "style", "style"),
        channel_rows=table(days, "channel"),
        style_rows=table(days, "style"),
        top=console.insights.top_procedures(),
        queue=console.insights.queue(),
        titles=titles,
    )


@router.post("/fix")
def fix(
    request: Request,
    pages: PagesDep,
    console: ConsoleDep,
    who: Editor,
    key: Annotated[str, Form(max_length=40)],
    action: Annotated[str, Form(pattern="^(question|alias|new)$")],
    procedure_id: Annotated[str, Form(max_length=80)] = "",
    text: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    return drafted(
        pages,
        request,
        who,
        lambda: console.fix(key, action, procedure_id.strip(), text, who.user.name),
        lambda d: f"draft {d.id} from {key}",
    )


@router.post("/dismiss")
def dismiss(request: Request, console: ConsoleDep, who: Editor, key: Annotated[str, Form(max_length=40)]) -> Response:
    console.insights.handled(key, "dismissed", who.user.name)
    audit(request, who.user.name, "dismissed", key, "")
    return see_other("/admin/citizens")
