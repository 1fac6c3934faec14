"""``python -m ingest check`` and ``stats``: is every knowledge file valid, and where is the knowledge
base thin."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from bot.knowledge.glossary import glossary_problems
from bot.knowledge.loading import load_knowledge
from bot.knowledge.schema import FACT_FIELDS, STRONG_TIERS


def check(knowledge_dir: Path) -> int:
    """Print ``file: field: problem`` for every broken file and every term off the glossary; 1 when
    there is one. (A term off the glossary does not stop the service from serving the file.)"""
    result = load_knowledge(knowledge_dir)
    errors = [*result.errors, *(e for proc in result.procedures for e in glossary_problems(proc))]
    for err in errors:
        print(f"ERROR {err}", file=sys.stderr)
    print(f"{len(result.procedures)} procedures valid, {len(errors)} errors in {knowledge_dir}")
    return 1 if errors else 0


def stats(knowledge_dir: Path) -> int:
    """Procedures per category, how many fill each field, and how well each field's facts are sourced."""
    procedures = load_knowledge(knowledge_dir).procedures
    total = len(procedures)
    print(f"{total} procedures")
    print("per category:")
    for category, count in sorted(Counter(p.category for p in procedures).items()):
        print(f"  {category:<12} {count:>3}")
    print("fields filled (facts or items by tier; unconfirmed ones):")
    for name in FACT_FIELDS:
        filled = sum(getattr(p, name) is not None for p in procedures)
        facts = [fact for p in procedures for fact in p.facts(name)]
        tiers = Counter(fact.tier for fact in facts)
        sourced = ", ".join(f"{tier} {n}" for tier, n in sorted(tiers.items()))
        unconfirmed = sum(fact.unconfirmed for fact in facts)
        print(f"  {name:<10} {filled:>3} / {total}  ({sourced}; unconfirmed {unconfirmed})")
    strong = sum(any(f.tier in STRONG_TIERS for name in FACT_FIELDS for f in p.facts(name)) for p in procedures)
    print(f"with at least one tier A/B fact: {strong} / {total}")
    return 0
