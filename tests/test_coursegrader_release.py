"""Releasing the example assignment gives notebooks that open in Jupyter and whose check(...) cell prints one
line per public check; the student-side check() says ✓ for a right answer and ✗ with a reason otherwise."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from course_paths import ROOT
from nbclient import NotebookClient

from coursegrader import check
from coursegrader.assignment import load_assignment, nbgitpuller_link
from coursegrader.source import find

EXAMPLE = ROOT / "assignments" / "example.yaml"


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("release")
    done = subprocess.run([sys.executable, "-m", "coursegrader", "release", "--assignment", str(EXAMPLE),
                           "--out", str(out / "student"), "--key", str(out / "key")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return out


def test_the_example_assignment_picks_at_least_three_exercises_with_points() -> None:
    assignment = load_assignment(EXAMPLE)
    assert len(assignment.items) >= 3 and assignment.points == sum(i.points for i in assignment.items)
    assert any(item.exercise.solution == "instructor" for item in assignment.items)


def test_release_writes_student_notebooks_that_open_and_keeps_the_key_apart(released: Path) -> None:
    assignment = load_assignment(EXAMPLE)
    names = sorted(p.name for p in (released / "student").iterdir())
    assert names == sorted([f"{i.exercise.id}.ipynb" for i in assignment.items] + ["README.md"])
    for item in assignment.items:
        student = nbformat.read(released / "student" / f"{item.exercise.id}.ipynb", as_version=4)
        nbformat.validate(student)
        assert student.cells[-1].source.endswith(f'check("{item.exercise.id}")')
        text = (released / "student" / f"{item.exercise.id}.ipynb").read_text(encoding="utf-8")
        assert "NotImplementedError" in text and "BEGIN SOLUTION" not in text
        key = nbformat.read(released / "key" / f"{item.exercise.id}.ipynb", as_version=4)
        nbformat.validate(key)
        assert "NotImplementedError" not in "".join(c.source for c in key.cells if c.cell_type == "code")


def test_a_released_notebook_runs_in_jupyter_and_its_check_cell_prints_one_line_per_public_check(
        released: Path, monkeypatch) -> None:
    exercise = find("python-for-ai.pairwise-distances")
    path = released / "student" / f"{exercise.id}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    client = NotebookClient(notebook, timeout=120, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    outputs = notebook.cells[-1].outputs
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    lines = text.splitlines()
    assert len(lines) == len(exercise.public_checks), text
    for line, public in zip(lines, exercise.public_checks, strict=True):
        assert line.startswith(f"✗ {public.description.rstrip('.')}: not answered yet"), line


def reference_namespace(exercise_id: str) -> dict:
    namespace: dict = {"__name__": "__main__"}
    exercise = find(exercise_id)
    for kind, source, _tags in exercise.solution_cells(instructor=False):
        if kind == "code":
            exec(compile(source, "<reference>", "exec"), namespace)
    return namespace


@pytest.mark.parametrize("exercise_id", ["python-for-ai.pairwise-distances", "linear-algebra.rank-k-error",
                                         "career-data.salary-band-width"])
def test_check_prints_a_tick_per_public_check_for_the_reference(exercise_id: str, capsys) -> None:
    namespace = reference_namespace(exercise_id)
    capsys.readouterr()
    check(exercise_id, namespace)
    lines = capsys.readouterr().out.splitlines()
    assert [line[0] for line in lines] == ["✓"] * len(find(exercise_id).public_checks), lines


def test_check_explains_a_wrong_answer_in_plain_words(capsys) -> None:
    namespace = {"pairwise_distances": lambda X, Y: None}
    check("python-for-ai.pairwise-distances", namespace)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and all(line.startswith("✗") for line in lines)
    assert "returned None: did you forget `return`?" in lines[0]
    check("python-for-ai.pairwise-distances", {})
    assert "`pairwise_distances` is not defined" in capsys.readouterr().out


def test_check_names_close_ids_for_a_typo() -> None:
    with pytest.raises(ValueError, match=re.escape("Did you mean 'python-for-ai.pairwise-distances'")):
        check("python-for-ai.pairwise-distance", {})


def test_nbgitpuller_link_opens_the_notebook_in_jupyterlab() -> None:
    link = nbgitpuller_link("https://hub.example.edu", "https://github.com/me/week1.git", "main", "a.ipynb")
    assert link == ("https://hub.example.edu/hub/user-redirect/git-pull"
                    "?repo=https%3A%2F%2Fgithub.com%2Fme%2Fweek1.git&branch=main"
                    "&urlpath=lab%2Ftree%2Fweek1%2Fa.ipynb")
