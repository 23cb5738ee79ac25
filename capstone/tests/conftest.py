"""Shared fixtures: settings from the environment with a temporary index, and one loaded service stack."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rag_service.answer import make_generator
from rag_service.config import HERE, Settings
from rag_service.embed import make_embedder
from rag_service.ingest import ingest
from rag_service.retrieve import Index


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """RAG_* variables decide the embedder and generator; the index always goes to a temporary folder."""
    return Settings.from_env(index_dir=tmp_path_factory.mktemp("index"), docs_dir=HERE / "docs")


@pytest.fixture(scope="session")
def embedder(settings: Settings):
    return make_embedder(settings.embedder)


@pytest.fixture(scope="session")
def generator(settings: Settings):
    return make_generator(settings)


@pytest.fixture(scope="session")
def index(settings: Settings, embedder) -> Index:
    ingest(settings, embedder)
    return Index(settings.index_dir, embedder)


@pytest.fixture
def docs_copy(tmp_path: Path) -> Path:
    """A private copy of the document folder that a test may change."""
    target = tmp_path / "docs"
    shutil.copytree(HERE / "docs", target)
    return target
