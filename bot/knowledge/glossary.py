"""One Arabic term per concept in what Dalil shows: the glossary ``python -m ingest check`` enforces.

Citizens say "عقد الازدياد" or "صور شمسية", and their words stay in ``aliases`` and ``questions`` (search
reads them); but a card that says "رسم الولادة" in one file and "عقد الازدياد" in the next reads as two
documents. Checked: the Arabic of the title, every fact and item, and the link labels.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.knowledge.loading import FileError
from bot.knowledge.schema import FACT_FIELDS, Procedure


@dataclass(frozen=True)
class Term:
    concept: str
    preferred: str
    avoid: re.Pattern[str]


GLOSSARY: tuple[Term, ...] = (
    # The civil-status act (loi 37-99, watiqa.ma: "نسخة موجزة من رسم الولادة").
    Term("birth certificate", "رسم الولادة", re.compile(r"عقد (?:ال)?ازدياد|شهادة (?:ال)?ميلاد")),
    # Idarati's lists write "صورة فوتوغرافية" / "صورتان فوتوغرافيتان".
    Term("identity photo", "صورة فوتوغرافية", re.compile(r"صور\w*\s+(?:ال)?شمسي\w*")),
    # The DGSN's name of the card; "البطاقة الوطنية" is its short form.
    Term("CNIE", "البطاقة الوطنية للتعريف", re.compile(r"بطاقة (?:ال)?تعريف (?:ال)?وطنية")),
)


def _arabic_texts(proc: Procedure) -> Iterator[tuple[str, str]]:
    yield "title", proc.title.ar
    for name in FACT_FIELDS:
        for i, fact in enumerate(proc.facts(name)):
            yield (f"{name}.{i}" if name in ("documents", "steps", "notes") else name), fact.ar
    for i, link in enumerate(proc.official_urls):
        yield f"official_urls.{i}.label", link.label.ar


def glossary_problems(proc: Procedure) -> list[FileError]:
    """``file: field: problem`` for every Arabic term the glossary replaces by its preferred one."""
    problems = []
    for where, text in _arabic_texts(proc):
        flat = " ".join(text.split())
        for term in GLOSSARY:
            for match in term.avoid.finditer(flat):
                problems.append(
                    FileError(
                        f"{proc.id}.yaml",
                        where,
                        f"'{match.group(0)}': write '{term.preferred}' ({term.concept}), the glossary's one term "
                        "for it (citizens' words belong in aliases and questions)",
                    )
                )
    return problems
