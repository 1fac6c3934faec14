"""One contract for every VectorStore: the embedded Chroma on disk and a real Chroma server
(``chroma run``, the command that ships with chromadb: the session's ``chroma_url`` fixture)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from bot.adapters.chroma_store import ChromaStore
from bot.ports import VectorStore

pytestmark = pytest.mark.integration


@pytest.fixture(params=["embedded", "server"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> VectorStore:
    name = f"contract-{request.node.name.replace('[', '-').replace(']', '')}"[:60]
    if request.param == "embedded":
        return ChromaStore.persistent(tmp_path / "chroma", name)
    url = httpx.URL(request.getfixturevalue("chroma_url"))
    return ChromaStore.remote(url.host, url.port or 8000, name)


def _unit(i: int, dim: int = 8) -> list[float]:
    return [1.0 if j == i else 0.0 for j in range(dim)]


def test_store_contract(store: VectorStore) -> None:
    assert isinstance(store, VectorStore)
    assert store.count() == 0 and store.search(_unit(0), k=3) == [] and store.export() == ([], [], [])
    ids = ["a", "b", "c"]
    metas = [
        {"procedure_id": "p1", "lang": "fr"},
        {"procedure_id": "p2", "lang": "ar"},
        {"procedure_id": "p3", "lang": "fr"},
    ]
    store.upsert(ids, [_unit(0), _unit(1), _unit(2)], metas)
    store.upsert(["a"], [_unit(0)], [metas[0]])  # idempotent
    assert store.count() == 3 and store.ids() == set(ids)

    best_id, similarity, meta = store.search(_unit(1), k=2)[0]
    assert best_id == "b" and similarity == pytest.approx(1.0, abs=1e-5) and meta["procedure_id"] == "p2"
    assert [r[0] for r in store.search(_unit(1), k=3, where={"lang": "fr"})] != ["b"]

    exported_ids, vectors, exported_metas = store.export()
    assert sorted(exported_ids) == ids and len(vectors[0]) == 8 and len(exported_metas) == 3

    store.delete(["b"])
    assert store.ids() == {"a", "c"} and store.count() == 2
