"""The strict book build the tests share, started in the background as soon as collection ends.

The build (`jupyter-book build -W -n --keep-going`, which executes every notebook) is the slowest step of
the suite. It is a subprocess anyway, so it runs on its own core while nbval and the other tests run in
the pytest process; the ``built_book`` fixture (tests/conftest.py) waits for it and fails with the build's
warnings if it was not clean. The handle lives on the pytest config, so the root conftest (which starts
it) and tests/conftest.py (which waits for it) share one build whichever way they import this module.

When the PDF tests are selected, the LaTeX build (`make pdf`'s builder) follows the HTML build in the same
background: it runs while the pytest process is busy with the browser tests instead of after them. It
builds into a folder of its own (so it never rewrites files the HTML tests are reading) that starts with a
copy of the HTML build's execution cache, so no notebook executes again.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from course_paths import ROOT

TIMEOUT_S = 2400
PDF_TIMEOUT_S = 1800


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


@dataclass
class PdfBuild:
    out: Path
    thread: threading.Thread
    log_path: Path
    outcome: dict  # "returncode" once the LaTeX build ended; "not_started" when the HTML build failed


def start_pdf_build(config: pytest.Config, html_build: Path | None = None) -> PdfBuild:
    """Build the PDF in the background (once per session) and return its handle at once.

    ``html_build`` is a finished HTML build (the folder holding its ``_build``) to take the execution cache
    from; by default, the session's background HTML build, once it has ended cleanly.
    """
    existing = getattr(config, "_course_pdf_build", None)
    if existing is not None:
        return existing
    if html_build is None:
        book = start_book_build(config)
        source, html_ok = book.out, lambda: book.process.wait() == 0
    else:
        source, html_ok = html_build, lambda: True
    out = config._tmp_path_factory.mktemp("pdf")  # type: ignore[attr-defined]
    log_path = out / "pdf-build.log"
    outcome: dict = {}
    jupyter_book = Path(sys.executable).with_name("jupyter-book")

    def build() -> None:
        if not html_ok():  # wait_for_book reports why; a PDF of a broken book would say nothing
            outcome["not_started"] = "the HTML build failed"
            return
        # myst-nb keeps executed notebooks in _build/.jupyter_cache beside each builder's output folder.
        try:
            shutil.copytree(source / "_build" / ".jupyter_cache", out / "_build" / ".jupyter_cache")
        except OSError as error:
            outcome["not_started"] = f"could not copy the HTML build's execution cache: {error}"
            return
        with log_path.open("w", encoding="utf-8") as log:
            process = subprocess.Popen(
                [str(jupyter_book), "build", str(ROOT), "--builder", "pdflatex", "--path-output", str(out)],
                stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, text=True,
            )
            outcome["process"] = process
            try:
                outcome["returncode"] = process.wait(timeout=PDF_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                process.kill()
                outcome["returncode"] = f"killed after {PDF_TIMEOUT_S} s"

    def stop() -> None:
        process = outcome.get("process")
        if process is not None and process.poll() is None:
            process.kill()

    thread = threading.Thread(target=build, daemon=True, name="course-pdf-build")
    thread.start()
    pdf = PdfBuild(out, thread, log_path, outcome)
    config._course_pdf_build = pdf  # type: ignore[attr-defined]
    config.add_cleanup(stop)
    return pdf


def wait_for_pdf(config: pytest.Config, html_build: Path) -> Path:
    """Wait for the LaTeX build (starting it from ``html_build`` if none is running) and return its folder,
    or fail with its log."""
    pdf = start_pdf_build(config, html_build)
    pdf.thread.join(timeout=PDF_TIMEOUT_S + 60)
    if pdf.outcome.get("returncode") != 0:
        reason = pdf.outcome.get("not_started") or pdf.outcome.get("returncode", "still running")
        log = pdf.log_path.read_text(encoding="utf-8", errors="replace") if pdf.log_path.exists() else ""
        pytest.fail(f"PDF build failed ({reason}):\n" + "\n".join(log.splitlines()[-40:]), pytrace=False)
    return pdf.out / "_build" / "latex"
