"""Checks on built HTML and executed notebooks, shared by the real tests and the planted-fault tests.

Each function returns a list of human-readable problems (empty when all is well), so a test can assert
the list is empty and show every problem at once.
"""

from __future__ import annotations

import difflib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import yaml

EXTERNAL = ("http:", "https:", "mailto:", "javascript:", "data:", "tel:", "ftp:")
SKIP_PARTS = {"_static", "_sources", "_sphinx_design_static", "_images"}


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (tag, url)
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key) and (key == "id" or tag == "a"):
                self.ids.add(str(values[key]))
        if tag == "a" and values.get("href"):
            self.links.append((tag, str(values["href"])))
        if tag in ("img", "script") and values.get("src"):
            self.links.append((tag, str(values["src"])))
        if tag == "link" and values.get("href") and values.get("rel") in ("stylesheet", "icon", "preload"):
            self.links.append((tag, str(values["href"])))
        if tag == "img":
            self.images.append(values)


def _parse(page: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(page.read_text(encoding="utf-8", errors="replace"))
    return parser


def html_pages(html_root: Path) -> list[Path]:
    """Every HTML page of the site, without the theme's assets."""
    return sorted(p for p in html_root.rglob("*.html") if not SKIP_PARTS.intersection(p.relative_to(html_root).parts))


def broken_internal_links(html_root: Path) -> list[str]:
    """Internal links, images, scripts and stylesheets whose target file or #anchor does not exist."""
    parsed: dict[Path, _PageParser] = {}

    def page_info(path: Path) -> _PageParser:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    problems = []
    for page in html_pages(html_root):
        for tag, url in page_info(page).links:
            if url.startswith(EXTERNAL) or url.startswith("//"):
                continue
            parts = urlsplit(url)
            target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(html_root)}: <{tag}> {url}"
            if not target.exists():
                problems.append(f"{where} -> missing file")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in page_info(target).ids:
                problems.append(f"{where} -> no anchor #{parts.fragment} in {target.name}")
    return problems


def images_without_alt_text(html_root: Path) -> list[str]:
    """Content images (figures, plots) whose alt text is missing or empty."""
    problems = []
    for page in html_pages(html_root):
        for image in _parse(page).images:
            src = image.get("src") or ""
            if "_static/" in src:  # theme decoration (logos in buttons carry their own labels)
                continue
            if not (image.get("alt") or "").strip():
                problems.append(f"{page.relative_to(html_root)}: image {src} has no alt text")
    return problems


def text_outputs(nb: nbformat.NotebookNode) -> list[tuple[int, str, str]]:
    """(cell index, source, text output) for every code cell not tagged ``timing``."""
    result = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or "timing" in cell.metadata.get("tags", []):
            continue
        # stdout and stderr reach the kernel client on separate channels, so how their chunks interleave
        # differs between runs. Compare what the cell printed (all stdout, in order) and what it displayed;
        # stderr holds library warnings and progress bars, and an exception still shows as an error output.
        printed, shown = [], []
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                if output.name == "stdout":
                    printed.append(output.text)
            elif output.output_type in ("execute_result", "display_data"):
                shown.append(str(output.get("data", {}).get("text/plain", "")))
            elif output.output_type == "error":
                shown.append(f"[error] {output.ename}: {output.evalue}")
        pieces = ["".join(printed), *shown]
        result.append((index, cell.source, "\n".join(pieces)))
    return result


def output_differences(first: nbformat.NotebookNode, second: nbformat.NotebookNode, name: str) -> list[str]:
    """Cells whose text output differs between two runs of the same notebook, with the cell and a diff."""
    problems = []
    for (index, source, a), (_, _, b) in zip(text_outputs(first), text_outputs(second), strict=True):
        if a == b:
            continue
        lines = difflib.unified_diff(a.splitlines(), b.splitlines(), "first run", "second run", lineterm="", n=1)
        diff = "\n".join(lines)
        head = "\n".join(source.splitlines()[:6])
        problems.append(
            f"{name}, cell {index} printed different text in two runs (seed its randomness, or tag the cell "
            f"'timing' if it shows a measurement):\n--- cell source ---\n{head}\n--- diff ---\n{diff[:1500]}"
        )
    return problems



def toc_files(root: Path) -> list[str]:
    """Every file named in _toc.yml (root first), as written there: paths without extension."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    found = [toc["root"]]

    def walk(entries: list[dict]) -> None:
        for entry in entries:
            if "file" in entry:
                found.append(entry["file"])
            walk(entry.get("sections", []))

    for part in toc.get("parts", []):
        walk(part["chapters"])
    walk(toc.get("chapters", []))
    return found
