"""Generated files (student notebooks, the book's exercise pages, the syllabus) are fresh, deterministic, and
say what they must: one page per roadmap topic, sphinx-exercise directives, gated solutions."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from course_paths import ROOT

import careerdata
from coursegrader.generate import generated_files, stale_files
from coursegrader.source import load_all

EXERCISES = load_all()
TOPICS = careerdata.roadmap()
FILES = generated_files()


def test_committed_generated_files_are_fresh() -> None:
    stale = stale_files(FILES, ROOT)
    assert not stale, f"out of date (run `python -m coursegrader generate`): {stale}"


def test_generation_is_byte_identical_across_runs(tmp_path: Path) -> None:
    outputs = []
    for run, seed in enumerate(("1", "2")):
        out = tmp_path / f"run{run}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "coursegrader", "generate", "--out", str(out)], cwd=ROOT,
                              capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes()
                        for p in sorted(out.rglob("*")) if p.is_file()})
    assert outputs[0] == outputs[1]
    assert set(outputs[0]) == set(FILES)


def test_every_roadmap_topic_has_an_exercise_page_linking_its_notebook() -> None:
    for topic_id, row in TOPICS.iterrows():
        page = FILES[f"book/exercises/{topic_id}.md"]
        assert page.startswith(f"# Exercises: {row['title']}\n")
        assert f"](../../{row['notebook']})" in page
        assert row["notebook"] == f"notebooks/{int(row['number']):02d}-{topic_id}.ipynb"
        if not any(e.topic == topic_id for e in EXERCISES):
            body = [line for line in page.splitlines()[1:] if line and not line.startswith("%")]
            assert len(body) == 1 and "has no exercises yet" in body[0]
            assert body[0].count(". ") == 0 and body[0].endswith(".")


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_each_exercise_is_a_labelled_directive_with_a_gated_solution_or_none(exercise) -> None:
    page = FILES[f"book/exercises/{exercise.topic}.md"]
    title, label = re.escape(exercise.title), re.escape(exercise.id)
    assert re.search(rf"^`{{4,}}\{{exercise\}} {title}\n:label: {label}\n", page, re.MULTILINE)
    solution = re.search(rf"^`{{4,}}\{{solution\}} {label}\n:label: {label}-solution\n:class: dropdown\n",
                         page, re.MULTILINE)
    if exercise.solution == "public":
        assert solution
    else:
        own_block = re.split(r"\n`{4,}\n", page.split(f":label: {exercise.id}\n")[1], maxsplit=1)[0]
        assert not solution and "{solution}" not in own_block
        assert "kept for instructors" in page
    for check in exercise.public_checks:
        assert check.description.rstrip(".") in page


def test_labels_are_unique_across_the_book_pages() -> None:
    labels = [label for path, text in FILES.items() if path.endswith(".md")
              for label in re.findall(r"^:label: (\S+)$", text, re.MULTILINE)]
    assert labels and len(labels) == len(set(labels))
    assert all(not re.search(r"\{(?!exercise\}|solution\}|doc\})[a-z-]+\}`", text)
               for path, text in FILES.items() if path.endswith(".md")), "only known roles and directives"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_student_notebooks_are_valid_have_no_solution_and_end_with_check(exercise) -> None:
    path = ROOT / "exercises" / "student" / f"{exercise.id}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata["exercises"]["ids"] == [exercise.id]
    assert notebook.cells[-1].source == f'from coursegrader import check\n\ncheck("{exercise.id}")'
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    text = path.read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in text and "NotImplementedError" in text


def test_index_counts_every_topic_and_syllabus_covers_the_roadmap() -> None:
    index = FILES["book/exercises/index.md"]
    for topic_id, row in TOPICS.iterrows():
        count = sum(e.topic == topic_id for e in EXERCISES)
        assert f"| [{row['title']}]({topic_id}.md) | {count} |" in index
    syllabus = FILES["book/instructors/syllabus.md"]
    assert f"{TOPICS['hours'].sum():g} hours in all" in syllabus
    rows = [line for line in syllabus.splitlines() if re.match(r"^\| \d", line)]
    assert len(rows) == len(TOPICS)
    numbers = [re.search(r"notebooks/(\d\d)-", r).group(1) for r in rows]
    assert numbers == [f"{n:02d}" for n in TOPICS["number"]]
    for exercise in EXERCISES:
        assert f"`{exercise.id}`" in syllabus
