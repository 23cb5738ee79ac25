"""The strict book build the tests share, started in the background as soon as collection ends.

The build (`jupyter-book build -W -n --keep-going`, which executes every notebook) is the slowest step of
the suite. It is a subprocess anyway, so it runs on its own core while nbval and the other tests run in
the pytest process; the ``built_book`` fixture (tests/conftest.py) waits for it and fails with the build's
warnings if it was not clean. The handle lives on the pytest config, so the root conftest (which starts
it) and tests/conftest.py (which waits for it) share one build whichever way they import this module.

Two jobs follow the HTML build in the same background, each in a folder of its own, while the pytest
process goes on with the tests that do not need the book:
- when the PDF tests are selected, the LaTeX build (`make pdf`'s builder), which starts from a copy of the
  HTML build's execution cache, so no notebook executes again;
- when the browser tests are selected, the walk over every page in Chromium (tests/browser_walk.py).
Last in that lane comes `coursegrader validate -j 2` when its test is selected: it needs no book, but it
is two processes of work that the pytest process would otherwise do at the end of the run with the
background idle.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from course_paths import ROOT

TIMEOUT_S = 2400
PDF_TIMEOUT_S = 1800
WALK_TIMEOUT_S = 900
VALIDATE_TIMEOUT_S = 900


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
class FollowUp:
    """A job of the background lane (a thread that waits, then a subprocess), started when the HTML build
    has ended: the PDF build and the browser walk (both only after a clean build), then the exercise
    validation."""

    out: Path
    thread: threading.Thread
    log_path: Path
    outcome: dict  # "returncode" once the job ended; "not_started" with the reason when it could not start


def _follow_html_build(config: pytest.Config, name: str, html_build: Path | None, timeout_s: int,
                       command: Callable[[Path, Path], list[str]],
                       prepare: Callable[[Path, Path], None] = lambda source, out: None,
                       needs_the_book: bool = True, after: Sequence[FollowUp] = ()) -> FollowUp:
    """Run ``command(source, out)`` in the background once per session, after the HTML build.

    ``source`` is the folder holding the finished HTML build's ``_build``: ``html_build`` when given
    (nothing to wait for), else the session's background build once it has ended cleanly. ``out`` is a
    fresh temporary folder of the job's own; ``prepare`` runs first and may raise OSError. A job that does
    not read the book (``needs_the_book=False``) still queues behind the build, whatever its outcome, and
    behind the jobs in ``after``: the background is one lane, on the core the pytest process leaves free.
    """
    existing = getattr(config, f"_course_{name}", None)
    if existing is not None:
        return existing
    if html_build is None:
        book = start_book_build(config)
        source, html_ok = book.out, lambda: book.process.wait() == 0
    else:
        source, html_ok = html_build, lambda: True
    out = config._tmp_path_factory.mktemp(name)  # type: ignore[attr-defined]
    log_path = out / f"{name}.log"
    outcome: dict = {}

    def run() -> None:
        if not html_ok() and needs_the_book:  # wait_for_book reports why; checking a broken book says nothing
            outcome["not_started"] = "the HTML build failed"
            return
        for job in after:
            job.thread.join()
        try:
            prepare(source, out)
        except OSError as error:
            outcome["not_started"] = str(error)
            return
        with log_path.open("w", encoding="utf-8") as log:
            process = subprocess.Popen(command(source, out), stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
                                       text=True)
            outcome["process"] = process
            try:
                outcome["returncode"] = process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                process.kill()
                outcome["returncode"] = f"killed after {timeout_s} s"

    def stop() -> None:
        process = outcome.get("process")
        if process is not None and process.poll() is None:
            process.kill()

    thread = threading.Thread(target=run, daemon=True, name=f"course-{name}")
    thread.start()
    job = FollowUp(out, thread, log_path, outcome)
    setattr(config, f"_course_{name}", job)
    config.add_cleanup(stop)
    return job


def background_pids(config: pytest.Config) -> set[str]:
    """Process ids of the background lane's running jobs, for tests that count this process's children."""
    jobs = [getattr(config, name, None) for name in ("_course_pdf", "_course_walk", "_course_validate")]
    processes = [job.outcome.get("process") for job in jobs if job is not None]
    book = getattr(config, "_course_book_build", None)
    return {str(p.pid) for p in [*processes, book and book.process] if p is not None and p.poll() is None}


def _wait_for(job: FollowUp, what: str, timeout_s: int) -> None:
    """Wait for ``job``; fail the test with the end of its log unless it succeeded."""
    job.thread.join(timeout=timeout_s + 60)
    if job.outcome.get("returncode") != 0:
        reason = job.outcome.get("not_started") or job.outcome.get("returncode", "still running")
        log = job.log_path.read_text(encoding="utf-8", errors="replace") if job.log_path.exists() else ""
        pytest.fail(f"{what} failed ({reason}):\n" + "\n".join(log.splitlines()[-40:]), pytrace=False)


def _copy_execution_cache(source: Path, out: Path) -> None:
    # myst-nb keeps executed notebooks in _build/.jupyter_cache beside each builder's output folder.
    try:
        shutil.copytree(source / "_build" / ".jupyter_cache", out / "_build" / ".jupyter_cache")
    except OSError as error:
        raise OSError(f"could not copy the HTML build's execution cache: {error}") from error


def start_pdf_build(config: pytest.Config, html_build: Path | None = None) -> FollowUp:
    """Build the PDF in the background (once per session) after the HTML build; return its handle at once.

    It starts from a copy of the HTML build's execution cache, so no notebook executes again.
    """
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    return _follow_html_build(
        config, "pdf", html_build, PDF_TIMEOUT_S,
        lambda source, out: [str(jupyter_book), "build", str(ROOT), "--builder", "pdflatex", "--path-output",
                             str(out)],
        prepare=_copy_execution_cache)


def wait_for_pdf(config: pytest.Config, html_build: Path) -> Path:
    """Wait for the LaTeX build (starting it from ``html_build`` if none is running) and return its folder,
    or fail with its log."""
    pdf = start_pdf_build(config, html_build)
    _wait_for(pdf, "PDF build", PDF_TIMEOUT_S)
    return pdf.out / "_build" / "latex"


def start_browser_walk(config: pytest.Config, html_build: Path | None = None) -> FollowUp:
    """Walk every page of the built site in Chromium (tests/browser_walk.py) in the background, once per
    session, after the HTML build; return its handle at once."""
    script = Path(__file__).with_name("browser_walk.py")
    return _follow_html_build(
        config, "walk", html_build, WALK_TIMEOUT_S,
        lambda source, out: [sys.executable, str(script), str(source / "_build" / "html"), str(out / "walk.json")])


def wait_for_browser_walk(config: pytest.Config, html_build: Path) -> dict[str, dict]:
    """Wait for the walk (starting it over ``html_build`` if none is running) and return what it found per
    page, or fail with its log."""
    walk = start_browser_walk(config, html_build)
    _wait_for(walk, "browser walk", WALK_TIMEOUT_S)
    return json.loads((walk.out / "walk.json").read_text(encoding="utf-8"))


def start_exercise_validation(config: pytest.Config) -> FollowUp:
    """Run `coursegrader validate -j 2` (every exercise's reference, blank and mutants) in the background,
    once per session, behind the book build and the jobs that follow it; return its handle at once.

    It does not need the book. It queues in the background lane because the pytest process's own tests
    would otherwise end with it alone on both cores while nothing else runs: started last in the lane, it
    runs while the pytest process is busy with the book's tests.
    """
    after = [job for job in (getattr(config, "_course_pdf", None), getattr(config, "_course_walk", None)) if job]
    return _follow_html_build(
        config, "validate", None, VALIDATE_TIMEOUT_S,
        lambda source, out: [sys.executable, "-m", "coursegrader", "validate", "-j", "2"],
        needs_the_book=False, after=after)


def exercise_validation_output(config: pytest.Config) -> str | None:
    """The output of the background validation, once it has succeeded (failing the test with its log if it
    did not); None when this session started none."""
    job = getattr(config, "_course_validate", None)
    if job is None:
        return None
    _wait_for(job, "exercise validation", VALIDATE_TIMEOUT_S)
    return job.log_path.read_text(encoding="utf-8", errors="replace")
