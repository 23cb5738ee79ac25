"""Shared fixtures for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Fixture notebooks (deliberately broken student submissions and the like) are data, not tests:
# keep nbval from collecting them.
collect_ignore_glob = ["fixtures/*", "fixtures/**/*"]


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root."""
    return ROOT
