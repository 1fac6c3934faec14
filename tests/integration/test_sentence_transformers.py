"""The sentence-transformers backend loads any model name or local path. Tested with a tiny BERT
built here (random weights, a WordPiece vocabulary trained on the knowledge base): the loading and
indexing code is real, only the model is small."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.app import collection_name, search_parts
from bot.config import ROOT
from bot.search.indexing import build_index
from tests.conftest import make_settings

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import os

    os.environ["HF_HUB_OFFLINE"] = "1"
    from sentence_transformers import SentenceTransformer, models
    from tokenizers import Tokenizer
    from tokenizers.models import WordPiece
    from tokenizers.pre_tokenizers import BertPreTokenizer
    from tokenizers.trainers import WordPieceTrainer
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-st")
    corpus = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "knowledge" / "procedures").glob("*.yaml"))]
    tok = Tokenizer(WordPiece(unk_token="[UNK]"))
    tok.pre_tokenizer = BertPreTokenizer()
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok.train_from_iterator(corpus, WordPieceTrainer(vocab_size=800, special_tokens=specials))
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
    )
    hf_dir = folder / "hf"
    fast.save_pretrained(hf_dir)
    config = BertConfig(
        vocab_size=fast.vocab_size,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=128,
    )
    BertModel(config).save_pretrained(hf_dir)
    word = models.Transformer(str(hf_dir), max_seq_length=128)
    st = SentenceTransformer(modules=[word, models.Pooling(word.get_word_embedding_dimension())], device="cpu")
    st.save(str(folder / "st"))
    return folder / "st"


def test_a_local_sentence_transformers_model_embeds_and_indexes(tmp_path: Path, tiny_model: Path) -> None:
    small_kb = tmp_path / "knowledge" / "procedures"
    small_kb.mkdir(parents=True)
    for pid in ("cnie-renewal", "passport-renewal"):
        text = (ROOT / "knowledge" / "procedures" / f"{pid}.yaml").read_text(encoding="utf-8")
        small_kb.joinpath(f"{pid}.yaml").write_text(
            "\n".join(line for line in text.splitlines() if not line.startswith("related:")), encoding="utf-8"
        )
    settings = make_settings(
        tmp_path / "data",
        knowledge_dir=tmp_path / "knowledge",
        embedder=str(tiny_model),
        embedder_query_prefix="",
        embedder_passage_prefix="",
        embedding_cache_dir=tmp_path / "cache",
    )
    services = search_parts(settings)
    assert services.embedder.name == f"st:{tiny_model}"
    assert "st" in collection_name(settings, services.embedder)

    vector = services.embedder.embed_query("renouveler la carte nationale")
    assert len(vector) == 32 and abs(sum(v * v for v in vector) - 1.0) < 1e-4
    assert services.embedder.embed_query("renouveler la carte nationale") == pytest.approx(vector)

    report = build_index(settings, services.embedder, services.store, progress=False)
    assert report.procedures == 2 and report.embedded == report.chunks > 0
    assert services.store.count() == report.chunks
    found = services.store.search(vector, k=3)
    assert len(found) == 3 and {m["procedure_id"] for _, _, m in found} <= {"cnie-renewal", "passport-renewal"}
    assert build_index(settings, services.embedder, services.store, progress=False).embedded == 0  # cached per model
