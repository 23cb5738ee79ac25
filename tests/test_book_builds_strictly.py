"""The book: a strict build (warnings are errors) into a temporary directory passes, and its pages
show what readers were promised (charts, the roadmap graph, launch buttons with the right paths).

This is the slowest test: it executes every notebook and page, as `make book` does.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from course_paths import ROOT


@pytest.fixture(scope="module")
def built_html(built_book: Path) -> Path:
    return built_book / "_build" / "html"


def page(html: Path, name: str) -> str:
    return (html / f"{name}.html").read_text(encoding="utf-8")


def test_index_redirects_to_the_root_page(built_html: Path) -> None:
    assert (built_html / "index.html").exists()
    assert "book/index.html" in page(built_html, "index")


@pytest.mark.parametrize("name", ["book/guide/pay", "book/guide/ai-vs-prompt-engineer"])
def test_chart_pages_show_an_image_with_alt_text(built_html: Path, name: str) -> None:
    html = page(built_html, name)
    images = [img for img in re.findall(r"<img [^>]*>", html) if "_images/" in img]  # figures, not theme logos
    assert images, f"{name} shows no figure"
    assert all(re.search(r'alt="[^"]{20,}"', img) for img in images), f"{name}: an image lacks alt text"


def test_roadmap_page_shows_the_diagram_inline(built_html: Path) -> None:
    """The roadmap is an inline SVG (clickable nodes), not an image; tests/test_roadmap_diagram.py checks it."""
    html = page(built_html, "book/roadmap")
    assert "<svg" in html and "notebooks/01-python-for-ai" in html, "the roadmap page lost its diagram"


def test_pay_page_numbers_come_from_the_data(built_html: Path) -> None:
    text = re.sub(r"<[^>]+>", "", page(built_html, "book/guide/pay"))
    for figure in ("95,000", "140,000", "220,000", "380,000", "132,270"):
        assert figure in text
    assert "no midpoint" in text or "refuses" in text


def test_roadmap_page_links_every_existing_notebook(built_html: Path) -> None:
    html = page(built_html, "book/roadmap")
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        assert f"../notebooks/{notebook.stem}.html" in html, f"roadmap page does not link {notebook.name}"


def test_notebook_pages_carry_binder_and_colab_buttons_with_the_right_paths(built_html: Path) -> None:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    repo = config["repository"]["url"].removeprefix("https://github.com/")
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        html = page(built_html, f"notebooks/{notebook.stem}")
        assert f"https://mybinder.org/v2/gh/{repo}/main?urlpath=lab/tree/notebooks/{notebook.name}" in html
        assert f"https://colab.research.google.com/github/{repo}/blob/main/notebooks/{notebook.name}" in html
