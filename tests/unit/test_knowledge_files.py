"""The knowledge base as shipped: every catalog id present and valid, only allowed links."""

from __future__ import annotations

import json

import pytest
import yaml

from bot.config import ROOT
from bot.knowledge.loading import load_knowledge
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


def _catalog_urls(catalog: dict) -> set[str]:
    urls = {s["url"] for s in catalog["sources"].values() if "url" in s}
    for entry in catalog["required"] + catalog["optional"]:
        urls |= {u["url"] for u in entry["official_urls"]}
        for variant in entry.get("related_variants", []):
            urls |= {u["url"] for u in variant.get("official_urls", [])}
    return urls


def test_no_invented_links(loaded, catalog) -> None:
    portals = set(yaml.safe_load((ROOT / "knowledge" / "portals.yaml").read_text())["portals"])
    allowed = _catalog_urls(catalog) | portals
    for proc in loaded.procedures:
        for url in proc.urls:
            assert url in allowed, f"{proc.id}: {url} is neither in the catalog nor an authority portal"


def test_fee_and_delay_sources_exist_in_the_catalog(loaded, catalog) -> None:
    tiers = {k: v["tier"] for k, v in catalog["sources"].items()}
    for proc in loaded.procedures:
        for field in ("fees", "delay"):
            prov = proc.provenance.get(field)
            if prov is None:
                continue
            found = [tiers.get(source.split(":")[0]) for source in prov.sources]
            assert None not in found, f"{proc.id}.{field}: unknown source in {prov.sources}"
            best = "A" if "A" in found else "B" if "B" in found else found[0]
            assert best == prov.tier, f"{proc.id}.{field}: declared tier {prov.tier}, sources say {best}"
