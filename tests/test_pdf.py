"""`make pdf`: the book through Jupyter Book's LaTeX builder, with the executed notebooks' figures.

Slow (LaTeX runs several times), so it is marked ``slow`` and stays out of ``make test-fast``. It starts
from a copy of the strict HTML build's execution cache, so no notebook executes again.
Needs a TeX distribution from Debian packages (see CONTRIBUTING.md: texlive-latex-recommended, texlive-
latex-extra, texlive-fonts-recommended, texlive-xetex, latexmk, fonts-freefont-otf, lmodern); without
``latexmk`` it skips and says so.

Set ``COURSE_BUILT_PDF`` to a folder holding an existing ``_build/latex`` (for example the repository after
``make pdf``) to check that build instead of making a new one.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from book_build import wait_for_pdf
from course_paths import ROOT
from site_checks import toc_files

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("latexmk") is None and not os.environ.get("COURSE_BUILT_PDF"),
                       reason="no TeX distribution: install the Debian packages listed in CONTRIBUTING.md (make pdf)"),
]


@pytest.fixture(scope="module")
def latex_dir(request: pytest.FixtureRequest, built_book: Path) -> Path:
    """The LaTeX build, started in the background as soon as the strict HTML build ends, from a copy of that
    build's execution cache: no notebook runs a third time (nbval and the book build are the two runs
    ``make test`` allows). See tests/book_build.py."""
    reuse = os.environ.get("COURSE_BUILT_PDF")
    if reuse:
        return Path(reuse) / "_build" / "latex"
    return wait_for_pdf(request.config, built_book)


def _title(entry: str) -> str:
    """The first-level heading of a book source file, as the reader sees it."""
    for suffix in (".md", ".ipynb"):
        path = ROOT / f"{entry}{suffix}"
        if path.exists():
            break
    if path.suffix == ".ipynb":
        text = next(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
    else:
        text = path.read_text(encoding="utf-8")
    return re.search(r"^# (.+)$", text, flags=re.M).group(1).strip()


def _plain(text: str) -> str:
    """LaTeX table-of-contents text reduced to letters and digits, for a tolerant comparison."""
    text = re.sub(r"\\numberline\s*\{[^}]*\}", "", text)
    text = re.sub(r"\\[a-zA-Z]+\*?", " ", text)
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def test_pdf_exists_with_pages(latex_dir: Path) -> None:
    pdfs = sorted(latex_dir.glob("*.pdf"))
    assert pdfs, f"no PDF in {latex_dir}"
    assert pdfs[0].stat().st_size > 200_000, "the PDF is suspiciously small: are the figures missing?"


def test_pdf_page_count_matches_the_book(latex_dir: Path) -> None:
    logs = [p for p in latex_dir.glob("*.log") if "Output written on" in p.read_text(errors="replace")]
    assert logs, "no LaTeX log reports an output file"
    pages = int(re.search(r"Output written on .*?\((\d+) pages?", logs[0].read_text(errors="replace"), re.S).group(1))
    entries = toc_files(ROOT)
    # Each chapter starts on a new page, and the contents take at least one: fewer pages than chapters means
    # chapters were dropped; the upper bound catches a runaway table or figure loop.
    assert len(entries) <= pages <= 40 * len(entries), f"{pages} pages for {len(entries)} chapters"


def test_pdf_contents_list_every_chapter_of_the_book(latex_dir: Path) -> None:
    toc_file = sorted(latex_dir.glob("*.toc"))
    assert toc_file, "LaTeX wrote no table of contents"
    lines = toc_file[0].read_text(encoding="utf-8", errors="replace")
    listed = _plain(lines)
    missing = [_title(e) for e in toc_files(ROOT)[1:] if _plain(_title(e)) not in listed]
    assert not missing, "chapters missing from the PDF's table of contents:\n" + "\n".join(missing)


def test_pdf_has_the_executed_figures(latex_dir: Path) -> None:
    images = [p for p in latex_dir.iterdir() if p.suffix.lower() in {".png", ".jpg", ".pdf", ".svg"}
              and p.name not in {q.name for q in latex_dir.glob("*.pdf") if q.stat().st_size > 200_000}]
    assert len(images) >= 10, f"only {len(images)} figure files next to the LaTeX source"


def test_pdf_build_executed_no_notebook_again(latex_dir: Path) -> None:
    """Every notebook came from the HTML build's execution cache: make test runs each notebook twice at most."""
    log_path = latex_dir.parent.parent / "pdf.log"
    if not log_path.exists():
        pytest.skip("a reused PDF build (COURSE_BUILT_PDF) has no build log to read")
    log = log_path.read_text(encoding="utf-8", errors="replace")
    assert "Executed notebook in" not in log, "the PDF build executed a notebook instead of using the cache"
    notebooks = len(list((ROOT / "notebooks").glob("*.ipynb")))
    assert log.count("Using cached notebook") >= notebooks, "the PDF build did not take the notebooks from the cache"
