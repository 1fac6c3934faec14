"""The schema of one procedure file in ``knowledge/procedures/<id>.yaml``.

Documented for editors in ``knowledge/README.md``; keep the two in step.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ARABIC_RE = re.compile(r"[\u0600-\u06FF]")

Category = Literal[
    "identity",
    "civil-status",
    "justice",
    "transport",
    "business",
    "tax",
    "social",
    "housing",
    "education",
    "mre",
    "citizenship",
    "utilities",
]
Variant = Literal["first", "renewal", "lost", "minor", "duplicate", "foreign", "new_vehicle", "transfer"]
Tier = Literal["A", "B", "B-", "C", "general"]
# Fees and delays are the facts a citizen acts on: only official (A) or idarati-field (B) sources.
STRONG_TIERS = {"A", "B"}
FACT_FIELDS = ("documents", "steps", "fees", "delay", "where", "online", "notes")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """One piece of text in French and Modern Standard Arabic."""

    fr: str = Field(min_length=2)
    ar: str = Field(min_length=2)

    @field_validator("ar")
    @classmethod
    def _arabic_script(cls, v: str) -> str:
        if not ARABIC_RE.search(v):
            raise ValueError("the 'ar' text must be written in Arabic script")
        return v.strip()


class TextList(Strict):
    """A list (documents, steps, notes) in French and Arabic, item for item."""

    fr: list[str] = Field(min_length=1)
    ar: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _same_length(self) -> TextList:
        if len(self.fr) != len(self.ar):
            raise ValueError(f"'fr' has {len(self.fr)} items but 'ar' has {len(self.ar)}: keep them item for item")
        if any(not ARABIC_RE.search(item) for item in self.ar):
            raise ValueError("every 'ar' item must be written in Arabic script")
        return self


class Aliases(Strict):
    fr: list[str] = []
    ar: list[str] = []
    darija: list[str] = []


MONEY_RE = re.compile(r"\d\s*(?:dh|mad|dhs|درهم|dirham)|https?://|www\.", re.IGNORECASE)
QUESTION_MAX_CHARS = 200


class Questions(Strict):
    """How citizens ask about the procedure, for search only (never shown in an answer): French, MSA,
    and Darija in Arabic script or Latin letters. They carry no facts, so no amount and no link."""

    fr: list[str] = Field(default=[], max_length=12)
    ar: list[str] = Field(default=[], max_length=12)
    darija: list[str] = Field(default=[], max_length=16)

    @model_validator(mode="after")
    def _searchable_only(self) -> Questions:
        for lang in ("fr", "ar", "darija"):
            for q in getattr(self, lang):
                if not 8 <= len(q) <= QUESTION_MAX_CHARS:
                    raise ValueError(f"questions.{lang}: '{q[:40]}' must have 8 to {QUESTION_MAX_CHARS} characters")
                if MONEY_RE.search(q):
                    raise ValueError(
                        f"questions.{lang}: '{q[:40]}' states an amount or a link; questions carry no facts"
                    )
        if any(not ARABIC_RE.search(q) for q in self.ar):
            raise ValueError("every 'ar' question must be written in Arabic script")
        return self


class Link(Strict):
    url: str
    label: Text

    @field_validator("url")
    @classmethod
    def _http(cls, v: str) -> str:
        if not re.match(r"^https?://[^\s/]+\.[^\s]+$", v):
            raise ValueError(f"'{v}' is not an absolute http(s) URL")
        return v


class Provenance(Strict):
    sources: list[str] = Field(min_length=1)
    tier: Tier


class Procedure(Strict):
    id: str
    category: Category
    authority: Text
    title: Text
    summary: Text
    audience: Text
    documents: TextList | None = None
    steps: TextList | None = None
    fees: Text | None = None
    delay: Text | None = None
    where: Text
    online: Text | None = None
    notes: TextList | None = None
    aliases: Aliases = Aliases()
    questions: Questions = Questions()
    related: list[str] = []
    # Procedures a citizen names with one noun ("passeport", "lpermis") form a family; each is one
    # variant of it (first, renewal, lost, minor...): the cue words are in bot/understand/variants.py.
    family: str | None = Field(None, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    variant: Variant | None = None
    official_urls: list[Link] = Field(min_length=1)
    verified_on: dt.date
    provenance: dict[str, Provenance] = {}

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not ID_RE.match(v):
            raise ValueError("id must be lowercase words joined by '-', e.g. 'cnie-renewal'")
        return v

    @field_validator("verified_on")
    @classmethod
    def _not_future(cls, v: dt.date) -> dt.date:
        if v > dt.date.today():
            raise ValueError("verified_on cannot be in the future")
        return v

    @model_validator(mode="after")
    def _facts_have_sources(self) -> Procedure:
        for name in FACT_FIELDS:
            if getattr(self, name) is not None and name not in self.provenance:
                raise ValueError(f"'{name}' is filled but provenance.{name} does not say where it comes from")
        for name, prov in self.provenance.items():
            if name not in FACT_FIELDS:
                raise ValueError(f"provenance.{name}: not a fact field (one of {', '.join(FACT_FIELDS)})")
            if name in ("fees", "delay") and prov.tier not in STRONG_TIERS:
                raise ValueError(
                    f"provenance.{name}: tier {prov.tier} is too weak for a {name}; "
                    "leave it out and let the answer send the citizen to the official page"
                )
        if self.id in self.related:
            raise ValueError("related must not list the procedure itself")
        if (self.family is None) != (self.variant is None):
            raise ValueError("family and variant go together: a procedure is one variant of a family")
        return self

    @property
    def primary_url(self) -> str:
        return self.official_urls[0].url

    @property
    def urls(self) -> list[str]:
        return [link.url for link in self.official_urls]
