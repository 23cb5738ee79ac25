"""The grader survives any submission: a batch of hostile and broken notebooks is graded in one run, each gets
its stated result, nothing stops the batch, every student gets a row and a feedback file, and -j 2 grades
exactly as -j 1 does."""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from exercises import runner
from exercises.runner import CheckJob, Limits, run_sandboxed
from exercises.source import find

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "exercises"
SPEC = yaml.safe_load((FIXTURES / "adversarial.yaml").read_text(encoding="utf-8"))
EXERCISE = find(SPEC["exercise"])
SECONDS_PER_SUBMISSION = 3.0


def load_submissions_helper():
    spec = importlib.util.spec_from_file_location("exercise_submissions", FIXTURES / "submissions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def grade_cli(submissions: Path, assignment: Path, out: Path,
              jobs: int) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "exercises", "grade", str(submissions), "--assignment", str(assignment),
         "--out", str(out), "-j", str(jobs), "--format", "csv,gradescope",
         "--check-timeout", str(SPEC["check_timeout_s"]), "--cell-timeout", str(SPEC["cell_timeout_s"]),
         "--total-timeout", str(SPEC["total_timeout_s"])],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    return done, time.monotonic() - started


def write_assignment(path: Path, *ids: str) -> Path:
    path.write_text(yaml.safe_dump({"name": "t", "title": "Test batch",
                                    "exercises": [{"id": i} for i in ids]}))
    return path


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    base = tmp_path_factory.mktemp("adversarial")
    load_submissions_helper().build(FIXTURES / "adversarial.yaml", base / "submissions")
    assignment = write_assignment(base / "assignment.yaml", EXERCISE.id)
    done, elapsed = grade_cli(base / "submissions", assignment, base / "grades", 2)
    with (base / "grades" / "grades_long.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return {"done": done, "elapsed": elapsed, "out": base / "grades", "rows": rows}


def expected_statuses(entry: dict) -> list[str]:
    expect = entry["expect"]
    return [expect] * len(EXERCISE.checks) if isinstance(expect, str) else list(expect)


@pytest.mark.parametrize("student", sorted(SPEC["students"]))
def test_each_adversarial_submission_gets_its_stated_result(batch, student: str) -> None:
    entry = SPEC["students"][student]
    rows = [r for r in batch["rows"] if r["student"] == student]
    assert [r["check"] for r in rows] == [c.name for c in EXERCISE.checks]
    assert [r["status"] for r in rows] == expected_statuses(entry), rows
    for row in rows:
        assert float(row["score"]) == (float(row["max_score"]) if row["status"] == "pass" else 0.0)
    if "reason" in entry:
        assert entry["reason"] in rows[0]["reason"]
    feedback = (batch["out"] / "feedback" / f"{student}.md").read_text(encoding="utf-8")
    if "feedback" in entry:
        assert entry["feedback"] in feedback
    if "log" in entry:
        assert entry["log"] in (batch["out"] / "logs" / f"{student}.txt").read_text(encoding="utf-8")


def test_the_batch_finishes_within_the_hard_timeout_plus_a_few_seconds_each(batch) -> None:
    budget = SPEC["total_timeout_s"] + SECONDS_PER_SUBMISSION * len(SPEC["students"])
    assert batch["elapsed"] < budget, f"{batch['elapsed']:.1f} s for {len(SPEC['students'])} submissions"


def test_every_student_has_a_row_feedback_and_gradescope_results(batch) -> None:
    students = set(SPEC["students"])
    with (batch["out"] / "gradebook.csv").open(encoding="utf-8") as handle:
        gradebook = list(csv.DictReader(handle))
    assert {r["student"] for r in gradebook} == students
    assert list(gradebook[0]) == ["student", EXERCISE.id, "total"]
    for student in students:
        feedback = batch["out"] / "feedback" / f"{student}.md"
        assert feedback.read_text(encoding="utf-8").startswith("# Feedback")
        results = json.loads((batch["out"] / "gradescope" / student / "results.json").read_text("utf-8"))
        visibility = [t["visibility"] for t in results["tests"]]
        assert visibility == ["after_published" if c.hidden else "visible" for c in EXERCISE.checks]
        assert all(t["name"].startswith("[hidden]") for t in results["tests"] if t["visibility"] != "visible")


def test_an_ungradable_submission_makes_the_exit_status_1_and_is_named(batch) -> None:
    assert batch["done"].returncode == 1
    assert "invalid-json:" in batch["done"].stdout and "calls-os-exit:" in batch["done"].stdout


def test_the_submission_sees_only_its_own_folder_and_never_the_checks(batch) -> None:
    log = (batch["out"] / "logs" / "reads-the-key.txt").read_text(encoding="utf-8")
    assert "LISTING ['reads-the-key.ipynb']" in log
    assert "KEY EXISTS False False" in log
    parent = next(line for line in log.splitlines() if line.startswith("PARENT"))
    assert parent.count("'") == 2, "the parent folder holds only this submission's folder"
    secret_lines = [line.strip() for line in EXERCISE.hidden_checks_source.splitlines()
                    if len(line.strip()) > 20]
    for path in batch["out"].rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "def check_" not in text
            assert not [line for line in secret_lines if line in text], path


def test_output_is_capped_at_64_kb(batch) -> None:
    log = (batch["out"] / "logs" / "prints-100-mb.txt").read_bytes()
    assert len(log) < 64 * 1024 + 4096
    assert b"[output truncated]" in log


def test_forged_result_lines_are_ignored(batch) -> None:
    log = (batch["out"] / "logs" / "forges-results.txt").read_text(encoding="utf-8")
    assert '"event": "check_end"' in log  # the forgery was printed ... and did not count
    assert all(r["status"] == "fail" for r in batch["rows"] if r["student"] == "forges-results")


def test_parallel_grading_gives_the_same_outputs_as_serial(tmp_path: Path) -> None:
    helper = load_submissions_helper()
    submissions = tmp_path / "class"
    helper.class_of(submissions, 4, ["python-for-ai.pairwise-distances", "linear-algebra.rank-k-error"])
    hang = helper.with_answer(EXERCISE.id, helper.reference_answer(EXERCISE.id),
                              before=["while True:\n    pass"])
    (submissions / "student-03" / f"{EXERCISE.id}.ipynb").write_text(hang, encoding="utf-8")
    assignment = write_assignment(tmp_path / "a.yaml", "python-for-ai.pairwise-distances",
                                  "linear-algebra.rank-k-error")
    outputs = []
    for jobs in (1, 2):
        out = tmp_path / f"j{jobs}"
        done, _ = grade_cli(submissions, assignment, out, jobs)
        assert done.returncode == 0, done.stdout + done.stderr
        files = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
                 if p.is_file() and "logs" not in p.parts}
        outputs.append(files)
    assert outputs[0] == outputs[1]
    gradebook = outputs[0]["gradebook.csv"].decode()
    assert "student-01,10,10,20" in gradebook and "student-02,0,0,0" in gradebook
    assert "took longer than 2 s" in outputs[0]["feedback/student-03.md"].decode()


def test_without_the_resource_module_timeouts_still_hold_and_one_warning_is_printed(monkeypatch,
                                                                                     capsys) -> None:
    monkeypatch.setattr(runner, "_resource", None)
    monkeypatch.setattr(runner, "_warned", set())
    module = ("t/checks.py", 'def check_f(f):\n    """f returns."""\n    f()\n')
    limits = Limits(cell_timeout_s=1.5, total_timeout_s=15)
    started = time.monotonic()
    hangs_in_a_cell = ["while True:\n    pass", "def f():\n    return 1"]
    hangs_in_the_check = ["def f():\n    while True:\n        pass"]
    for cells in (hangs_in_a_cell, hangs_in_the_check):
        result = run_sandboxed([(i, i + 1, c) for i, c in enumerate(cells)], [module],
                               [CheckJob("t/checks.py", "check_f", 1.5)], limits=limits)
        assert result.results[0][0] in ("pass", "timeout")
    assert time.monotonic() - started < 15
    warnings = [line for line in capsys.readouterr().err.splitlines() if "no `resource` module" in line]
    assert len(warnings) == 1


def test_as_root_the_child_drops_privileges_when_the_interpreter_allows_it() -> None:
    module = ("t/checks.py", 'def check_f(f):\n    """f returns."""\n    f()\n')
    result = run_sandboxed([(0, 1, "import os\nprint('UID', os.getuid())\ndef f():\n    return 1")], [module],
                           [CheckJob("t/checks.py", "check_f", 5)], limits=Limits(total_timeout_s=30))
    assert result.results == [("pass", "")]
    uid = int(result.output.split("UID")[1].split()[0])
    if os.geteuid() != 0:
        assert uid == os.geteuid()
    elif runner._probe[sys.executable]:
        assert uid >= runner.UID_BASE, "a root grader runs student code under an unused user id"
    else:
        assert uid == 0 and any("student code runs as root" in w for w in runner._warned)
