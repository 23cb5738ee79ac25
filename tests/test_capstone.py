"""The capstone project (capstone/) passes its own test suite, run from its own folder, offline.

The capstone is meant to be copied into a learner's repository, so it has its own pytest configuration and
tests; here they run as a subprocess with the course's offline guard on PYTHONPATH (set by conftest.py),
and any network attempt they make fails this test. Its end-to-end test serves on 127.0.0.1 only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from course_paths import ROOT

CAPSTONE = ROOT / "capstone"


def _attempts() -> list[str]:
    log = Path(os.environ["COURSE_NETWORK_LOG"])
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_capstone_has_what_a_portfolio_project_needs() -> None:
    for name in ["README.md", "Dockerfile", ".github/workflows/ci.yml", "requirements.txt", "pyproject.toml",
                 "rag_service/app.py", "rag_service/ingest.py", "eval/golden.jsonl", "eval/thresholds.json",
                 "tests/test_unit.py", "tests/test_e2e.py", "tests/test_eval.py"]:
        assert (CAPSTONE / name).is_file(), f"capstone/{name} is missing"
    readme = (CAPSTONE / "README.md").read_text(encoding="utf-8")
    for section in ["## Run", "## Test", "## Evaluate", "## Deploy", "## Make it yours"]:
        assert section in readme, f"capstone/README.md has no section {section!r}"


def _model_settings() -> dict[str, str]:
    """The capstone's defaults are the course models; a checkout where they are not built yet (``make models``)
    runs the same tests with the settings that need no model."""
    import coursemodels

    if {"course-embedder", "course-lm"} <= set(coursemodels.available()):
        return {}
    return {"RAG_EMBEDDER": "hashing", "RAG_GENERATOR": "extractive"}


@pytest.mark.slow   # the capstone's own suite: course models, and a server on 127.0.0.1
def test_capstone_tests_pass_from_its_folder_offline(tmp_path: Path) -> None:
    before = _attempts()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **_model_settings()}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=CAPSTONE,
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert _attempts() == before, "the capstone's tests tried to use the network"
    assert not (CAPSTONE / ".index").exists(), "the capstone's tests wrote an index into the project folder"


@pytest.mark.slow   # ingestion and evaluation through the CLI, in subprocesses
def test_capstone_eval_command_gates_on_thresholds(tmp_path: Path) -> None:
    env = {**os.environ, "RAG_INDEX_DIR": str(tmp_path / "index"), "RAG_EMBEDDER": "hashing",
           "RAG_GENERATOR": "extractive", "PYTHONDONTWRITEBYTECODE": "1"}
    run = [sys.executable, "-m", "rag_service"]
    ingest = subprocess.run([*run, "ingest"], cwd=CAPSTONE, env=env, capture_output=True, text=True, timeout=120)
    assert ingest.returncode == 0, ingest.stderr
    passing = subprocess.run([*run, "eval"], cwd=CAPSTONE, env=env, capture_output=True, text=True, timeout=120)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    impossible = tmp_path / "thresholds.json"
    impossible.write_text(json.dumps({"answer_f1": 1.01}), encoding="utf-8")
    failing = subprocess.run([*run, "eval", "--thresholds", str(impossible)], cwd=CAPSTONE, env=env,
                             capture_output=True, text=True, timeout=120)
    assert failing.returncode == 1 and "REGRESSION: answer_f1" in failing.stderr
