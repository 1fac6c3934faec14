"""The console's application over a copy of the knowledge base with the recording fakes, built once
for the unit tests that drive its pages (tests/unit/test_console.py, test_admin_routes.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from bot.app import Parts
from tests.admin_helpers import add_people, console_settings
from tests.fakes import FakeEmbedder, FakeVectorStore
from web.app import create_app


@pytest.fixture(scope="session")
def console_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    root = tmp_path_factory.mktemp("console")
    settings = console_settings(root, embedding_cache_dir=root / "cache")
    with TestClient(create_app(settings, Parts(embedder=FakeEmbedder(), store=FakeVectorStore()))) as client:
        add_people(client)
        yield client
