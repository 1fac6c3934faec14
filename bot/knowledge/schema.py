"""The schema of one procedure file in ``knowledge/procedures/<id>.yaml``.

Documented for editors in ``knowledge/README.md``; keep the two in step.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from bot.knowledge.amounts import amounts_and_durations

# A procedure id names its file: matched whole (``fullmatch``: "$" would let a final newline through)
# and short (a file name, a database column of 80).
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID = 80


def valid_id(value: str) -> bool:
    return len(value) <= MAX_ID and ID_RE.fullmatch(value) is not None
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
# A source's reliability (shared/catalog/procedures.json): A official page, B idarati fields, B- a
# paraphrase of them, C press or guide; "general" marks descriptive text that rests on no source.
Tier = Literal["A", "B", "B-", "C", "general"]
# Fees, delays and any amount or duration are what a citizen acts on: official (A) or idarati (B) only.
STRONG_TIERS = {"A", "B"}
WEAK_TIERS = {"B-", "C"}
GENERAL = "general"
# The fields that state facts, each fact or item with its own sources; lists are one fact per item.
FACT_FIELDS = ("summary", "audience", "documents", "steps", "fees", "delay", "where", "online", "notes")
LIST_FIELDS = ("documents", "steps", "notes")
STRONG_ONLY_FIELDS = ("fees", "delay")


def problem(code: str, text: str, **context: object) -> PydanticCustomError:
    """A broken rule: ``text`` for ``ingest check``, ``code`` and ``context`` for the admin console, which
    says it in the editor's language (``bot/admin/texts.py``)."""
    return PydanticCustomError(code, "{text}", {"text": text, **context})


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
            raise problem("arabic_script", "the 'ar' text must be written in Arabic script")
        return v.strip()


class Fact(Text):
    """One fact (a whole field, or one item of a list) in French and MSA, with the catalog source ids
    that support it and the best tier among them. ``unconfirmed`` lets an item state an amount or a
    duration that only a weak source gives; the answer then asks the citizen to confirm it."""

    sources: list[str] = Field(min_length=1)
    tier: Tier
    unconfirmed: bool = False

    @model_validator(mode="after")
    def _tier_matches(self) -> Fact:
        only_general = set(self.sources) == {GENERAL}
        if GENERAL in self.sources and not only_general:
            raise problem(
                "general_alone",
                f"sources {self.sources}: 'general' stands alone (a fact rests on catalog sources or on none); "
                "split the item or drop 'general'"
            )
        if only_general != (self.tier == GENERAL):
            raise problem(
                "general_tier",
                f"tier {self.tier} with sources {self.sources}: tier 'general' goes with the source 'general' "
                "alone (descriptive text that rests on no source)"
            )
        if self.unconfirmed and only_general:
            raise problem("unconfirmed_general", "an unconfirmed fact still names the source it comes from")
        return self

    @property
    def weak(self) -> bool:
        """Shown with "to be confirmed on the official page": a paraphrase, the press, or marked so."""
        return self.unconfirmed or self.tier in WEAK_TIERS


Items = Annotated[list[Fact], Field(min_length=1)]


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
                    raise problem(
                        "question_length",
                        f"questions.{lang}: '{q[:40]}' must have 8 to {QUESTION_MAX_CHARS} characters",
                        question=q[:40],
                    )
                if MONEY_RE.search(q):
                    raise problem(
                        "question_fact",
                        f"questions.{lang}: '{q[:40]}' states an amount or a link; questions carry no facts"
                    )
        if any(not ARABIC_RE.search(q) for q in self.ar):
            raise problem("arabic_script", "every 'ar' question must be written in Arabic script")
        return self


class Link(Strict):
    url: str
    label: Text

    @field_validator("url")
    @classmethod
    def _http(cls, v: str) -> str:
        if not re.match(r"^https?://[^\s/]+\.[^\s]+$", v):
            raise problem("bad_url", f"'{v}' is not an absolute http(s) URL", url=v)
        return v


class Procedure(Strict):
    id: str
    category: Category
    authority: Text
    title: Text
    summary: Fact
    audience: Fact
    documents: Items | None = None
    steps: Items | None = None
    fees: Fact | None = None
    delay: Fact | None = None
    where: Fact
    online: Fact | None = None
    notes: Items | None = None
    aliases: Aliases = Aliases()
    questions: Questions = Questions()
    related: list[str] = []
    # Procedures a citizen names with one noun ("passeport", "lpermis") form a family; each is one
    # variant of it (first, renewal, lost, minor...): the cue words are in bot/understand/variants.py.
    family: str | None = Field(None, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    variant: Variant | None = None
    official_urls: list[Link] = Field(min_length=1)
    verified_on: dt.date

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not valid_id(v):
            limit = f"at most {MAX_ID} long"
            raise problem("bad_id", f"id must be lowercase words joined by '-' (e.g. 'cnie-renewal'), {limit}")
        return v

    @field_validator("verified_on")
    @classmethod
    def _not_future(cls, v: dt.date) -> dt.date:
        if v > dt.date.today():
            raise problem("future_date", "verified_on cannot be in the future")
        return v

    @field_validator(*FACT_FIELDS)
    @classmethod
    def _facts_strong_enough(cls, value: Fact | list[Fact] | None, info: ValidationInfo) -> Fact | list[Fact] | None:
        name = info.field_name or ""
        facts = value if isinstance(value, list) else [value] if value is not None else []
        for i, fact in enumerate(facts):
            where = f"item {i + 1} ('{fact.fr[:40]}')" if isinstance(value, list) else "it"
            if name in STRONG_ONLY_FIELDS and fact.tier not in STRONG_TIERS:
                raise problem(
                    "weak_tier",
                    f"tier {fact.tier} is too weak for a {name}; leave it out and let the answer send the "
                    "citizen to the official page",
                    tier=fact.tier,
                    item=i + 1 if isinstance(value, list) else 0,
                )
            stated = amounts_and_durations(fact.fr) + amounts_and_durations(fact.ar)
            if stated and fact.tier not in STRONG_TIERS and not fact.unconfirmed:
                raise problem(
                    "amount_needs_source",
                    f"{where} states {stated[0]!r} with tier {fact.tier} sources only: give a tier A or B "
                    "source, mark it 'unconfirmed: true' (shown as to be confirmed), or leave it out",
                    stated=stated[0],
                    tier=fact.tier,
                    item=i + 1 if isinstance(value, list) else 0,
                )
        return value

    @model_validator(mode="after")
    def _coherent(self) -> Procedure:
        if self.id in self.related:
            raise problem("related_self", "related must not list the procedure itself")
        if (self.family is None) != (self.variant is None):
            raise problem("family_variant", "family and variant go together: a procedure is one variant of a family")
        return self

    @property
    def primary_url(self) -> str:
        return self.official_urls[0].url

    @property
    def urls(self) -> list[str]:
        return [link.url for link in self.official_urls]

    def facts(self, name: str) -> list[Fact]:
        """The facts of a field as a list: a list field's items, a text field's one fact, or none."""
        value = getattr(self, name)
        return value if isinstance(value, list) else [value] if value is not None else []
