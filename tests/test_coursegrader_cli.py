"""The command line: `list`, usage errors (exit 2), and every command the instructors' guide shows parses."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from course_paths import ROOT

from coursegrader.cli import build_parser
from coursegrader.source import load_all


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coursegrader", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_list_shows_every_exercise_and_filters_by_topic() -> None:
    done = run_cli("list")
    assert done.returncode == 0
    for exercise in load_all():
        assert exercise.id in done.stdout and exercise.title in done.stdout
    only = run_cli("list", "--topic", "career-data")
    assert "career-data." in only.stdout and "python-for-ai." not in only.stdout


@pytest.mark.parametrize("args", [
    [],
    ["grade"],
    ["grade", "no-such-folder", "--assignment", "assignments/example.yaml", "--out", "x"],
    ["grade", "tests", "--assignment", "assignments/example.yaml", "--out", "x", "--format", "pdf"],
    ["release", "--assignment", "no-such.yaml", "--out", "x"],
    ["validate", "no-such.exercise"],
])
def test_usage_mistakes_exit_with_2_and_a_message(args: list[str], tmp_path: Path) -> None:
    done = run_cli(*args)
    assert done.returncode == 2, (args, done.stdout, done.stderr)
    assert "error" in done.stderr


def test_generate_check_reports_a_stale_file(tmp_path: Path) -> None:
    assert run_cli("generate", "--out", str(tmp_path)).returncode == 0
    (tmp_path / "book" / "exercises" / "index.md").write_text("edited by hand\n")
    done = run_cli("generate", "--out", str(tmp_path), "--check")
    assert done.returncode == 1 and "out of date: book/exercises/index.md" in done.stdout


def test_every_command_in_the_grading_guide_parses() -> None:
    text = (ROOT / "book" / "instructors" / "grading.md").read_text(encoding="utf-8")
    commands = re.findall(r"^(?:python -m )?coursegrader (.+)$", text, flags=re.MULTILINE)
    assert len(commands) >= 6
    parser = build_parser()
    for command in commands:
        parser.parse_args(shlex.split(command))
    assert (ROOT / "assignments" / "example.yaml").read_text(encoding="utf-8").split("\n", 2)[2] in text


def test_the_course_is_found_from_the_working_directory_or_given(tmp_path: Path) -> None:
    inside = subprocess.run([sys.executable, "-m", "coursegrader", "list", "--topic", "career-data"],
                            cwd=ROOT / "exercises" / "student", capture_output=True, text=True, timeout=120)
    assert inside.returncode == 0 and "career-data.study-order" in inside.stdout
    given = subprocess.run([sys.executable, "-m", "coursegrader", "--course", str(ROOT), "list"], cwd=tmp_path,
                           capture_output=True, text=True, timeout=120)
    assert given.returncode == 0 and "career-data.study-order" in given.stdout
    wrong = subprocess.run([sys.executable, "-m", "coursegrader", "--course", str(tmp_path), "list"], cwd=tmp_path,
                           capture_output=True, text=True, timeout=120)
    assert wrong.returncode == 2 and "is not a course folder" in wrong.stderr


def test_link_prints_an_nbgitpuller_link_for_a_notebook() -> None:
    import subprocess
    import sys
    from urllib.parse import parse_qs, urlsplit

    result = subprocess.run(
        [sys.executable, "-m", "coursegrader", "link", "notebooks/07-neural-networks.ipynb",
         "--hub", "https://hub.example.edu/"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    url = urlsplit(result.stdout.strip())
    assert (url.scheme, url.netloc, url.path) == ("https", "hub.example.edu", "/hub/user-redirect/git-pull")
    query = parse_qs(url.query)
    assert query["repo"] == ["https://github.com/ai-engineer-course/ai-engineer-course"]
    assert query["branch"] == ["main"]
    assert query["urlpath"] == ["lab/tree/ai-engineer-course/notebooks/07-neural-networks.ipynb"]
    bad = subprocess.run([sys.executable, "-m", "coursegrader", "link", "notebooks/x.ipynb", "--hub",
                          "hub.example.edu"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "--hub must be the hub's web address" in bad.stderr


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc to count threads")
def test_the_command_line_starts_no_thread_before_the_signal_guard() -> None:
    """The guard can only keep a submission's SIGTERM from the grader if every thread inherits its signal block,
    so importing the command line (what runs before ``grade`` enters the guard) must not start a thread, as
    importing NumPy does (its BLAS pool). A regression here let ``--no-isolation`` grading be killed."""
    probe = ("import os, sys, coursegrader.cli, coursegrader.guard\n"
             "heavy = sorted(m for m in ('numpy', 'pandas', 'torch') if m in sys.modules)\n"
             "print(len(os.listdir('/proc/self/task')), heavy)")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split()[0] == "1", f"threads already running before the guard: {done.stdout}"
    assert done.stdout.strip().endswith("[]"), f"heavy imports before the guard: {done.stdout}"
