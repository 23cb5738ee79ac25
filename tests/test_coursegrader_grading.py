"""The grader survives any submission and no submission can forge a verdict, read the key, change the grading
machine or leave anything behind.

One batch of hostile and broken notebooks (tests/fixtures/exercises/adversarial.yaml) is graded isolated with
bubblewrap; each gets its stated result, nothing stops the batch, every student gets a row and a feedback file,
the repository's files do not change and nothing is left outside the work folder. A smaller batch runs with
--no-isolation: forged verdicts still score 0 (verdicts are decided outside the student's process), while a
submission that reads the key scores full marks there, which is why the summary says so. Also: poisoned files,
a grader killed mid-batch and resumed, and -j 2 against -j 1.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest
import yaml
from course_paths import ROOT

from coursegrader import isolation
from coursegrader.source import find

FIXTURES = ROOT / "tests" / "fixtures" / "exercises"
SPEC_TEXT = (FIXTURES / "adversarial.yaml").read_text(encoding="utf-8")
SPEC = yaml.safe_load(SPEC_TEXT)
EXERCISE = find(SPEC["exercise"])
SECONDS_PER_SUBMISSION = 3.0
ISOLATED = isolation.probe().available
needs_bwrap = pytest.mark.skipif(not ISOLATED, reason=f"bubblewrap cannot run here: {isolation.probe().reason}")


def load_submissions_helper():
    spec = importlib.util.spec_from_file_location("exercise_submissions", FIXTURES / "submissions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def grade_cli(submissions: Path, assignment: Path, out: Path, jobs: int, *extra: str,
              isolate: bool = True) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "coursegrader", "grade", str(submissions), "--assignment", str(assignment),
         "--out", str(out), "-j", str(jobs), "--format", "csv,gradescope",
         "--check-timeout", str(SPEC["check_timeout_s"]), "--cell-timeout", str(SPEC["cell_timeout_s"]),
         "--total-timeout", str(SPEC["total_timeout_s"]), *([] if isolate else ["--no-isolation"]), *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    return done, time.monotonic() - started


def write_assignment(path: Path, *ids: str) -> Path:
    path.write_text(yaml.safe_dump({"name": "t", "title": "Test batch", "exercises": [{"id": i} for i in ids]}))
    return path


def tree_hash(*folders: Path) -> dict[str, str]:
    return {p.relative_to(ROOT).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in folders for p in sorted(folder.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def files_of(out: Path, skip=("journal",)) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not set(skip) & set(p.relative_to(out).parts)}


def rows_of(out: Path) -> list[dict]:
    with (out / "grades_long.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    if not ISOLATED:
        pytest.skip(f"bubblewrap cannot run here: {isolation.probe().reason}")
    base = tmp_path_factory.mktemp("adversarial")
    marker = secrets.token_hex(6)
    before = tree_hash(ROOT / "exercises", ROOT / "coursegrader")
    load_submissions_helper().build(FIXTURES / "adversarial.yaml", base / "submissions", marker)
    assignment = write_assignment(base / "assignment.yaml", EXERCISE.id)
    done, elapsed = grade_cli(base / "submissions", assignment, base / "grades", 2)
    after = tree_hash(ROOT / "exercises", ROOT / "coursegrader")
    return {"done": done, "elapsed": elapsed, "out": base / "grades", "rows": rows_of(base / "grades"),
            "marker": marker, "before": before, "after": after}


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


def test_forging_and_key_reading_submissions_score_0_isolated(batch) -> None:
    for student in ("forges-results", "reads-the-reference-solution"):
        assert sum(float(r["score"]) for r in batch["rows"] if r["student"] == student) == 0.0, student


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
        assert (batch["out"] / "journal" / f"{student}.json").is_file()


def test_an_ungradable_submission_makes_the_exit_status_1_and_is_named(batch) -> None:
    assert batch["done"].returncode == 1
    assert "invalid-json:" in batch["done"].stdout and "calls-os-exit:" in batch["done"].stdout
    assert "isolated with bubblewrap" in batch["done"].stdout


def test_the_submission_sees_only_its_own_folder_and_never_the_checks(batch) -> None:
    log = (batch["out"] / "logs" / "reads-the-key.txt").read_text(encoding="utf-8")
    assert "LISTING ['reads-the-key.ipynb']" in log
    assert "KEY EXISTS False False" in log
    parent = next(line for line in log.splitlines() if line.startswith("PARENT"))
    assert parent.count("'") == 2, "the parent folder holds only this submission's folder"
    secret_lines = [line.strip() for line in EXERCISE.hidden_checks_source.splitlines() if len(line.strip()) > 20]
    for path in batch["out"].rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "def check_" not in text
            assert not [line for line in secret_lines if line in text], path


def test_no_file_of_the_grading_repository_changes(batch) -> None:
    assert batch["before"] == batch["after"]
    assert not (ROOT / f"cg-{batch['marker']}-pwned.txt").exists()
    assert "Read-only file system" in (batch["out"] / "logs" / "tampers-with-the-repo.txt").read_text() or \
        "FileNotFoundError" in (batch["out"] / "feedback" / "tampers-with-the-repo.md").read_text()


def test_nothing_is_left_outside_the_work_folder(batch) -> None:
    marker = batch["marker"]
    for folder in ("/tmp", "/var/tmp", "/dev/shm", os.path.expanduser("~")):
        if Path(folder).is_dir():
            assert not [p for p in Path(folder).iterdir() if marker in p.name], folder
    leftovers = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    leftovers.append(entry.name)
            except OSError:
                continue
    assert not leftovers, "a process the submission started outlived grading"


def test_signals_to_the_parent_do_not_stop_the_grader(batch) -> None:
    rows = [r for r in batch["rows"] if r["student"] == "signals-the-grader"]
    assert rows and all(r["status"] == "pass" for r in rows)


def test_output_is_capped_at_64_kb(batch) -> None:
    log = (batch["out"] / "logs" / "prints-100-mb.txt").read_bytes()
    assert len(log) < 64 * 1024 + 4096
    assert b"[output truncated]" in log


def test_forged_result_lines_are_ignored(batch) -> None:
    log = (batch["out"] / "logs" / "forges-results.txt").read_text(encoding="utf-8")
    assert '"event": "check_end"' in log  # the forgery was printed ... and did not count
    assert all(r["status"] != "pass" for r in batch["rows"] if r["student"] == "forges-results")


def test_without_isolation_verdicts_cannot_be_forged_but_the_key_can_be_read(tmp_path: Path) -> None:
    """--no-isolation: the forger still scores 0; the key reader scores full marks and the summary says
    that this guarantee is lost; signals from the submission are ignored."""
    keep = {"forges-results", "reads-the-reference-solution", "signals-the-grader", "reference"}
    load_submissions_helper().build(FIXTURES / "adversarial.yaml", tmp_path / "submissions",
                                    skip=set(SPEC["students"]) - keep)
    assignment = write_assignment(tmp_path / "a.yaml", EXERCISE.id)
    done, _ = grade_cli(tmp_path / "submissions", assignment, tmp_path / "out", 2, isolate=False)
    assert (tmp_path / "out" / "grades_long.csv").exists(), \
        f"the grader ended with {done.returncode}:\n{done.stdout[-1500:]}\n{done.stderr[-1500:]}"
    rows = rows_of(tmp_path / "out")
    total = {s: sum(float(r["score"]) for r in rows if r["student"] == s) for s in keep}
    assert total["forges-results"] == 0.0
    assert total["reads-the-reference-solution"] == total["reference"] == EXERCISE.points
    assert total["signals-the-grader"] == EXERCISE.points
    assert "WITHOUT isolation" in done.stdout
    assert "can read any file you can read, including the key" in done.stdout
    assert "ignored SIGTERM sent by a submission" in done.stderr
    feedback = (tmp_path / "out" / "feedback" / "reference.md").read_text(encoding="utf-8")
    assert "Graded WITHOUT isolation" in feedback


def test_grade_refuses_to_run_unisolated_without_being_told(tmp_path: Path, monkeypatch) -> None:
    """Where bubblewrap cannot run, grade exits 2 with the reason and the fix (simulated: no bwrap on PATH)."""
    env = {**os.environ, "PATH": str(tmp_path)}
    (tmp_path / "s").mkdir()
    done = subprocess.run([sys.executable, "-m", "coursegrader", "grade", str(tmp_path / "s"), "--assignment",
                           str(ROOT / "assignments" / "example.yaml"), "--out", str(tmp_path / "o")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "apt install bubblewrap" in done.stderr and "--no-isolation" in done.stderr
    assert "container" in done.stderr


def poisoned_folder(base: Path) -> dict[str, str]:
    """Submissions that are not notebooks at all, or odd in every other way; name -> what it is."""
    helper = load_submissions_helper()
    good = helper.with_answer(EXERCISE.id, helper.reference_answer(EXERCISE.id))
    made = {}

    def put(student: str, name: str, data: bytes, what: str) -> None:
        (base / student).mkdir(parents=True, exist_ok=True)
        (base / student / name).write_bytes(data)
        made[student] = what

    put("deep-json", f"{EXERCISE.id}.ipynb", b"[" * 200_000 + b"]" * 200_000, "JSON nested 200 000 deep")
    put("deep-cells", f"{EXERCISE.id}.ipynb", b'{"cells": ' + b"[" * 5_000 + b"]" * 5_000 + b"}", "deep cells")
    put("binary", f"{EXERCISE.id}.ipynb", bytes(range(256)) * 64, "binary")
    put("empty", f"{EXERCISE.id}.ipynb", b"", "empty file")
    v4 = nbformat.reads(good, as_version=4)
    v3 = nbformat.v3.nbjson.writes(nbformat.convert(v4, 3))
    put("nbformat-3", f"{EXERCISE.id}.ipynb", v3.encode(), "nbformat 3")
    for odd in ("名前 with spaces", "-starts-with-dash", "semi;colon$(echo)", "a" * 200, "new\nline"):
        put(odd, f"{EXERCISE.id}.ipynb", good.encode(), "odd name")
    (base / "symlink-to-passwd").mkdir()
    (base / "symlink-to-passwd" / f"{EXERCISE.id}.ipynb").symlink_to("/etc/passwd")
    made["symlink-to-passwd"] = "symlink"
    (base / "elsewhere").mkdir()
    (base / "elsewhere" / "x.ipynb").write_text(good)
    (base / "symlinked-folder").symlink_to(base / "elsewhere")
    made["symlinked-folder"] = "symlinked folder"
    made["elsewhere"] = "good"
    return made


def test_every_student_has_a_row_after_poisoned_files(tmp_path: Path) -> None:
    made = poisoned_folder(tmp_path / "submissions")
    assignment = write_assignment(tmp_path / "a.yaml", EXERCISE.id)
    done, _ = grade_cli(tmp_path / "submissions", assignment, tmp_path / "out", 2, isolate=ISOLATED)
    assert done.returncode == 1, done.stdout + done.stderr
    with (tmp_path / "out" / "gradebook.csv").open(encoding="utf-8", newline="") as handle:
        gradebook = {row["student"]: row for row in csv.DictReader(handle)}
    assert set(gradebook) == set(made)
    points = EXERCISE.points
    assert float(gradebook["nbformat-3"]["total"]) == points, "an nbformat 3 notebook is still graded"
    assert float(gradebook["名前 with spaces"]["total"]) == points
    for student in ("deep-json", "deep-cells", "binary", "empty", "symlink-to-passwd", "symlinked-folder"):
        assert float(gradebook[student]["total"]) == 0.0, student
    feedback = sorted(p.name for p in (tmp_path / "out" / "feedback").iterdir())
    assert len(feedback) == len(made), "odd names never share a feedback file"
    assert "root:" not in "".join(p.read_text() for p in (tmp_path / "out").rglob("*.md"))
    text = (tmp_path / "out" / "grades_long.csv").read_text(encoding="utf-8")
    assert "nested" in text and "symbolic link" in text


def test_a_killed_grader_resumes_and_writes_the_same_files(tmp_path: Path) -> None:
    helper = load_submissions_helper()
    submissions = tmp_path / "class"
    helper.class_of(submissions, 5, [EXERCISE.id])
    assignment = write_assignment(tmp_path / "a.yaml", EXERCISE.id)
    whole, _ = grade_cli(submissions, assignment, tmp_path / "whole", 1, isolate=ISOLATED)
    assert whole.returncode == 0, whole.stdout + whole.stderr

    out = tmp_path / "killed"
    command = [sys.executable, "-m", "coursegrader", "grade", str(submissions), "--assignment", str(assignment),
               "--out", str(out), "-j", "1", "--format", "csv,gradescope",
               "--check-timeout", str(SPEC["check_timeout_s"]), "--cell-timeout", str(SPEC["cell_timeout_s"]),
               "--total-timeout", str(SPEC["total_timeout_s"]), *([] if ISOLATED else ["--no-isolation"])]
    grader = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and grader.poll() is None:
        if len(list((out / "journal").glob("*.json"))) >= 2:
            break
        time.sleep(0.05)
    grader.send_signal(signal.SIGKILL)
    grader.wait(timeout=30)
    journaled = len(list((out / "journal").glob("*.json")))
    assert 1 <= journaled < 5, "the grader should be killed mid-batch"
    assert not (out / "gradebook.csv").exists()

    resumed, _ = grade_cli(submissions, assignment, out, 1, isolate=ISOLATED)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    stale = [p for p in Path(tempfile.gettempdir()).glob("coursegrader-*")
             if (p / "owner").is_file() and (p / "owner").read_text() == str(grader.pid)]
    assert not stale, "the killed grader's private folder is removed by the next run"
    assert f"({journaled} resumed from the journal)" in resumed.stdout
    assert files_of(out, skip=()) == files_of(tmp_path / "whole", skip=())


def test_parallel_grading_gives_the_same_outputs_as_serial(tmp_path: Path) -> None:
    helper = load_submissions_helper()
    submissions = tmp_path / "class"
    helper.class_of(submissions, 4, ["python-for-ai.pairwise-distances", "linear-algebra.rank-k-error"])
    hang = helper.with_answer(EXERCISE.id, helper.reference_answer(EXERCISE.id), before=["while True:\n    pass"])
    (submissions / "student-03" / f"{EXERCISE.id}.ipynb").write_text(hang, encoding="utf-8")
    assignment = write_assignment(tmp_path / "a.yaml", "python-for-ai.pairwise-distances",
                                  "linear-algebra.rank-k-error")
    outputs = []
    for jobs in (1, 2):
        out = tmp_path / f"j{jobs}"
        done, _ = grade_cli(submissions, assignment, out, jobs, isolate=ISOLATED)
        assert done.returncode == 0, done.stdout + done.stderr
        outputs.append(files_of(out, skip=("logs", "journal")))
    assert outputs[0] == outputs[1]
    gradebook = outputs[0]["gradebook.csv"].decode()
    assert "student-01,10,10,20" in gradebook and "student-02,0,0,0" in gradebook
    assert "took longer than 2 s" in outputs[0]["feedback/student-03.md"].decode()
