"""One-off (issue 15, ADR 0007): the per-field ``provenance`` map -> sources and tier on every fact
and list item. Run once, on the files of commit 4e85826:
``python -m ingest.migrate_provenance knowledge/procedures``.

Each item inherits its field's sources and tier (today's provenance, preserved); summary and audience,
which had none, get ``general`` unless they state a number (then the catalog fact that supports it).
Only the fact fields' blocks are rewritten; the rest of each file (aliases, questions, links...) is
kept byte for byte.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from bot.knowledge.amounts import amounts_and_durations

FACT_FIELDS = ("summary", "audience", "documents", "steps", "fees", "delay", "where", "online", "notes")
LIST_FIELDS = ("documents", "steps", "notes")
TOP_KEY = re.compile(r"^([a-z_]+):")


class Dumper(yaml.SafeDumper):
    """Lists indented under their key; long texts folded at 110 columns as the editors wrote them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = ">" if len(value) > 100 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _str)


def dump(name: str, value: object) -> str:
    return yaml.dump(
        {name: value}, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=110, default_flow_style=None
    )


# Summaries and audiences that state a number: the catalog fact that supports it.
SUMMARY_SOURCES = {
    ("birth-declaration", "summary"): (["P-sp-birth"], "A"),
    ("carte-grise-renewal-duplicate", "summary"): (["P-narsa-cg"], "A"),
    ("cnie-first", "audience"): (["P-lpj-cnie"], "C"),
    ("foreign-license-exchange", "summary"): (["P-narsa-exch"], "A"),
    ("mre-customs", "summary"): (["S2:s099"], "B"),
    ("passport-minor", "audience"): (["P-adala-passport"], "A"),
}


def fact(fr: str, ar: str, sources: list[str], tier: str) -> dict:
    out = {"fr": fr, "ar": ar, "sources": list(sources), "tier": tier}
    # An amount or a duration that only a paraphrase or the press gives is shown as to be confirmed.
    if tier in ("B-", "C") and (amounts_and_durations(fr) or amounts_and_durations(ar)):
        out["unconfirmed"] = True
    return out


def blocks(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for line in text.splitlines(keepends=True):
        m = TOP_KEY.match(line)
        if m:
            out.append((m.group(1), line))
        else:
            name, body = out[-1]
            out[-1] = (name, body + line)
    return out


def migrate(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    prov = data.get("provenance", {})
    out = []
    for name, body in blocks(text):
        if name == "provenance":
            continue
        if name not in FACT_FIELDS:
            out.append(body)
            continue
        value = data[name]
        default = SUMMARY_SOURCES.get((data["id"], name), (["general"], "general"))
        p = prov.get(name, {"sources": default[0], "tier": default[1]})
        if name in LIST_FIELDS:
            new = [fact(fr, ar, p["sources"], p["tier"]) for fr, ar in zip(value["fr"], value["ar"], strict=True)]
        else:
            new = fact(value["fr"], value["ar"], p["sources"], p["tier"])
        out.append(dump(name, new))
    return "".join(out)


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    for path in sorted(folder.glob("*.yaml")):
        path.write_text(migrate(path), encoding="utf-8")
