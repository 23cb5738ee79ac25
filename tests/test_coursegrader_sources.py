"""The exercise source format: markers, tags and metadata are parsed strictly, and mistakes name file:line."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import jupytext
import pytest
from course_paths import ROOT

from coursegrader.source import SourceError, load_all, load_exercise, parse_percent, strip_solutions

EXERCISES = load_all()


def test_there_are_at_least_three_exercises_including_career_data() -> None:
    topics = {e.topic for e in EXERCISES}
    assert len(EXERCISES) >= 3
    assert {"career-data", "python-for-ai", "linear-algebra"} <= topics
    assert any(e.solution == "instructor" for e in EXERCISES)
    assert any(e.hidden_checks for e in EXERCISES)


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_our_parser_reads_exercise_py_as_jupytext_does(exercise) -> None:
    text = (exercise.path / "exercise.py").read_text(encoding="utf-8")
    notebook = jupytext.reads(text, fmt="py:percent")
    assert [c.cell_type for c in notebook.cells] == [c.kind for c in exercise.cells]
    assert [c.source for c in notebook.cells] == [c.source for c in exercise.cells]
    assert [tuple(c.metadata.get("tags", ())) for c in notebook.cells] == [c.tags for c in exercise.cells]


def test_student_version_stubs_each_region_at_its_indentation() -> None:
    source = textwrap.dedent("""\
        def f(x):
            y = 1
            ### BEGIN SOLUTION
            return x + y
            ### END SOLUTION
        ### BEGIN SOLUTION
        top = f(1)
        ### END SOLUTION""")
    student = strip_solutions(source, "x.py", 1, student=True)
    assert student.splitlines() == [
        "def f(x):", "    y = 1", "    # YOUR CODE HERE",
        '    raise NotImplementedError("Replace this line with your code.")',
        "# YOUR CODE HERE", 'raise NotImplementedError("Replace this line with your code.")',
    ]
    solution = strip_solutions(source, "x.py", 1, student=False)
    assert "BEGIN" not in solution and "return x + y" in solution and "top = f(1)" in solution


@pytest.mark.parametrize(("source", "line", "words"), [
    ("# %%\ndef f():\n    ### BEGIN SOLUTION\n    return 1\n", 3, "never closed"),
    ("# %%\n### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION\n", 3, "nested"),
    ("# %%\nx = 1\n### END SOLUTION\n", 3, "without a"),
    ("# %%\n### BEGIN HIDDEN TESTS\n", 2, "unknown marker"),
    ("# %%\n### begin solution\n", 2, "unknown marker"),
])
def test_marker_mistakes_name_file_and_line(source: str, line: int, words: str) -> None:
    cells = parse_percent(source, "t/x/exercise.py")
    with pytest.raises(SourceError, match=rf"^t/x/exercise.py:{line}: .*{words}"):
        for cell in cells:
            strip_solutions(cell.source, "t/x/exercise.py", cell.line, student=True)


@pytest.mark.parametrize(("source", "line", "words"), [
    ('# %% tags=["soluton"]\nx = 1\n', 1, "unknown tag 'soluton'. Did you mean 'solution'"),
    ("x = 1\n# %%\n", 1, "before the first"),
    ("# %% [raw]\nx\n", 1, "unsupported cell type"),
    ("# %% [markdown]\nnot a comment\n", 2, "must start with '# '"),
])
def test_cell_mistakes_name_file_and_line(source: str, line: int, words: str) -> None:
    with pytest.raises(SourceError, match=rf"^t/x/exercise.py:{line}: .*{words}"):
        parse_percent(source, "t/x/exercise.py")


@pytest.fixture
def copy_of(tmp_path: Path):
    def make(exercise_id: str) -> Path:
        topic, slug = exercise_id.split(".")
        target = tmp_path / topic / slug
        shutil.copytree(ROOT / "exercises" / topic / slug, target)
        return target
    return make


def test_a_heading_in_the_prompt_is_refused(copy_of) -> None:
    folder = copy_of("linear-algebra.rank-k-error")
    path = folder / "exercise.py"
    path.write_text(path.read_text().replace("# %% [markdown]\n", "# %% [markdown]\n# ## A heading\n", 1))
    with pytest.raises(SourceError, match=r"exercise.py:2: no headings"):
        load_exercise(folder)


@pytest.mark.parametrize(("change", "words"), [
    (lambda f: (f / "meta.yaml").write_text((f / "meta.yaml").read_text().replace(
        "id: linear-algebra.rank-k-error", "id: linear-algebra.other")), "id must be"),
    (lambda f: (f / "checks.py").write_text((f / "checks.py").read_text() + "\n\ndef check_extra(A):\n"
                                            '    """x"""\n'), "not listed under checks"),
    (lambda f: (f / "meta.yaml").write_text((f / "meta.yaml").read_text().replace(
        "check_best_rank_k: 4", "check_best_rank_k: 0")), "points must be a positive number"),
    (lambda f: (f / "checks.py").write_text((f / "checks.py").read_text().replace(
        'def check_best_rank_k(rank_k_approximation):\n    """',
        'def check_best_rank_k(rank_k_approximation):\n    x = 1\n    """')), "needs a docstring"),
    (lambda f: (f / "meta.yaml").write_text((f / "meta.yaml").read_text().replace(
        "expects: [rank_k_approximation, predicted_error]", "expects: [rank_k_approximation]")),
     "not listed in meta.yaml expects"),
    (lambda f: (f / "mutants" / "keeps_smallest.py").write_text(
        "def rank_k_approximation(A, k):\n    return A\n"), "starts with a docstring"),
])
def test_metadata_mistakes_are_refused(copy_of, change, words) -> None:
    folder = copy_of("linear-algebra.rank-k-error")
    assert load_exercise(folder).id == "linear-algebra.rank-k-error"
    change(folder)
    with pytest.raises(SourceError, match=words):
        load_exercise(folder)
