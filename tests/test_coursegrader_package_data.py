"""What a student installs (Colab: `pip install git+<repo>`) lets `check("<id>")` work, and carries no
solution, hidden check or mutant. Built as a real wheel from a clean copy of the sources."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from course_paths import ROOT

from coursegrader.source import load_all


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    src.mkdir()
    shutil.copy(ROOT / "pyproject.toml", src)
    if (ROOT / "README.md").exists():
        shutil.copy(ROOT / "README.md", src)
    else:
        (src / "README.md").write_text("stand-in\n")
    for extra in ("LICENSE", "LICENSES"):
        if (ROOT / extra).is_dir():
            shutil.copytree(ROOT / extra, src / extra)
        elif (ROOT / extra).is_file():
            shutil.copy(ROOT / extra, src)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for package in ("careerdata", "coursegrader", "coursemodels", "exercises"):
        if (ROOT / package).is_dir():
            shutil.copytree(ROOT / package, src / package, ignore=ignore)
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                           "--no-index", "--quiet", "--wheel-dir", str(base / "dist"), str(src)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    (built,) = (base / "dist").glob("*.whl")
    return built


def test_the_wheel_ships_public_checks_and_metadata_but_no_solutions(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for exercise in load_all():
        folder = f"coursegrader/content/{exercise.topic}/{exercise.slug}"
        assert f"{folder}/meta.yaml" in names and f"{folder}/checks.py" in names
    secret = sorted(n for n in names if n.endswith(("/exercise.py", "/hidden_checks.py")) or "/mutants/" in n
                    or "/student/" in n)
    assert not secret, f"solutions or hidden checks would ship to students: {secret}"
    assert not [n for n in names if n.startswith("exercises/")], "`exercises` is content, not a package"
    assert "coursegrader/checker.py" in names and "coursegrader/worker.py" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "coursegrader = coursegrader.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_check_works_from_the_installed_package(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    script = (
        "import sys\n"
        f"sys.path.insert(0, {str(site)!r})\n"
        "import coursegrader, numpy as np\n"
        f"assert coursegrader.__file__.startswith({str(site)!r}), coursegrader.__file__\n"
        "def pairwise_distances(X, Y):\n"
        "    X = np.asarray(X, float); Y = np.asarray(Y, float)\n"
        "    return np.sqrt(np.maximum((X**2).sum(1)[:, None] + (Y**2).sum(1)[None, :] - 2 * X @ Y.T, 0))\n"
        "coursegrader.check('python-for-ai.pairwise-distances')\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-I", "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert [line[0] for line in done.stdout.splitlines()] == ["✓", "✓", "✓"], done.stdout
