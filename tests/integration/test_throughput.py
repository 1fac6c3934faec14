"""What makes answers cheap under load, with the real models: first-turn answers cached per
knowledge-base version, query vectors cached, concurrent queries embedded as one batch; and what an
operator watches (/metrics, /health/live)."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient

from bot.app import Parts, build
from bot.search.query_cache import MicroBatcher, ServingEmbedder
from bot.search.served import KnowledgeHolder
from tests.conftest import make_settings

pytestmark = pytest.mark.integration


@pytest.fixture
def cached(tmp_path: Path, parts: Parts):  # type: ignore[no-untyped-def]
    holder = KnowledgeHolder(parts.knowledge.current)  # its own version counter
    return build(make_settings(tmp_path, answer_cache_size=64), replace(parts, knowledge=holder)), holder


def test_a_first_turn_asked_again_is_served_from_the_cache(cached) -> None:  # type: ignore[no-untyped-def]
    dalil, _ = cached
    first = dalil.answer("Comment renouveler mon passeport ?")
    again = dalil.answer("comment  renouveler mon PASSEPORT ?")  # case and spaces do not matter
    assert again.trace.get("cached") and not first.trace.get("cached")
    assert (again.text, again.sources, again.status) == (first.text, first.sources, first.status)
    assert again.answer_id != first.answer_id and again.session_id != first.session_id
    assert again.redacted_question == "comment  renouveler mon PASSEPORT ?"  # what this citizen wrote
    assert dalil.feedback(again.session_id, again.answer_id, 1, None)  # recorded as its own turn
    other_lang = dalil.answer("comment renouveler mon passeport ?", lang="ar")
    assert not other_lang.trace.get("cached") and other_lang.language == "ar"


def test_a_follow_up_is_never_served_from_the_cache(cached) -> None:  # type: ignore[no-untyped-def]
    dalil, _ = cached
    dalil.answer("et combien ça coûte ?")  # a first turn: cached
    opened = dalil.answer("Comment renouveler mon passeport ?", session_id="s-follow")
    follow = dalil.answer("et combien ça coûte ?", session_id="s-follow")
    assert not follow.trace.get("cached") and follow.sources[0].id == opened.sources[0].id


def test_a_new_knowledge_base_version_empties_the_cache(cached, parts: Parts) -> None:  # type: ignore[no-untyped-def]
    dalil, holder = cached
    dalil.answer("acte de naissance")
    assert dalil.answer("acte de naissance").trace.get("cached")
    holder.swap(parts.knowledge.current)  # what a publish does, here or in another worker
    assert not dalil.answer("acte de naissance").trace.get("cached")


def test_query_vectors_are_cached_and_batched_without_changing_them(parts: Parts) -> None:
    engine = parts.embedder
    texts = ["comment renouveler mon passeport", "bghit njdded lbtaka", "تجديد جواز السفر", "acte de naissance"]
    alone = [engine.embed_query(t) for t in texts]
    serving = ServingEmbedder(engine, cache_size=16, batch_window_s=0.05)
    assert serving.batcher is not None
    results: dict[str, list[float]] = {}
    threads = [threading.Thread(target=lambda t=t: results.__setitem__(t, serving.embed_query(t))) for t in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert serving.batcher.batches < len(texts)  # they arrived together: fewer engine calls than queries
    for text, vector in zip(texts, alone, strict=True):
        assert np.allclose(results[text], vector, atol=1e-5)
    hits = serving.cache.hits
    assert np.allclose(serving.embed_query(texts[0]), alone[0], atol=1e-5) and serving.cache.hits == hits + 1


def test_a_failing_batch_fails_each_of_its_callers() -> None:
    def broken(texts: list[str]) -> list[list[float]]:
        raise RuntimeError("engine down")

    batcher = MicroBatcher(broken, window_s=0.01)
    with pytest.raises(RuntimeError, match="engine down"):
        batcher.embed("x")


def test_metrics_and_liveness(client: TestClient) -> None:
    assert client.get("/health/live").json() == {"status": "alive"}
    client.post("/api/chat", json={"message": "comment obtenir un extrait d'acte de naissance", "session_id": None})
    client.get("/api/procedures/no-such-procedure")
    text = client.get("/metrics").text
    assert 'dalil_http_requests_total{method="POST",route="/api/chat",status="200"}' in text
    assert 'route="/api/procedures/{procedure_id}",status="404"' in text  # the template, not the id
    assert 'dalil_answers_total{channel="web",language="fr",status="answered",style="fr"}' in text
    assert 'dalil_step_seconds_bucket{le="0.05",step="retrieve"}' in text
    assert "dalil_knowledge_version " in text and "dalil_dense_signal 1.0" in text
