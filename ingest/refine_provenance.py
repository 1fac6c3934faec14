"""One-off, second pass of the migration (issue 15, ADR 0007): in fields that had several sources, the
sources that support each item, read against the catalog's facts. Items that only send the citizen to
the official page ("not confirmed in our base") rest on no source: ``general``. Run once after
``migrate_provenance``: ``python -m ingest.refine_provenance knowledge/procedures``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from bot.config import ROOT
from bot.knowledge.amounts import amounts_and_durations
from ingest.migrate_provenance import blocks, dump

CAT = json.loads((ROOT.parent / "shared" / "catalog" / "procedures.json").read_text(encoding="utf-8"))
TIERS = {k: v["tier"] for k, v in CAT["sources"].items()}
ORDER = ["A", "B", "B-", "C"]
G = ["general"]
S3_ACC = "S3:fetched_data_18d36631-20bb-45df-ae34-450de97eed38.json"
S3_APO = "S3:fetched_data_3c7dad16-ab4d-4d34-9240-9e20bc76dacb.json"
S3_VEH = "S3:fetched_data_4d4acba4-428b-4cd1-9940-b1479d68dca2.json"

# procedure -> field -> sources of each item (a list field) or of the fact (a text field).
REFINED: dict[str, dict[str, list]] = {
    "accident-report-copy": {"notes": [[S3_ACC], G]},
    "administrative-birth-certificate": {"steps": [["P-ouidane"], G, ["P-ouidane"]]},
    "apostille-justice-documents": {"notes": [[S3_APO], G]},
    "attestation-concordance-mre": {"where": ["S2:s013"], "notes": [["S1:S46", "S1:S47"], G]},
    "auto-entrepreneur": {"notes": [["P-mdiplo-ae", "P-guide-ae"], G]},
    "birth-certificate": {"where": ["P-watiqa"], "notes": [G, ["P-irb-birth"], ["P-bladi-cin2", "P-mizania-cnie"]]},
    "birth-declaration": {
        "steps": [["P-sp-birth"], ["P-sp-birth"], ["P-sp-birth"]],
        "where": ["P-sp-birth"],
        "notes": [["P-sp-birth"], G, ["S1:S72"]],
    },
    "carte-grise-renewal-duplicate": {"notes": [["P-narsa-cg"]] * 4 + [G]},
    "certified-copy": {
        "where": ["S2:s008", "P-dm-legal"],
        "notes": [G, ["P-conj-idarati"], ["P-lesiteinfo-legal"], ["P-lopinion-legal"]],
    },
    "civil-status-rectification": {"notes": [["P-sp-faq25"], G, ["S1:M07"]]},
    "cnie-first": {
        "steps": [["P-journalinfo-cnie"], ["P-journalinfo-cnie"], G],
        "notes": [["P-lpj-cnie"], G, ["S2:s014", "S2:s015"]],
    },
    "cnie-lost": {"notes": [["P-sp-loss"], G]},
    "cnss-birthdate-correction": {"notes": [G, G]},
    "cnss-employee-registration": {
        "steps": [["P-doingbuzz-cnss"], ["P-eregs-cnss"], ["P-eregs-cnss"]],
        "notes": [G, ["P-eregs-cnss"], G],
    },
    "cnss-survivors-refund": {"notes": [["S2:s144", "S2:s146", "S2:s147"], G]},
    "company-creation": {
        "steps": [["S2:s026"], ["S2:s030", "S2:s031"], ["S2:s037"], ["S2:s030", "S2:s031"], ["P-doers-ice"]],
        "notes": [G, ["S2:s030", "S2:s031"], G],
    },
    "complaint": {"notes": [["P-dm-chikaya", "P-lesechos-chikaya"], G, G]},
    "consular-registration": {"notes": [["P-consulat-reg"], ["P-consulat-attest"], G]},
    "criminal-record": {"notes": [["P-dm-casier"], G, G]},
    "death-declaration": {"notes": [G, ["S1:S20", "S1:S21"]]},
    "direct-social-aid": {
        "steps": [["P-gov-faq", "P-walaw-asd"], ["P-gov-faq", "P-walaw-asd"], ["P-gov-faq"], ["P-gov-faq"]],
        "notes": [G, ["P-gov-faq"]],
    },
    "disability-card": {"notes": [G, ["P-gov-faq"]]},
    "driving-license-first": {"steps": [G, ["P-autoecole"], G, G], "notes": [G, G, G]},
    "driving-license-renewal": {"notes": [["P-hespress-validity"], G, G, G]},
    "electoral-registration": {"notes": [G, ["S2:s001", "S2:s002"]]},
    "electricity-subscription-low-voltage": {"where": ["S1:S124"]},
    "foreign-license-exchange": {"notes": [["P-narsa-exch"], ["P-narsa-exch"], G, G]},
    "foreign-residence-card": {"notes": [["S2:s005", "S2:s006"], G]},
    "laissez-passer-mre": {"where": ["S2:s022"]},
    "nationality-certificate": {
        "where": ["S2:s009", "S1:S110"],
        "notes": [G, ["S2:s009", "S1:S110"], ["S2:s009", "S1:S110"]],
    },
    "negative-certificate": {"notes": [["S2:s028", "S2:s029"], ["P-ode-cri"], G]},
    "passport-first": {
        "steps": [["S1:S41"], ["S1:S41", "P-dm-passport"], ["P-dm-passport"], G],
        "notes": [G, ["P-yabiladi-passport"], ["S2:s019"]],
    },
    "passport-lost": {
        "steps": [["P-sp-loss"], ["P-sp-loss", "S2:s021"]],
        "where": ["P-sp-loss", "S2:s021"],
        "notes": [["P-sp-loss"], G, ["S2:s021", "S2:s016", "S2:s017"], ["S2:s022"]],
    },
    "passport-minor": {
        "steps": [["P-adala-passport", "P-dm-passport"], ["P-dm-passport"], G],
        "where": ["S2:s018", "S2:s020"],
        "notes": [["P-adala-passport"], G, ["S2:s020"], ["S2:s018"]],
    },
    "passport-renewal": {"notes": [G, ["P-yabiladi-passport"], ["S2:s019"]]},
    "property-certificate": {"notes": [["P-fnpi-ancfcc"], G, G]},
    "residence-certificate": {"notes": [["S2:s003"], G]},
    "retirement-pension": {"notes": [G, ["S1:S39"]]},
    "rsu-registration": {
        "steps": [["P-yabiladi-rsu"], ["P-map-rsu"], ["P-gov-faq"]],
        "notes": [["P-gov-faq"], ["P-walaw-asd", "P-gov-faq"], G],
    },
    "scholarship": {"notes": [["P-medias24-minhaty"], ["P-libe-minhaty"], ["P-laformation-minhaty"], G]},
    "school-certificate": {"notes": [G, G]},
    "signature-legalization": {
        "notes": [["P-conj-idarati"], ["S2:s011"], ["P-lesiteinfo-legal"], ["P-lopinion-legal"]]
    },
    "vehicle-opposition-mainlevee": {"where": ["S2:s117"]},
    "vehicle-ownership-transfer": {"documents": [["P-narsa-mut"]] * 5, "notes": [["P-narsa-mut"]] * 3 + [G]},
    "vehicle-registration-new": {"notes": [[S3_VEH], G]},
}


def tier(sources: list[str]) -> str:
    if sources == G:
        return "general"
    return min((TIERS[s.split(":")[0]] for s in sources), key=ORDER.index)


def sourced(item: dict, sources: list[str]) -> dict:
    out = {"fr": item["fr"], "ar": item["ar"], "sources": list(sources), "tier": tier(sources)}
    if out["tier"] in ("B-", "C") and (amounts_and_durations(item["fr"]) or amounts_and_durations(item["ar"])):
        out["unconfirmed"] = True
    return out


def refine(path: Path, fields: dict[str, list]) -> str:
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    out = []
    for name, body in blocks(text):
        if name not in fields:
            out.append(body)
            continue
        value, wanted = data[name], fields[name]
        if isinstance(value, list):
            assert len(value) == len(wanted), (path.name, name, len(value), len(wanted))
            new = [sourced(item, s) for item, s in zip(value, wanted, strict=True)]
        else:
            new = sourced(value, wanted)
        out.append(dump(name, new))
    return "".join(out)


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    for pid, fields in REFINED.items():
        path = folder / f"{pid}.yaml"
        path.write_text(refine(path, fields), encoding="utf-8")
