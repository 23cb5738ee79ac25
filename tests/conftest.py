"""Shared fixtures for the test suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from book_build import wait_for_book
from course_paths import ROOT

# Fixture notebooks (deliberately broken student submissions and the like) are data, not tests:
# keep nbval from collecting them.
collect_ignore_glob = ["fixtures/*", "fixtures/**/*"]


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root."""
    return ROOT


@pytest.fixture(scope="session")
def built_book(request: pytest.FixtureRequest) -> Path:
    """The strict build (-W -n --keep-going) of the book, once per test session, in a temporary folder.

    The build starts in the background when collection ends (tests/book_build.py) and this waits for it.
    Set COURSE_BUILT_BOOK to a folder holding an existing ``_build`` (e.g. the repository root after
    ``make book``) to test that build instead of making a new one. Returns the folder holding ``_build``:
    ``_build/html`` is the site and ``_build/jupyter_execute`` holds the executed notebooks.
    """
    reuse = os.environ.get("COURSE_BUILT_BOOK")
    if reuse:  # a developer's shortcut: test an existing build (the folder holding _build) instead
        return Path(reuse)
    return wait_for_book(request.config)
