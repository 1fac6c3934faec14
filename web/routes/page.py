"""GET /: the citizen's chat page. Its assets live in ``web/static`` and are served under ``/static``.

Everything the page needs comes from this origin (no CDN, font or script from elsewhere): Dalil must
work on a network that reaches nothing else, and the Content-Security-Policy allows only 'self'.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response
from starlette.types import Scope

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

router = APIRouter(tags=["page"])


@router.get("/", include_in_schema=False)
def index() -> FileResponse:
    # no-cache = revalidate (a 304 on a slow network), so a new version of the page is never stale.
    return FileResponse(
        STATIC_DIR / "index.html",
        media_type="text/html; charset=utf-8",
        headers={"Cache-Control": "no-cache"},
    )


class _RevalidatedStaticFiles(StaticFiles):
    # Without Cache-Control a browser may keep an old app.js for days next to a fresh index.html.
    def file_response(
        self, full_path: str | os.PathLike[str], stat_result: os.stat_result, scope: Scope, status_code: int = 200
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers["Cache-Control"] = "no-cache"
        return response


def static_files() -> StaticFiles:
    """The app mounts this at /static (a router cannot carry a mount)."""
    return _RevalidatedStaticFiles(directory=STATIC_DIR)
