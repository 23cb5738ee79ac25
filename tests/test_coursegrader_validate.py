"""`python -m coursegrader validate`: every exercise's checks are shown, through the sandbox, not to be vacuous,
and a vacuous check, an uncaught mutant, a failing reference or a leak makes it fail and say which."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from book_build import exercise_validation_output
from course_paths import ROOT

from coursegrader.source import load_all


def run_cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coursegrader", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture
def exercise_validation(request: pytest.FixtureRequest) -> str:
    """What `coursegrader validate -j 2` printed, having succeeded.

    When the session builds the book, the run was started in the background lane behind it (root
    conftest.py, tests/book_build.py) and this waits for it; otherwise it runs here.
    """
    background = exercise_validation_output(request.config)
    if background is not None:
        return background
    done = run_cli("validate", "-j", "2")
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.mark.slow  # about 45 s: every exercise's reference, blank and mutants
@pytest.mark.two_cores  # validate -j 2, when it runs in the pytest process
def test_every_exercise_validates(exercise_validation: str) -> None:
    for exercise in load_all():
        assert f"{exercise.id}: ok" in exercise_validation
        for mutant in exercise.mutants:
            assert f"mutant {mutant.name}" in exercise_validation
    assert "  reference   passes" in exercise_validation and "  blank       fails" in exercise_validation


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> subprocess.CompletedProcess:
    """A private exercise set with one planted problem per exercise, validated in one run."""
    root = tmp_path_factory.mktemp("planted")
    for exercise_id in ("linear-algebra.rank-k-error", "python-for-ai.pairwise-distances"):
        topic, slug = exercise_id.split(".")
        shutil.copytree(ROOT / "exercises" / topic / slug, root / topic / slug)

    # 1. A check that always passes, and a mutant that no check catches.
    rank = root / "linear-algebra" / "rank-k-error"
    with (rank / "checks.py").open("a", encoding="utf-8") as handle:
        handle.write('\n\ndef check_always_passes(predicted_error):\n'
                     '    """Looks like a check."""\n    return None\n')
    meta = (rank / "meta.yaml").read_text(encoding="utf-8")
    listed = "  check_error_matches_prediction: 4\n"
    (rank / "meta.yaml").write_text(meta.replace(listed, listed + "  check_always_passes: 1\n"))
    (rank / "mutants" / "same_as_reference.py").write_text(
        '"""Not wrong at all: the reference again."""\nimport numpy as np\n\n\n'
        "def predicted_error(A, k):\n    s = np.linalg.svd(A, compute_uv=False)\n"
        "    return float(np.sqrt(np.sum(s[k:] ** 2)))\n")

    # 2. A prompt that gives the answer away, and a reference solution with a bug.
    pairs = root / "python-for-ai" / "pairwise-distances"
    source = (pairs / "exercise.py").read_text(encoding="utf-8")
    leaked = "    return np.sqrt(np.maximum(squared, 0.0))"
    source = source.replace("# caller's arrays as they were.\n",
                            f"# caller's arrays as they were.\n#\n# Hint: `{leaked.strip()}`\n", 1)
    source = source.replace("Y = np.asarray(Y, dtype=np.float64)\n    squared",
                            "Y = np.asarray(Y, dtype=np.float64)[::-1]\n    squared", 1)
    (pairs / "exercise.py").write_text(source, encoding="utf-8")
    return run_cli("--exercises", str(root), "validate", "-j", "2")


def test_a_check_that_always_passes_makes_validate_fail_and_is_named(planted) -> None:
    assert planted.returncode == 1
    assert "linear-algebra.rank-k-error: INVALID" in planted.stdout
    assert "check_always_passes passes on the blank student version" in planted.stdout


def test_a_mutant_that_no_check_catches_is_named(planted) -> None:
    expected = "mutant same_as_reference (Not wrong at all: the reference again.) passes every check"
    assert expected in planted.stdout


def test_a_reference_that_fails_a_check_is_named(planted) -> None:
    assert "python-for-ai.pairwise-distances: INVALID" in planted.stdout
    assert "the reference solution fails check_matches_direct_computation" in planted.stdout


def test_solution_text_in_the_prompt_is_reported_as_a_leak(planted) -> None:
    expected = "solution text appears in the student notebook: 'return np.sqrt(np.maximum(squared, 0.0))'"
    assert expected in planted.stdout
