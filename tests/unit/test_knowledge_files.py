"""The knowledge base as shipped: every catalog id present and valid, only allowed links."""

from __future__ import annotations

import json

import pytest
import yaml

from bot.config import ROOT
from bot.knowledge.glossary import glossary_problems
from bot.knowledge.loading import load_knowledge
from bot.knowledge.schema import FACT_FIELDS
from tests.conftest import SHARED

CATALOG = SHARED / "catalog" / "procedures.json"


@pytest.fixture(scope="module")
def catalog() -> dict:
    return json.loads(CATALOG.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def loaded():
    return load_knowledge(ROOT / "knowledge")


def test_every_file_is_valid(loaded) -> None:
    assert loaded.errors == []


def test_every_required_catalog_id_has_a_procedure(loaded, catalog) -> None:
    required = {p["id"] for p in catalog["required"]}
    assert len(required) == 50
    assert required <= set(loaded.by_id())


def test_titles_match_the_catalog(loaded, catalog) -> None:
    by_id = loaded.by_id()
    for entry in catalog["required"]:
        assert by_id[entry["id"]].title.ar.strip(), entry["id"]


def _official_urls(catalog: dict) -> dict[str, set[str]]:
    """Each procedure's official pages in the catalog (its entry's and its variants' ``official_urls``);
    the addresses of the catalog's *sources* (press articles, legal texts, old portals) are not links."""
    urls: dict[str, set[str]] = {}
    for entry in catalog["required"] + catalog["optional"]:
        own = {u["url"] for u in entry["official_urls"]}
        for variant in entry.get("related_variants", []):
            own |= {u["url"] for u in variant.get("official_urls", [])}
        urls[entry["id"]] = own
    return urls


def test_links_are_the_procedures_official_pages_or_authority_portals(loaded, catalog) -> None:
    portals = set(yaml.safe_load((ROOT / "knowledge" / "portals.yaml").read_text())["portals"])
    official = _official_urls(catalog)
    for proc in loaded.procedures:
        for url in proc.urls:
            assert url in official.get(proc.id, set()) | portals, (
                f"{proc.id}: {url} is neither one of its official pages in the catalog nor an authority portal"
            )


def test_the_shipped_arabic_follows_the_glossary(loaded) -> None:
    problems = [str(p) for proc in loaded.procedures for p in glossary_problems(proc)]
    assert problems == []


def test_every_item_cites_catalog_sources_with_their_best_tier(loaded, catalog) -> None:
    tiers = {k: v["tier"] for k, v in catalog["sources"].items()}
    order = ["A", "B", "B-", "C"]
    checked = 0
    for proc in loaded.procedures:
        for field in FACT_FIELDS:
            for i, fact in enumerate(proc.facts(field)):
                cited = [s for s in fact.sources if s != "general"]
                if not cited:
                    continue
                found = [tiers.get(source.split(":")[0]) for source in cited]
                assert None not in found, f"{proc.id}.{field}[{i}]: unknown source in {fact.sources}"
                best = min(found, key=order.index)  # type: ignore[arg-type]
                assert best == fact.tier, f"{proc.id}.{field}[{i}]: declared tier {fact.tier}, sources say {best}"
                checked += 1
    assert checked > 300  # not vacuous: most facts cite catalog sources
