"""The written corpora of ``bot/data``: one JSON object a line, the larger ones stored xz-compressed so
that the package's data stays under its 1 MB (``tests/unit/test_darija.py``). One reader for both."""

from __future__ import annotations

import json
import lzma
from importlib import resources
from pathlib import Path


def jsonl_rows(path: Path) -> list[dict]:
    """The rows of a ``.jsonl`` or ``.jsonl.xz`` file."""
    return _parse(path.read_bytes(), path.name)


def corpus_rows(name: str) -> list[dict]:
    """The rows of the corpus ``name`` in ``bot/data`` (read as a package resource)."""
    return _parse((resources.files("bot") / "data" / name).read_bytes(), name)


def write_jsonl(path: Path, rows: list[dict]) -> None:
    """Writes rows one a line, compressed when the name ends in ``.xz`` (for the corpus builders)."""
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    path.write_bytes(lzma.compress(text, preset=9 | lzma.PRESET_EXTREME) if path.name.endswith(".xz") else text)


def _parse(raw: bytes, name: str) -> list[dict]:
    text = (lzma.decompress(raw) if name.endswith(".xz") else raw).decode("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]
