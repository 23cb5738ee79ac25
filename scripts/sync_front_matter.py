"""Write each roadmap notebook's generated cells: the front matter and, where needed, the install cell.

The title, overview, prerequisites, hours, skills and learning objectives of a notebook live in
``careerdata/data/roadmap.csv``; this script renders them (:func:`front_matter_markdown`) into the
notebook's first markdown cell so the two never disagree. A notebook that imports the course's own
packages (``careerdata``, ``coursegrader`` or ``coursemodels``) also gets, as its second cell, a cell that
installs the course from the repository named in ``_config.yml`` when the packages are missing (Colab) and
does nothing otherwise.
``--check`` changes nothing and exits 1 naming every notebook whose generated cells are stale; the test
suite runs that check.

Usage: python scripts/sync_front_matter.py [--check]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
import yaml

import careerdata
from coursegrader.files import write_text_atomically
from coursegrader.generate import INSTALL_TAG, install_cell_source

ROOT = Path(__file__).resolve().parent.parent
COURSE_IMPORTS = ("import careerdata", "from careerdata", "import coursegrader", "from coursegrader",
                  "import coursemodels", "from coursemodels")


def _notebook_link(row) -> str:
    """A link to a roadmap notebook, relative to ``notebooks/`` where every roadmap notebook lives."""
    filename = row["notebook"].rsplit("/", 1)[-1]
    return f"[{row['number']:02d} {row['title']}]({filename})"


def front_matter_markdown(topic_id: str) -> str:
    """The first markdown cell of a topic's notebook, rendered from the roadmap data."""
    frame = careerdata.roadmap()
    row = careerdata.topic(topic_id)
    skills = careerdata.load_skill_areas().set_index("skill_id")["name"]
    prereqs = ", ".join(_notebook_link(frame.loc[p]) for p in row["prerequisites"]) or "none"
    hours = row["hours"]
    hours_text = f"{hours:g} hour" + ("" if hours == 1 else "s")
    lines = [
        f"# {row['title']}",
        "",
        row["summary"],
        "",
        f"| Roadmap topic | {row['number']:02d} of {len(frame)}, {row['stage']} stage |",
        "| --- | --- |",
        f"| **Prerequisites** | {prereqs} |",
        f"| **Time to learn** | about {hours_text} |",
        f"| **Skills** | {', '.join(skills[s] for s in row['skills'])} |",
        "",
        "**Learning objectives.** By the end of this notebook you can:",
        "",
        *[f"- {objective}" for objective in row["objectives"]],
    ]
    return "\n".join(lines)


def repository_url() -> str:
    """The repository URL, kept in one place: _config.yml's ``repository.url``."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return config["repository"]["url"]


def needs_install_cell(nb: nbformat.NotebookNode) -> bool:
    return any(
        cell.cell_type == "code" and INSTALL_TAG not in cell.metadata.get("tags", [])
        and any(line.lstrip().startswith(COURSE_IMPORTS) for line in cell.source.splitlines())
        for cell in nb.cells
    )


def sync_cells(nb: nbformat.NotebookNode, topic_id: str, url: str) -> None:
    """Make the notebook's generated cells match the data (in place)."""
    wanted = front_matter_markdown(topic_id)
    if nb.cells and nb.cells[0].cell_type == "markdown":
        nb.cells[0].source = wanted
    else:
        nb.cells.insert(0, nbformat.v4.new_markdown_cell(wanted))
    has_install = len(nb.cells) > 1 and INSTALL_TAG in nb.cells[1].metadata.get("tags", [])
    if needs_install_cell(nb):
        if not has_install:
            cell = nbformat.v4.new_code_cell("", metadata={"tags": [INSTALL_TAG]})
            cell.pop("id", None)
            nb.cells.insert(1, cell)
        nb.cells[1].source = install_cell_source(url, module="careerdata")
    elif has_install:
        del nb.cells[1]


def stale_notebooks(fix: bool) -> list[str]:
    """Notebooks whose generated cells differ from the data (rewritten when ``fix`` is true)."""
    stale = []
    url = repository_url()
    for row in careerdata.roadmap().itertuples():
        path = ROOT / row.notebook
        if not path.exists():
            continue
        current = path.read_text(encoding="utf-8")
        nb = nbformat.reads(current, as_version=4)
        sync_cells(nb, row.topic_id, url)
        nbformat.validator.normalize(nb)
        text = nbformat.writes(nb) + "\n"
        if text != current:
            stale.append(row.notebook)
            if fix:
                write_text_atomically(path, text)
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale notebooks, change nothing")
    args = parser.parse_args(argv)
    stale = stale_notebooks(fix=not args.check)
    if args.check and stale:
        print("Front matter differs from careerdata's roadmap in:", *stale, sep="\n  ")
        print("Run: python scripts/sync_front_matter.py")
        return 1
    for path in stale:
        print(f"updated {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
