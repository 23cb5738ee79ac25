"""Every roadmap notebook's checks can fail: its planted breaks (notebook mutants) are each caught.

`make mutants` runs every mutant of every notebook (scripts/mutants.py; minutes, so a scheduled workflow
runs it too). Here: every roadmap notebook has a valid mutants file (at least three breaks, each `find`
occurring exactly once, so a mutant cannot silently stop applying after an edit); the runner itself tells
caught from survived and crashed on a small notebook made for the purpose; and a fast subset of the real
mutants runs in `make test`.
"""

from __future__ import annotations

import concurrent.futures
import sys
from pathlib import Path

import nbformat
import pytest
from course_paths import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import mutants

# Quick notebooks whose first mutant runs inside `make test`; the rest run in `make mutants`.
FAST_SUBSET = ("02-python-and-cpp.ipynb", "04-calculus-autodiff.ipynb", "18-career-data.ipynb")


@pytest.mark.parametrize("notebook", mutants.roadmap_notebooks(), ids=lambda p: p.name)
def test_every_roadmap_notebook_has_valid_mutants(notebook: Path) -> None:
    found = mutants.load_mutants(notebook)  # raises MutantFileError naming the problem
    assert len(found) >= mutants.MINIMUM_PER_NOTEBOOK
    assert all(m.description for m in found), "every mutant says what it breaks"


@pytest.fixture
def toy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A two-cell notebook: a mean, and a check on it."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("values = [1, 2, 3, 6]\nmean = sum(values) / len(values)"),
                nbformat.v4.new_code_cell("assert mean == 3, mean")]
    path = tmp_path / "01-toy.ipynb"
    nbformat.write(nb, path)
    path.with_name("01-toy.mutants.yaml").write_text(
        "- {name: off-by-one, break: divides by one too many, find: '/ len(values)', replace: '/ (len(values) + 1)'}\n"
        "- {name: harmless, break: renames nothing that matters, find: 'values = [1, 2, 3, 6]', "
        "replace: 'values = [6, 3, 2, 1]'}\n"
        "- {name: crash, break: a typo, find: 'mean = sum', replace: 'mean = summ'}\n",
        encoding="utf-8")
    monkeypatch.setattr(mutants, "NOTEBOOKS", tmp_path)
    return path


@pytest.mark.slow
def test_the_runner_tells_caught_from_survived_and_crashed(toy: Path) -> None:
    outcomes = {m.name: mutants.run_mutant(m) for m in mutants.load_mutants(toy)}
    assert outcomes["off-by-one"].status == "caught"
    assert "assert mean == 3" in outcomes["off-by-one"].detail
    assert outcomes["harmless"].status == "survived"
    assert outcomes["crash"].status == "crashed" and "NameError" in outcomes["crash"].detail


def test_a_find_that_no_longer_matches_is_an_error(toy: Path) -> None:
    text = toy.with_name("01-toy.mutants.yaml").read_text(encoding="utf-8")
    toy.with_name("01-toy.mutants.yaml").write_text(text.replace("/ len(values)'", "/ length'"), encoding="utf-8")
    with pytest.raises(mutants.MutantFileError, match="occurs 0 times"):
        mutants.load_mutants(toy)


@pytest.mark.slow
def test_a_fast_subset_of_the_real_mutants_is_caught() -> None:
    chosen = [mutants.load_mutants(ROOT / "notebooks" / name)[0] for name in FAST_SUBSET]
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(mutants.run_mutant, chosen))
    escaped = [f"{o.notebook} {o.name}: {o.status} ({o.detail})" for o in outcomes if o.status != "caught"]
    assert not escaped, "planted breaks that no check caught:\n" + "\n".join(escaped)
