"""The scope model's training examples and their query vectors.

The knowledge base's side (``kb``) is its citizens' questions and its procedures' names; the other
classes come from ``bot/data`` (``bot.understand.scope.corpus_examples``). Their vectors are embedded
as queries, like a citizen's message, by the index job (``embed_examples``) and only read when the
knowledge base loads (``example_vectors``): a cold start never embeds a corpus.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from bot.knowledge.schema import Procedure
from bot.ports import Embedder
from bot.search.documents import names_of
from bot.search.embedding_cache import EmbeddingCache
from bot.search.query import DENSE_MAX_CHARS, prepare_query
from bot.understand.language import detect
from bot.understand.scope import Example, ScopeModel, corpus_examples

QUERY_CACHE = "query"


def kb_examples(procedures: Sequence[Procedure]) -> list[Example]:
    out = []
    for proc in procedures:
        for lang in ("fr", "ar", "darija"):
            out += [Example(q, "kb", proc.id, lang) for q in getattr(proc.questions, lang)]
        out += [Example(name, "kb", proc.id, "name") for name in dict.fromkeys(names_of(proc))]
    return out


def scope_examples(procedures: Sequence[Procedure]) -> list[Example]:
    return kb_examples(procedures) + corpus_examples()


def embedded_text(text: str) -> str:
    """What the embedder reads of a message (retrieval embeds the same)."""
    return text[:DENSE_MAX_CHARS].strip()


def missing_examples(examples: Sequence[Example], cache: EmbeddingCache) -> list[str]:
    texts = list(dict.fromkeys(embedded_text(e.text) for e in examples))
    found = cache.get_many(texts)
    return [t for t in texts if cache.key(t) not in found]


def embed_examples(examples: Sequence[Example], embedder: Embedder, cache: EmbeddingCache, workers: int = 2) -> int:
    """Embed (as queries) the examples the cache lacks; returns how many. Queries are embedded one by
    one; two threads keep both cores busy (the engines release the GIL)."""
    missing = missing_examples(examples, cache)
    for start in range(0, len(missing), 256):
        batch = missing[start : start + 256]
        with ThreadPoolExecutor(max(1, workers)) as pool:
            vectors = list(pool.map(embedder.embed_query, batch))
        cache.put_many(batch, vectors)
    return len(missing)


def example_vectors(examples: Sequence[Example], cache: EmbeddingCache) -> np.ndarray:
    """The cached query vector of every example, in order (KeyError when one is missing)."""
    texts = [embedded_text(e.text) for e in examples]
    found = cache.get_many(list(dict.fromkeys(texts)))
    return np.asarray([found[cache.key(t)] for t in texts], dtype=np.float32)


def scope_text(text: str) -> str:
    """What the scope model reads of a message: its words and, for Darija in Latin letters, the same
    words in Arabic script (``Query.names_text``), so "chahada madrasiya" meets شهادة مدرسية."""
    return prepare_query(text, detect(text)).names_text


def train_scope(examples: Sequence[Example], cache: EmbeddingCache) -> ScopeModel:
    vectors = example_vectors(examples, cache)
    return ScopeModel([scope_text(e.text) for e in examples], vectors, [e.label for e in examples])
