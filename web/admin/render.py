"""Server-rendered pages of the console (Jinja2, autoescaped): the admin's language (French or Arabic,
right to left), the CSRF token in every form, and the texts of ``bot/admin/texts.py``."""

from __future__ import annotations

import html
import re
from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from bot.admin.texts import ADMIN_LANGS, problem_text, tr

TEMPLATES = Path(__file__).resolve().parent / "templates"
LANG_COOKIE = "dalil_admin_lang"


def admin_lang(request: Request) -> str:
    chosen = request.cookies.get(LANG_COOKIE, "")
    if chosen in ADMIN_LANGS:
        return chosen
    return "ar" if request.headers.get("accept-language", "").lower().startswith("ar") else "fr"


_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^\s)]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_EM = re.compile(r"(?<!\w)_(.+?)_(?!\w)")


def _inline(text: str) -> str:
    text = html.escape(text, quote=True)
    text = _LINK.sub(r'<a href="\2" rel="noopener noreferrer">\1</a>', text)
    text = _BOLD.sub(r"<strong>\1</strong>", text)
    return _EM.sub(r"<em>\1</em>", text)


def markdown(text: str) -> Markup:
    """The answer composer's Markdown (headings, bold, lists, links) as HTML, escaped first."""
    out: list[str] = []
    listing = ""
    for block in text.split("\n"):
        line = block.strip()
        item = re.match(r"^(?:(\d+)\.|-)\s+(.*)$", line)
        kind = ("ol" if item.group(1) else "ul") if item else ""
        if listing and kind != listing:
            out.append(f"</{listing}>")
            listing = ""
        if item:
            if not listing:
                out.append(f"<{kind}>")
                listing = kind
            out.append(f"<li>{_inline(item.group(2))}</li>")
        elif line.startswith("### "):
            out.append(f"<h4>{_inline(line[4:])}</h4>")
        elif line:
            out.append(f"<p>{_inline(line)}</p>")
    if listing:
        out.append(f"</{listing}>")
    return Markup("\n".join(out))


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), trim_blocks=True)
    env.filters["markdown"] = markdown
    env.globals["zip"] = zip

    return env


class Pages:
    """One per application: the Jinja2 environment and the page helper."""

    def __init__(self) -> None:
        self.env = _environment()

    def render(self, request: Request, template: str, status: int = 200, **context: object) -> HTMLResponse:
        lang = admin_lang(request)
        principal = getattr(request.state, "principal", None)
        values = {
            "lang": lang,
            "dir": "rtl" if lang == "ar" else "ltr",
            "t": lambda key, **v: tr(key, lang, **v),
            "problem": lambda p: problem_text(p.code, p.message, p.context, lang),
            "field_names": lambda names: ", ".join(tr(f"field_{n}", lang) for n in names),
            "principal": principal,
            "csrf": principal.csrf if principal is not None else "",
            "path": request.url.path,
            "query": str(request.url.query),
            **context,
        }
        body = self.env.get_template(template).render(**values)
        return HTMLResponse(body, status_code=status, headers={"Cache-Control": "no-store"})
