"""Two runs of a notebook teach the same numbers.

`make test` executes every notebook twice and no more: once under nbval (the root conftest.py keeps each
cell's outputs) and once in the strict book build. Here the text outputs of the two runs are compared cell
by cell. When nbval did not run the notebook in this session (a developer running this file alone), the
notebook is executed again with nbclient instead. Cells tagged ``timing`` are exempt: they show measurements
that depend on the machine. A difference fails with the cell's source and a diff of its output.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from course_paths import ROOT
from nbclient import NotebookClient
from site_checks import output_differences

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def execute(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def nbval_run(config: pytest.Config, path: Path) -> nbformat.NotebookNode | None:
    """The notebook with the outputs nbval recorded in this session, or None if nbval did not run all of it."""
    recorded = getattr(config, "_course_nbval_outputs", {}).get(path.name)
    nb = nbformat.read(path, as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    if not recorded or set(recorded) != set(range(len(code))):
        return None
    for number, cell in enumerate(code):
        cell.outputs = [nbformat.from_dict(dict(output)) for output in recorded[number]]
    return nb


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_second_run_prints_the_same_text(request: pytest.FixtureRequest, built_book: Path, path: Path) -> None:
    first = nbformat.read(built_book / "_build" / "jupyter_execute" / "notebooks" / path.name, as_version=4)
    second = nbval_run(request.config, path) or execute(path)
    problems = output_differences(first, second, path.name)
    assert not problems, "\n\n".join(problems)
