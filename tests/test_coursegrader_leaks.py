"""No solution text and no hidden check source reaches students.

A canary string is planted in every solution region, every solution and instructor cell, and every hidden
check of a copy of all exercises. Then everything students can see is produced from that copy (student
notebooks, the release folder, feedback and Gradescope files from a graded batch, the book page of the
instructor-only exercise) and searched for the canaries. The solution key and public solutions must still
contain the solution canary, which proves the search would have found a leak.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml
from course_paths import ROOT

from coursegrader.generate import generated_files, scan
from coursegrader.source import SOLUTION_BEGIN, load_all

# About 25 s: releases and grades every exercise for three students, with grade -j 2.
pytestmark = [pytest.mark.slow, pytest.mark.two_cores]

SOLUTION_CANARY = "CANARY-SOLUTION-7f3a9c"
HIDDEN_CANARY = "CANARY-HIDDEN-5be21d"


def plant(root: Path) -> None:
    """Put the canaries in every secret place of the exercise sources under ``root``."""
    for path in root.glob("*/*/exercise.py"):
        out, in_secret_cell = [], False
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# %%"):
                in_secret_cell = bool(re.search(r'tags=\[.*"(solution|instructor)"', line))
                out.append(line)
                if in_secret_cell:
                    out.append(f"# {SOLUTION_CANARY}")  # a markdown line or a comment, by cell type
                continue
            out.append(line)
            if line.strip() == SOLUTION_BEGIN:
                indent = line[: len(line) - len(line.lstrip())]
                out.append(f"{indent}# {SOLUTION_CANARY}")
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
    for path in root.glob("*/*/hidden_checks.py"):
        text = re.sub(r"^(def check_\w+\(.*\):\n    \"\"\".*\"\"\"\n)", rf"\1    # {HIDDEN_CANARY}\n",
                      path.read_text(encoding="utf-8"), flags=re.MULTILINE)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> dict:
    from coursegrader import isolation

    if not isolation.probe().available:
        pytest.skip(f"bubblewrap cannot run here: {isolation.probe().reason}")
    base = tmp_path_factory.mktemp("canary")
    root = base / "exercises"
    for exercise in load_all():
        shutil.copytree(exercise.path, root / exercise.topic / exercise.slug)
    plant(root)
    exercises = load_all(root)
    regions = sum(len(e.solution_regions()) for e in exercises)
    assert regions and all(SOLUTION_CANARY in r for e in exercises for r in e.solution_regions())
    assert all(e.hidden_checks_source.count(HIDDEN_CANARY) == len(e.hidden_checks) for e in exercises)

    generated = base / "generated"
    for path, text in generated_files(root, ROOT).items():
        (generated / path).parent.mkdir(parents=True, exist_ok=True)
        (generated / path).write_text(text, encoding="utf-8")

    ids = [e.id for e in exercises]
    (base / "all.yaml").write_text(yaml.safe_dump({"name": "all", "exercises": [{"id": i} for i in ids]}))

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "coursegrader", "--exercises", str(root), *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=300)

    released = cli("release", "--assignment", str(base / "all.yaml"), "--out", str(base / "release"),
                   "--key", str(base / "key"))
    assert released.returncode == 0, released.stderr
    # A class that hands in the released notebooks: untouched, broken, and one that hunts for the key.
    submissions = base / "submissions"
    for student in ("untouched", "broken", "snoop"):
        (submissions / student).mkdir(parents=True)
        for notebook in (base / "release").glob("*.ipynb"):
            text = notebook.read_text(encoding="utf-8")
            if student == "broken":
                text = text.replace("raise NotImplementedError(", "raise RuntimeError(")
            if student == "snoop":
                # Looks for the canaries where the instructor keeps them (the sources, the key) and puts what it
                # finds into a cell error, which the feedback quotes: only isolation stops this.
                snoop = nbformat.reads(text, as_version=4)
                hunt = (f"import glob\nfound = [line for pattern in ({str(root)!r}, {str(base)!r}) for path in "
                        "glob.glob(pattern + '/**/*', recursive=True) if path.endswith(('.py', '.ipynb'))\n"
                        "         for line in open(path, errors='replace') if 'CANARY' in line]\n"
                        "print(found)\nraise RuntimeError(' '.join(found)[:150])")
                snoop.cells.insert(len(snoop.cells) - 1, nbformat.v4.new_code_cell(hunt))
                text = nbformat.writes(snoop)
            (submissions / student / notebook.name).write_text(text, encoding="utf-8")
    graded = cli("grade", str(submissions), "--assignment", str(base / "all.yaml"),
                 "--out", str(base / "grades"), "-j", "2", "--format", "csv,gradescope",
                 "--check-timeout", "5")
    assert "WITHOUT isolation" not in graded.stdout, "this test needs bubblewrap (apt install bubblewrap)"
    assert (base / "grades" / "gradebook.csv").exists(), graded.stdout + graded.stderr
    return {"base": base, "root": root, "generated": generated, "exercises": exercises}


def test_no_canary_in_student_notebooks(planted) -> None:
    assert not scan([planted["generated"] / "exercises" / "student"], [SOLUTION_CANARY, HIDDEN_CANARY])


def test_no_canary_in_the_release_folder(planted) -> None:
    assert sorted(p.name for p in (planted["base"] / "release").iterdir())
    assert not scan([planted["base"] / "release"], [SOLUTION_CANARY, HIDDEN_CANARY])


def test_no_canary_in_feedback_gradescope_or_gradebook(planted) -> None:
    grades = planted["base"] / "grades"
    assert len(list((grades / "feedback").glob("*.md"))) == 3
    seen_by_students = [grades / "feedback", grades / "gradescope", grades / "gradebook.csv",
                        grades / "grades_long.csv"]
    assert not scan(seen_by_students, [SOLUTION_CANARY, HIDDEN_CANARY])
    assert not scan([grades / "logs"], [HIDDEN_CANARY]), "the sandbox could read the hidden checks"


def test_no_canary_on_the_public_page_of_an_instructor_only_exercise(planted) -> None:
    instructor_only = [e for e in planted["exercises"] if e.solution == "instructor"]
    assert instructor_only
    for exercise in instructor_only:
        page_path = planted["generated"] / "book" / "exercises" / f"{exercise.topic}.md"
        page = page_path.read_text(encoding="utf-8")
        block = page.split(f":label: {exercise.id}\n", 1)[1].split("\n````", 1)[0]
        assert exercise.title in page and SOLUTION_CANARY not in block
    for page in (planted["generated"] / "book").rglob("*.md"):
        assert HIDDEN_CANARY not in page.read_text(encoding="utf-8"), page


def test_the_canary_is_found_where_solutions_belong(planted) -> None:
    assert scan([planted["base"] / "key"], [SOLUTION_CANARY]), "the key must carry the solutions"
    assert not scan([planted["base"] / "key"], [HIDDEN_CANARY])
    public = [e for e in planted["exercises"] if e.solution == "public"]
    page = planted["generated"] / "book" / "exercises" / f"{public[0].topic}.md"
    assert SOLUTION_CANARY in page.read_text(encoding="utf-8"), "public solutions appear in the dropdown"
