"""Repository-wide pytest set-up, shared by the notebook tests (nbval) and tests/.

Every kernel and subprocess the tests start runs with outbound network refused: tests/offline is put first
on PYTHONPATH, where its sitecustomize.py guards socket connections, and each refused attempt is logged. After
each notebook, the log is checked, so a notebook that reaches for the network fails even if it catches the
error.

Speed: `make test` executes each notebook twice, no more. nbval runs it once (its outputs are kept on the
config), and the strict book build runs it a second time; the determinism test compares the two.
The book build is a subprocess started as soon as collection ends, so it runs on the second core while
nbval and the other tests run on the first; the tests that need the book are moved to the end of the run
(tests/conftest.py: built_book waits for it). The PDF build and the browser's walk over every page follow
the HTML build in the same background lane, then `coursegrader validate -j 2` (tests/book_build.py). Tests that
execute notebooks, build the book or drive a browser are marked ``slow``; `make test-fast` skips them.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
OFFLINE = ROOT / "tests" / "offline"
ATTEMPTS = pytest.StashKey[list]()
OWN_LOG = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    if "COURSE_NETWORK_LOG" not in os.environ:  # a test that runs pytest inside pytest brings its own
        # One log per test session, so two sessions running at once never blame each other.
        handle, log = tempfile.mkstemp(prefix="course-network-", suffix=".log")
        os.close(handle)
        os.environ["COURSE_NETWORK_LOG"] = log
        config.stash[OWN_LOG] = log
    paths = [str(OFFLINE), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    # Unset MPLBACKEND: kernels must keep matplotlib's inline backend, or plt.show() draws nothing
    # and the book loses its figures (tests/test_book_builds_strictly.py catches that).
    os.environ.pop("MPLBACKEND", None)


def pytest_unconfigure(config: pytest.Config) -> None:
    log = config.stash.get(OWN_LOG, None)
    if log:
        Path(log).unlink(missing_ok=True)
        os.environ.pop("COURSE_NETWORK_LOG", None)


SLOW_FIXTURES = {"built_book", "built_html", "browser", "page"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark as slow whatever executes notebooks, builds the book or drives a browser; run what needs the
    book, then what needs two cores, last.

    The book build runs in the background from the end of collection (tests/book_build.py). Every test that
    does not need it runs first, notebooks included, so the pytest process has work while the build runs on
    the other core instead of waiting for it. The sort is stable: within each group the order is unchanged.
    """
    for item in items:
        path = str(item.fspath)
        if path.endswith(".ipynb") or SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    items.sort(key=_run_order)


def _run_order(item: pytest.Item) -> int:
    """0: tests that need neither the book nor two cores (nbval first); 1: tests that need the book; 2: tests
    marked ``two_cores`` (the canary-leak batch, graded with -j 2), which go last: by then the background
    lane has ended, so their second process has a core of its own instead of competing with the lane's
    jobs while the first core later sits idle."""
    if item.get_closest_marker("two_cores"):
        return 2
    return 1 if "built_book" in getattr(item, "fixturenames", ()) else 0


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the book build in the background when a selected test will need it."""
    if session.config.option.collectonly:
        return
    if os.environ.get("COURSE_BUILT_BOOK"):
        return
    if any("built_book" in getattr(item, "fixturenames", ()) for item in session.items):
        sys.path.insert(0, str(ROOT / "tests"))
        from book_build import start_book_build, start_browser_walk, start_exercise_validation, start_pdf_build
        from browser_walk import chromium

        start_book_build(session.config)
        wanted = set().union(*(getattr(item, "fixturenames", ()) for item in session.items))
        # The background lane: these follow the HTML build, on the core it frees.
        if "latex_dir" in wanted and shutil.which("latexmk") and not os.environ.get("COURSE_BUILT_PDF"):
            start_pdf_build(session.config)
        if "walk" in wanted and chromium():
            start_browser_walk(session.config)
        if "exercise_validation" in wanted:  # behind the jobs above, in the same background lane
            start_exercise_validation(session.config)


# Skip reasons that mean "a Debian package is missing". Where `make system-deps` ran (CI sets
# COURSE_REQUIRE_SYSTEM=1), such a skip would hide a whole capability, so it fails instead.
SYSTEM_SKIP_PHRASES = ("bubblewrap", "Chromium not found", "axe-core not installed", "no TeX distribution",
                       "Graphviz")


def network_attempts() -> list[str]:
    log = Path(os.environ["COURSE_NETWORK_LOG"])
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item):  # type: ignore[no-untyped-def]
    """Remember the network attempts a notebook cell made while it ran."""
    if not str(item.fspath).endswith(".ipynb"):
        yield
        return
    before = len(network_attempts())
    yield
    item.stash[ATTEMPTS] = network_attempts()[before:]
    outputs = getattr(item, "test_outputs", None)
    cell_num = getattr(item, "cell_num", None)
    if outputs is not None and cell_num is not None:
        # notebook file name -> {code-cell number: outputs}; the determinism test compares them with the book's.
        kept = item.config.__dict__.setdefault("_course_nbval_outputs", {})
        kept.setdefault(Path(str(item.fspath)).name, {})[cell_num] = list(outputs)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):  # type: ignore[no-untyped-def]
    """Fail a notebook cell that made a network attempt, naming the notebook and the address."""
    outcome = yield
    attempts = item.stash.get(ATTEMPTS, [])
    report = outcome.get_result()
    if report.skipped and os.environ.get("COURSE_REQUIRE_SYSTEM") == "1":
        reason = str(report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr)
        if any(phrase in reason for phrase in SYSTEM_SKIP_PHRASES):
            report.outcome = "failed"
            report.longrepr = (f"skipped for a missing system dependency, which COURSE_REQUIRE_SYSTEM=1 (CI) "
                               f"forbids: {reason}\nRun `make system-deps` as root.")
    if call.when == "call" and attempts and report.passed:
        report.outcome = "failed"
        report.longrepr = (
            f"{Path(str(item.fspath)).name} tried to use the network while running offline:\n  "
            + "\n  ".join(attempts)
            + "\nThe course must run without network access: generate or ship the data instead."
        )
