"""The clickable roadmap (issue 17): Graphviz's SVG drawn from careerdata's roadmap.

Every topic is a box with its full label, coloured by stage from the colour-blind-safe palette, linked to
its notebook page when one is given; no edge passes through a box it does not start or end at. Needs
Graphviz's ``dot`` (Debian ``graphviz``); without it these tests skip and say so.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest

import careerdata
from careerdata import plots

pytestmark = pytest.mark.skipif(shutil.which("dot") is None,
                                reason="Graphviz's dot not found: apt-get install graphviz")
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


@pytest.fixture(scope="module")
def links() -> dict[str, str]:
    topics = careerdata.roadmap()
    return {t: f"../{nb.removesuffix('.ipynb')}.html" for t, nb in topics["notebook"].items()}


@pytest.fixture(scope="module")
def svg(links: dict[str, str]) -> ET.Element:
    return ET.fromstring(plots.roadmap_svg(links))


def _nodes(svg: ET.Element) -> dict[str, ET.Element]:
    return {g.find(f"{SVG}title").text: g for g in svg.iter(f"{SVG}g") if g.get("class") == "node"}


def _points(d: str) -> list[tuple[float, float]]:
    numbers = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", d)]
    return list(zip(numbers[::2], numbers[1::2], strict=False))


def _box(node: ET.Element) -> tuple[float, float, float, float]:
    shape = node.find(f".//{SVG}path") if node.find(f".//{SVG}path") is not None else node.find(f".//{SVG}polygon")
    points = _points(shape.get("d") or shape.get("points"))
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _bezier_samples(d: str, steps: int = 24) -> list[tuple[float, float]]:
    """Points along an SVG path of the form 'M p0 C p1 p2 p3 [p4 p5 p6 ...]' (what dot writes for edges)."""
    points = _points(d)
    samples = []
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i:i + 4]
        for k in range(steps + 1):
            t = k / steps
            a, b, c, e = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3
            samples.append((a * p0[0] + b * p1[0] + c * p2[0] + e * p3[0],
                            a * p0[1] + b * p1[1] + c * p2[1] + e * p3[1]))
    return samples


def test_every_topic_is_a_node_with_its_full_label(svg: ET.Element) -> None:
    topics = careerdata.roadmap()
    nodes = _nodes(svg)
    assert set(nodes) == set(topics.index), "the diagram and the roadmap data list different topics"
    for topic_id, node in nodes.items():
        text = " ".join(t.text or "" for t in node.iter(f"{SVG}text"))
        row = topics.loc[topic_id]
        assert text == f"{row['number']:02d} {row['title']}", f"{topic_id}: label {text!r} is not the full title"
        assert "…" not in text and "..." not in text


def test_every_node_links_to_its_notebook_page(svg: ET.Element, links: dict[str, str]) -> None:
    for topic_id, node in _nodes(svg).items():
        anchor = node.find(f".//{SVG}a")
        assert anchor is not None, f"{topic_id}: no link"
        assert anchor.get(f"{XLINK}href") == links[topic_id]
        assert anchor.get(f"{XLINK}title"), f"{topic_id}: the link has no accessible title"


def test_every_prerequisite_is_an_edge(svg: ET.Element) -> None:
    topics = careerdata.roadmap()
    edges = {g.find(f"{SVG}title").text.replace("&#45;", "-") for g in svg.iter(f"{SVG}g") if g.get("class") == "edge"}
    expected = {f"{p}->{t}" for t, row in topics.iterrows() for p in row["prerequisites"]}
    assert edges == expected


def test_stages_use_the_colour_blind_safe_palette_with_readable_text(svg: ET.Element) -> None:
    topics = careerdata.roadmap()
    colours = plots.stage_colours()
    assert len({fill for fill, _ in colours.values()}) == len(colours), "two stages share a colour"
    for topic_id, node in _nodes(svg).items():
        fill, text = colours[topics.at[topic_id, "stage"]]
        assert fill in plots.PALETTE
        shape = node.find(f".//{SVG}path") if node.find(f".//{SVG}path") is not None else node.find(f".//{SVG}polygon")
        assert shape.get("fill").upper() == fill.upper(), topic_id
        assert all(t.get("fill", "#000000").upper() == text for t in node.iter(f"{SVG}text")), topic_id


def test_no_edge_passes_through_a_box_it_does_not_join(svg: ET.Element) -> None:
    boxes = {topic_id: _box(node) for topic_id, node in _nodes(svg).items()}
    problems = []
    for group in svg.iter(f"{SVG}g"):
        if group.get("class") != "edge":
            continue
        source, target = group.find(f"{SVG}title").text.replace("&#45;", "-").split("->")
        path = group.find(f"{SVG}path")
        for x, y in _bezier_samples(path.get("d")):
            for topic_id, (x0, y0, x1, y1) in boxes.items():
                if topic_id in (source, target):
                    continue
                if x0 + 1 < x < x1 - 1 and y0 + 1 < y < y1 - 1:
                    problems.append(f"edge {source}->{target} passes through {topic_id}")
                    break
    assert not problems, "\n".join(sorted(set(problems)))


def test_dot_source_has_no_unlinked_topic_when_every_notebook_is_linked(links: dict[str, str]) -> None:
    dot = plots.roadmap_dot(links)
    assert dot.count("URL=") == len(careerdata.roadmap())
    assert "rankdir=TB" in dot
