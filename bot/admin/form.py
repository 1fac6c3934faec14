"""The editor's form: a procedure field by field (French and Arabic side by side, each fact and item
with its sources and tier), read back into the YAML of ``knowledge/procedures/<id>.yaml`` and checked
with the schema's own rules (``bot.knowledge``): the same rules as ``ingest check``, never a copy.

Form names are paths: ``title.fr``, ``fees.sources``, ``documents.2.tier`` (items numbered from 1, as in
the diff), ``aliases.darija`` (one per line), ``official_urls.1.label.ar``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

import yaml

from bot.admin.editor import EditError, validate_text
from bot.knowledge.loading import FileError
from bot.knowledge.schema import LIST_FIELDS, Procedure

TEXT_FIELDS = ("authority", "title")
SINGLE_FACTS = ("summary", "audience", "fees", "delay", "where", "online")
REQUIRED_FACTS = ("summary", "audience", "where")
FACT_ORDER = ("summary", "audience", "documents", "steps", "fees", "delay", "where", "online", "notes")
LANGS = ("fr", "ar", "darija")
TIERS = ("A", "B", "B-", "C", "general")
_ITEM = re.compile(r"^(?P<field>[a-z_]+)\.(?P<n>\d{1,4})\.(?P<part>.+)$")  # at most 9999 items: int() stays cheap


@dataclass(frozen=True)
class Problem:
    path: str  # the form path it belongs to ("" for the whole file)
    code: str
    message: str  # English, as ``ingest check`` says it
    context: dict


def _words(value: str) -> list[str]:
    return [w for w in re.split(r"[,\s]+", value.strip()) if w]


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def _fact(form: Mapping[str, str], prefix: str) -> dict[str, object]:
    fact: dict[str, object] = {
        "fr": form.get(f"{prefix}.fr", "").strip(),
        "ar": form.get(f"{prefix}.ar", "").strip(),
        "sources": _words(form.get(f"{prefix}.sources", "")),
        "tier": form.get(f"{prefix}.tier", "").strip(),
    }
    if form.get(f"{prefix}.unconfirmed"):
        fact["unconfirmed"] = True
    return fact


def _blank(fact: dict[str, object]) -> bool:
    return not (fact["fr"] or fact["ar"] or fact["sources"])


def _numbered(form: Mapping[str, str], field: str) -> list[int]:
    found = {int(m["n"]) for key in form if (m := _ITEM.match(key)) and m["field"] == field}
    return sorted(found)


def from_form(procedure_id: str, form: Mapping[str, str]) -> dict[str, object]:
    """The procedure as YAML data, in the files' order; blank optional facts and items left out."""
    data: dict[str, object] = {"id": procedure_id, "category": form.get("category", "").strip()}
    if form.get("family", "").strip() or form.get("variant", "").strip():
        data["family"] = form.get("family", "").strip() or None
        data["variant"] = form.get("variant", "").strip() or None
    for name in TEXT_FIELDS:
        data[name] = {"fr": form.get(f"{name}.fr", "").strip(), "ar": form.get(f"{name}.ar", "").strip()}
    for name in FACT_ORDER:
        if name in LIST_FIELDS:
            items = [_fact(form, f"{name}.{n}") for n in _numbered(form, name)]
            items = [item for item in items if not _blank(item)]
            if items:
                data[name] = items
            continue
        fact = _fact(form, name)
        if name in REQUIRED_FACTS or not _blank(fact):
            data[name] = fact
    aliases = {lang: _lines(form.get(f"aliases.{lang}", "")) for lang in LANGS}
    if any(aliases.values()):
        data["aliases"] = {lang: values for lang, values in aliases.items() if values}
    related = _words(form.get("related", ""))
    if related:
        data["related"] = related
    links = []
    for n in _numbered(form, "official_urls"):
        url = form.get(f"official_urls.{n}.url", "").strip()
        label = {lang: form.get(f"official_urls.{n}.label.{lang}", "").strip() for lang in ("fr", "ar")}
        if url or any(label.values()):
            links.append({"url": url, "label": label})
    data["official_urls"] = links
    data["verified_on"] = form.get("verified_on", "").strip()
    questions = {lang: _lines(form.get(f"questions.{lang}", "")) for lang in LANGS}
    if any(questions.values()):
        data["questions"] = {lang: values for lang, values in questions.items() if values}
    return data


def to_text(data: Mapping[str, object]) -> str:
    """YAML as the knowledge files are written (UTF-8, fields in the schema's order)."""
    return yaml.safe_dump(dict(data), allow_unicode=True, sort_keys=False, width=120)


def from_text(text: str | None) -> dict[str, object]:
    data = yaml.safe_load(text) if text else None
    return data if isinstance(data, dict) else {}


def form_path(error: FileError) -> str:
    """The form path of a schema error: list items numbered from 1, an item-level rule at its item."""
    parts = error.field.split(".") if error.field != "(file)" else []
    parts = [str(int(p) + 1) if p.isdigit() else p for p in parts]
    item = error.context.get("item") if error.context else None
    if len(parts) == 1 and parts[0] in LIST_FIELDS and item:
        parts.append(str(item))
    return ".".join(parts)


def check(procedure_id: str, data: Mapping[str, object], known_ids: set[str]) -> tuple[Procedure | None, list[Problem]]:
    """The procedure if valid, and every problem with the form path it belongs to."""
    try:
        proc = validate_text(procedure_id, to_text(data))
    except EditError as exc:
        return None, [Problem(form_path(e), e.code, e.message, e.context) for e in exc.errors]
    unknown = [rid for rid in proc.related if rid not in known_ids]
    problems = [
        Problem("related", "unknown_id", f"'{rid}' is not a procedure in the knowledge base", {"id": rid})
        for rid in unknown
    ]
    return (None if problems else proc), problems


def template(procedure_id: str, category: str = "civil-status") -> dict[str, object]:
    """A new procedure's skeleton: every required field present and empty, one item of each list."""
    empty = {"fr": "", "ar": "", "sources": [], "tier": "A"}
    return {
        "id": procedure_id,
        "category": category,
        "authority": {"fr": "", "ar": ""},
        "title": {"fr": "", "ar": ""},
        "summary": dict(empty),
        "audience": dict(empty),
        "documents": [dict(empty)],
        "steps": [dict(empty)],
        "where": dict(empty),
        "official_urls": [{"url": "", "label": {"fr": "", "ar": ""}}],
        "verified_on": dt.date.today().isoformat(),
    }
