"""The strict book build the tests share, started in the background as soon as collection ends.

The build (`jupyter-book build -W -n --keep-going`, which executes every notebook) is the slowest step of
the suite. It is a subprocess anyway, so it runs on its own core while nbval and the other tests run in
the pytest process; the ``built_book`` fixture (tests/conftest.py) waits for it and fails with the build's
warnings if it was not clean. The handle lives on the pytest config, so the root conftest (which starts
it) and tests/conftest.py (which waits for it) share one build whichever way they import this module.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from course_paths import ROOT

TIMEOUT_S = 2400


@dataclass
class BookBuild:
    out: Path
    process: subprocess.Popen
    log_path: Path


def start_book_build(config: pytest.Config) -> BookBuild:
    """Start the strict build into a fresh temporary folder (once per session) and return its handle."""
    existing = getattr(config, "_course_book_build", None)
    if existing is not None:
        return existing
    out = config._tmp_path_factory.mktemp("book")  # type: ignore[attr-defined]
    log_path = out / "build.log"
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [str(jupyter_book), "build", str(ROOT), "--path-output", str(out), "-W", "-n", "--keep-going"],
            stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, text=True,
        )
    build = BookBuild(out, process, log_path)
    config._course_book_build = build  # type: ignore[attr-defined]
    config.add_cleanup(lambda: process.poll() is None and process.kill())
    return build


def wait_for_book(config: pytest.Config) -> Path:
    """Wait for the build (starting it if nothing has); fail with its warnings unless it was clean."""
    build = start_book_build(config)
    try:
        returncode = build.process.wait(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        build.process.kill()
        pytest.fail(f"the book build took longer than {TIMEOUT_S} s", pytrace=False)
    log = build.log_path.read_text(encoding="utf-8", errors="replace")
    problems = [line for line in log.splitlines() if re.search(r": (WARNING|ERROR|CRITICAL):", line)]
    if returncode != 0 or problems:
        pytest.fail("strict book build failed:\n" + "\n".join(problems or log.splitlines()[-40:]), pytrace=False)
    return build.out
