"""The fakes stand for their seams: each is an instance of its Protocol and keeps its contract."""

from __future__ import annotations

import pytest

from bot.ports import Channel, Embedder, Generator, Transcriber, VectorStore
from bot.types import Reply
from tests.fakes import FakeChannel, FakeEmbedder, FakeGenerator, FakeTranscriber, FakeVectorStore


@pytest.mark.parametrize(
    ("fake", "seam"),
    [
        (FakeEmbedder(), Embedder),
        (FakeVectorStore(), VectorStore),
        (FakeTranscriber(), Transcriber),
        (FakeGenerator(), Generator),
        (FakeChannel(), Channel),
    ],
)
def test_each_fake_is_its_seam(fake: object, seam: type) -> None:
    assert isinstance(fake, seam)


def test_the_embedder_is_deterministic_normalised_and_closer_for_shared_words() -> None:
    embedder = FakeEmbedder()
    passport = embedder.embed_query("renouveler mon passeport")
    assert passport == FakeEmbedder().embed_query("renouveler mon passeport")
    assert sum(x * x for x in passport) == pytest.approx(1.0)
    near, far = embedder.embed_documents(["Renouvellement du passeport", "Extrait d'acte de naissance"])
    cosine = lambda u, v: sum(a * b for a, b in zip(u, v, strict=True))  # noqa: E731
    assert cosine(passport, near) > cosine(passport, far)
    assert embedder.queries == ["renouveler mon passeport"] and len(embedder.documents) == 2


def test_the_store_keeps_the_vector_store_contract() -> None:
    store, embedder = FakeVectorStore(), FakeEmbedder()
    texts = {"a": "passeport biométrique", "b": "acte de naissance", "c": "carte grise"}
    store.upsert(list(texts), embedder.embed_documents(list(texts.values())), [{"procedure_id": k} for k in texts])
    found = store.search(embedder.embed_query("passeport"), k=2)
    assert found[0][0] == "a" and len(found) == 2
    assert [cid for cid, _, _ in store.search(embedder.embed_query("passeport"), 3, {"procedure_id": "c"})] == ["c"]
    store.delete(["a"])
    ids, vectors, metas = store.export()
    assert store.ids() == set(ids) == {"b", "c"} and store.count() == 2 and len(vectors) == len(metas) == 2


def test_the_channel_records_what_it_sends() -> None:
    channel = FakeChannel()
    assert channel.send("2126", Reply("bonjour")) == "fake-1" and channel.sent == [("2126", Reply("bonjour"))]
