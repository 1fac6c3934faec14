"""What changed between two versions of a procedure, field by field (``fees.fr``, ``documents.2.sources``),
for the reviewer, the history and the audit log."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class FieldChange:
    path: str
    before: str | None  # None: the field did not exist
    after: str | None

    @property
    def kind(self) -> str:
        return "added" if self.before is None else "removed" if self.after is None else "changed"


def _flat(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flat(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for i, item in enumerate(value, 1):
            yield from _flat(item, f"{path}.{i}")
    elif isinstance(value, list):
        yield path, ", ".join(str(v) for v in value)
    elif value is not None:
        yield path, str(value)


def flatten(text: str | None) -> dict[str, str]:
    """A procedure's YAML as ``{path: value}``; lists of plain values joined, items numbered from 1."""
    if not text:
        return {}
    data = yaml.safe_load(text)
    return dict(_flat(data)) if isinstance(data, dict) else {"(file)": text}


def field_diff(before: str | None, after: str | None) -> list[FieldChange]:
    old, new = flatten(before), flatten(after)
    order = list(dict.fromkeys([*new, *old]))
    return [FieldChange(p, old.get(p), new.get(p)) for p in order if old.get(p) != new.get(p)]


def as_text(changes: list[FieldChange], limit: int = 4000) -> str:
    """The diff as lines for the audit log (``- path: before`` / ``+ path: after``)."""
    lines: list[str] = []
    for c in changes:
        if c.before is not None:
            lines.append(f"- {c.path}: {c.before}")
        if c.after is not None:
            lines.append(f"+ {c.path}: {c.after}")
    text = "\n".join(lines)
    return text if len(text) <= limit else text[:limit] + "\n…"
