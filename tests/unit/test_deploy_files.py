"""compose.yaml and the Dockerfile, checked without a Docker engine: the compose file against the
Compose Specification's JSON schema, and both against what the code expects (services, health checks,
settings that exist, files that exist)."""

from __future__ import annotations

import json
import re

import jsonschema
import yaml

from bot.config import ROOT, Settings

COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def test_compose_file_follows_the_compose_specification() -> None:
    schema = json.loads((ROOT / "tests" / "data" / "compose" / "compose-spec.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(COMPOSE)


def test_every_service_is_there_with_a_health_check() -> None:
    services = COMPOSE["services"]
    assert set(services) == {"postgres", "chroma", "prepare", "web", "worker"}
    for name in ("postgres", "chroma", "web", "worker"):
        assert services[name]["healthcheck"]["test"], name
    assert services["web"]["depends_on"]["prepare"]["condition"] == "service_completed_successfully"
    assert services["web"]["environment"]["DALIL_RUN_JOBS"] == "false"  # the worker service runs the jobs
    assert services["worker"]["command"] == ["dalil", "worker"]
    assert set(COMPOSE["volumes"]) == {"pgdata", "chroma", "data", "knowledge"}


def test_the_settings_it_passes_exist() -> None:
    known = {f"DALIL_{name.upper()}" for name in Settings.model_fields}
    for service in ("prepare", "web", "worker"):
        names = {k for k in COMPOSE["services"][service]["environment"] if k.startswith("DALIL_")}
        assert names <= known, names - known


def test_the_dockerfile_copies_what_exists_and_installs_postgres_support() -> None:
    for source in re.findall(r"^COPY (.+) \S+$", DOCKERFILE, flags=re.M):
        for name in source.split():
            assert (ROOT / name).exists(), name
    assert "'.[postgres]'" in DOCKERFILE and "HEALTHCHECK" in DOCKERFILE and "/health" in DOCKERFILE


def interpolated(value: str) -> str:
    """Compose's interpolation, with every required variable (``${X:?…}``) set by the operator."""
    value = re.sub(r"\$\{\w+:\?[^}]*\}", "operator-secret-" + "x" * 32, value)
    return re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", value)


def test_production_starts_with_the_secrets_compose_requires() -> None:
    # Production refuses a development secret: compose must ask the operator for each one, or no
    # service would start.
    for service in ("prepare", "web", "worker"):
        env = COMPOSE["services"][service]["environment"]
        values = {k.removeprefix("DALIL_").lower(): interpolated(str(v)) for k, v in env.items() if "DALIL_" in k}
        assert Settings(_env_file=None, **values).env == "production", service  # type: ignore[call-arg]
