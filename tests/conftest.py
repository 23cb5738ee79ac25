"""Shared fixtures for the test suite."""

from __future__ import annotations

import os
import re
import subprocess
import sys
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


@pytest.fixture(scope="session")
def built_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the book once per test session, strictly (-W -n --keep-going), into a temporary folder.

    Set COURSE_BUILT_BOOK to a folder holding an existing ``_build`` (e.g. the repository root after
    ``make book``) to test that build instead of making a new one. Returns the folder holding ``_build``:
    ``_build/html`` is the site and ``_build/jupyter_execute`` holds the executed notebooks.
    Several test files share this one build, the slowest step of the suite.
    """
    reuse = os.environ.get("COURSE_BUILT_BOOK")
    if reuse:  # a developer's shortcut: test an existing build (the folder holding _build) instead
        return Path(reuse)
    out = tmp_path_factory.mktemp("book")
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jupyter_book), "build", str(ROOT), "--path-output", str(out), "-W", "-n", "--keep-going"],
        capture_output=True, text=True, timeout=2400, cwd=ROOT,
    )
    log = result.stdout + result.stderr
    (out / "build.log").write_text(log, encoding="utf-8")
    problems = [line for line in log.splitlines() if re.search(r": (WARNING|ERROR|CRITICAL):", line)]
    if result.returncode != 0 or problems:
        pytest.fail("strict book build failed:\n" + "\n".join(problems or log.splitlines()[-40:]), pytrace=False)
    return out
