"""The course's Python code passes ruff with the rules configured in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from course_paths import ROOT

# Every folder of the course's own Python (ruff's excludes in pyproject.toml still apply).
CHECKED = ["careerdata", "coursegrader", "coursemodels", "capstone", "exercises", "scripts", "tests", "_ext",
           "conftest.py"]


def test_ruff_finds_nothing() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is in requirements.txt; run make test to install it"
    result = subprocess.run([ruff, "check", *CHECKED],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
