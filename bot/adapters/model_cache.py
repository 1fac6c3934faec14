"""Model folders built once into the model cache (the Whisper base halves joined, e5 converted).

A folder is built in a temporary folder beside its target and renamed into place once complete, so
a crash or two processes starting together never leave (or load) half a model.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("dalil")
# What a cache on a read-only disk (or one owned by another user) answers to a write.
NOT_WRITABLE = (errno.EROFS, errno.EACCES, errno.EPERM)


def ensure_folder(target: Path, is_complete: Callable[[Path], bool], build: Callable[[Path], None]) -> bool:
    """Make ``target`` complete, building it with ``build(work_folder)`` if needed. True if built."""
    if is_complete(target):
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    work.chmod(0o755)  # mkdtemp makes it private; the cache may be shared with a service user
    try:
        build(work)
        _move_into_place(work, target, is_complete)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return True


def ensure_model_folder(target: Path, is_complete: Callable[[Path], bool], build: Callable[[Path], None]) -> Path:
    """The folder holding the complete model: ``target`` (built there if needed), or, when the cache
    cannot be written (its disk mounted read-only, another owner), a copy built in the temporary
    folder: the service starts anyway, and the warning says that each start now rebuilds it."""
    try:
        ensure_folder(target, is_complete, build)
        return target
    except OSError as exc:
        if exc.errno not in NOT_WRITABLE:
            raise
        fallback = Path(tempfile.gettempdir()) / "dalil-models" / target.name
        log.warning(
            "model cache not writable: using a copy in the temporary folder",
            extra={"cache": str(target.parent), "folder": str(fallback), "error": str(exc)},
        )
        ensure_folder(fallback, is_complete, build)
        return fallback


def _move_into_place(work: Path, target: Path, is_complete: Callable[[Path], bool]) -> None:
    if is_complete(target):  # another process finished first: keep its copy
        return
    if target.exists():  # an incomplete folder (a hand copy, an older layout): replace it whole
        stale = target.with_name(f".{target.name}-stale-{os.getpid()}")
        os.replace(target, stale)
        shutil.rmtree(stale, ignore_errors=True)
    try:
        os.rename(work, target)
    except OSError:
        if not is_complete(target):  # lost a race to a whole model: use it; otherwise fail loudly
            raise
