"""The built site: internal links and anchors resolve, figures carry alt text, charts use a colour-blind-safe
palette. Offline: these read the HTML files of the strict build (tests/conftest.py: built_book)."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import nbformat
import pytest
from site_checks import broken_internal_links, html_pages, images_without_alt_text

from careerdata.plots import PALETTE


@pytest.fixture(scope="module")
def html(built_book: Path) -> Path:
    return built_book / "_build" / "html"


def test_site_has_pages(html: Path) -> None:
    assert len(html_pages(html)) >= 20


def test_every_internal_link_and_anchor_resolves(html: Path) -> None:
    problems = broken_internal_links(html)
    assert not problems, "broken internal links:\n" + "\n".join(problems[:50])


def test_every_figure_has_alt_text(html: Path) -> None:
    problems = images_without_alt_text(html)
    assert not problems, "\n".join(problems[:50])


def test_chart_palette_is_colour_blind_safe() -> None:
    cycle = [c["color"].upper() for c in plt.style.library["tableau-colorblind10"]["axes.prop_cycle"]]
    assert [c.upper() for c in PALETTE] == cycle


def test_notebooks_use_the_colour_blind_safe_style(root: Path) -> None:
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        code = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        assert 'plt.style.use("tableau-colorblind10")' in code, f"{path.name} does not use the colour-blind-safe style"


def test_planner_page_carries_the_roadmap_and_skills_exported_from_careerdata(html: Path) -> None:
    import json
    import re

    import careerdata

    page = (html / "book" / "planner.html").read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="course-planner-data">(.*?)</script>', page, re.S)
    assert match, "the planner page carries no data"
    data = json.loads(match.group(1))
    topics = careerdata.roadmap()
    assert [t["id"] for t in data["topics"]] == list(topics.index)
    for t in data["topics"]:
        row = topics.loc[t["id"]]
        assert t["hours"] == float(row["hours"]) and t["skills"] == list(row["skills"])
        assert t["prerequisites"] == list(row["prerequisites"]) and t["number"] == int(row["number"])
    assert [s["id"] for s in data["skills"]] == list(careerdata.load_skill_areas()["skill_id"])
    assert "course-planner.js" in page


def test_roadmap_page_has_a_node_for_every_topic(html: Path) -> None:
    import careerdata

    page = (html / "book" / "roadmap.html").read_text(encoding="utf-8")
    assert page.count('class="node"') == len(careerdata.roadmap())
    assert "left to right" not in page.lower()
