"""Knowledge files -> validated :class:`Procedure` objects, with errors an editor can act on.

A broken file never stops the others: it is reported and skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from bot.knowledge.schema import Procedure


@dataclass(frozen=True)
class FileError:
    file: str
    field: str
    message: str
    code: str = ""  # the rule broken (pydantic's error type, or the schema's own: ``schema.problem``)
    context: dict = field(default_factory=dict, compare=False)

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


@dataclass(frozen=True)
class LoadResult:
    procedures: list[Procedure]
    errors: list[FileError]

    def by_id(self) -> dict[str, Procedure]:
        return {p.id: p for p in self.procedures}


# libyaml's parser when PyYAML was built with it (the same documents, ten times faster: every app, index
# and publish loads the whole base), else the pure-Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def procedure_files(knowledge_dir: Path) -> list[Path]:
    return sorted((knowledge_dir / "procedures").glob("*.yaml"))


def load_file(path: Path) -> Procedure | list[FileError]:
    name = path.name
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        return [FileError(name, "(file)", f"not valid YAML/UTF-8: {exc}".splitlines()[0], "yaml")]
    if not isinstance(raw, dict):
        return [FileError(name, "(file)", "expected a mapping of fields at the top level", "mapping")]
    try:
        proc = Procedure.model_validate(raw)
    except ValidationError as exc:
        return [
            FileError(
                name,
                ".".join(str(p) for p in err["loc"]) or "(file)",
                err["msg"].removeprefix("Value error, "),
                err["type"],
                {k: v for k, v in err.get("ctx", {}).items() if k != "text"},
            )
            for err in exc.errors()
        ]
    if proc.id != path.stem:
        return [FileError(name, "id", f"id '{proc.id}' must match the file name '{path.stem}'", "id_file")]
    return proc


def load_knowledge(knowledge_dir: Path) -> LoadResult:
    procedures: list[Procedure] = []
    errors: list[FileError] = []
    for path in procedure_files(knowledge_dir):
        result = load_file(path)
        if isinstance(result, Procedure):
            procedures.append(result)
        else:
            errors.extend(result)
    known = {p.id for p in procedures}
    for proc in procedures:
        errors.extend(
            FileError(f"{proc.id}.yaml", "related", f"'{rid}' is not a procedure in the knowledge base", "unknown_id")
            for rid in proc.related
            if rid not in known
        )
    return LoadResult(procedures, errors)
