"""The procedure card: written only from the knowledge base, in the citizen's language, grammatical."""

from __future__ import annotations

import pytest

from bot.answer.compose import card
from bot.config import ROOT
from bot.knowledge.loading import load_knowledge


@pytest.fixture(scope="module")
def kb():
    return load_knowledge(ROOT / "knowledge").by_id()


def test_a_missing_field_agrees_with_its_label(kb) -> None:
    proc = kb["passport-renewal"]  # no documents, fees or delay in the knowledge base
    assert proc.fees is None and proc.delay is None and proc.documents is None
    ar = card(proc, "ar")
    assert "**الرسوم**: غير محددة في قاعدتنا" in ar
    assert "**الآجال**: غير محددة في قاعدتنا" in ar
    assert "**الوثائق المطلوبة**: غير محددة في قاعدتنا" in ar
    fr = card(proc, "fr")
    assert "**Frais** : non précisés dans notre base" in fr
    assert "**Délai** : non précisé dans notre base" in fr
