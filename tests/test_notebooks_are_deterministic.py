"""Two runs of a notebook teach the same numbers.

The strict book build (tests/conftest.py: built_book) executes every notebook once; here each notebook
runs a second time with nbclient, in the same offline environment, and the text outputs of the two runs
are compared cell by cell. Cells tagged ``timing`` are exempt: they show measurements that depend on
the machine. A difference fails with the cell's source and a diff of its output.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from site_checks import output_differences

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def execute(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_second_run_prints_the_same_text(built_book: Path, path: Path) -> None:
    first = nbformat.read(built_book / "_build" / "jupyter_execute" / "notebooks" / path.name, as_version=4)
    second = execute(path)
    problems = output_differences(first, second, path.name)
    assert not problems, "\n\n".join(problems)
