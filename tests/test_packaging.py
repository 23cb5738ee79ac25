"""The distribution builds without a warning, and `careerdata` works from the wheel alone.

Both run the way a user's machine would, but offline: the build happens in a fresh virtual environment
holding only the build requirements pyproject.toml declares (build isolation), and the wheel is installed
into another fresh environment with only its declared dependencies. Both take their wheels from
``.venv/wheelhouse``, which `make` fills at set-up, so no test reaches the network.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
import tomllib
from course_paths import ROOT

WHEELHOUSE = Path(sys.prefix) / "wheelhouse"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(
    not WHEELHOUSE.is_dir(),
    reason=f"{WHEELHOUSE} is missing: `make` fills it at set-up (pip download setuptools wheel numpy pandas pyyaml)",
)

BUILD_SCRIPT = """
import json, sys, warnings
warnings.simplefilter("always")
with warnings.catch_warnings(record=True) as caught:
    from setuptools import build_meta
    name = build_meta.build_wheel(sys.argv[1])
print(json.dumps({"wheel": name, "warnings": [f"{w.category.__name__}: {w.message}" for w in caught]}))
"""


def fresh_env(where: Path, *requirements: str) -> Path:
    """A new virtual environment with ``requirements`` installed from the wheelhouse only; returns its python."""
    venv.EnvBuilder(with_pip=True).create(where)
    python = where / "bin" / "python"
    if requirements:
        done = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-index", "--find-links",
                               str(WHEELHOUSE), *requirements], capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
    return python


def source_copy(where: Path) -> Path:
    """The files a source distribution holds, copied, so the build writes nothing into the repository."""
    src = where / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, src)
    shutil.copytree(ROOT / "LICENSES", src / "LICENSES")
    setuptools_table = PYPROJECT["tool"]["setuptools"]
    mapped = setuptools_table.get("package-dir", {})
    top_level = {package.split(".")[0] for package in setuptools_table["packages"] if package not in mapped}
    folders = sorted(top_level | set(mapped.values()))
    for folder in folders:
        shutil.copytree(ROOT / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return src


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("packaging")
    src = source_copy(base)
    python = fresh_env(base / "build-env", *PYPROJECT["build-system"]["requires"])
    done = subprocess.run([str(python), "-c", BUILD_SCRIPT, str(base / "dist")], cwd=src, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    import json

    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["path"] = base / "dist" / result["wheel"]
    result["log"] = done.stderr
    return result


def test_the_wheel_builds_with_no_warning(build: dict) -> None:
    assert not build["warnings"], "the build warned:\n" + "\n".join(build["warnings"])
    assert "Warning" not in build["log"], build["log"][-3000:]


def test_the_wheel_declares_its_licences(build: dict) -> None:
    names = zipfile.ZipFile(build["path"]).namelist()
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(build["path"]).read(metadata).decode()
    assert "License-Expression: MIT AND CC-BY-4.0" in text
    assert any(n.endswith("licenses/LICENSE") for n in names)
    assert any(n.endswith("licenses/LICENSES/CC-BY-4.0.txt") for n in names)


def test_careerdata_works_from_the_wheel_in_a_fresh_environment(build: dict, tmp_path: Path) -> None:
    python = fresh_env(tmp_path / "user-env", str(build["path"]))
    script = ("import careerdata, json; "
              "print(json.dumps([careerdata.__file__, len(careerdata.list_datasets()), len(careerdata.roadmap()), "
              "careerdata.plan({'python': 5}, 6)['topic_id'].tolist()[:1]]))")
    done = subprocess.run([str(python), "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    import json

    path, datasets, topics, first = json.loads(done.stdout)
    assert path.startswith(str(tmp_path / "user-env")), f"imported from {path}, not from the installed wheel"
    import careerdata

    assert datasets == len(careerdata.list_datasets()) and topics == len(careerdata.roadmap())
    assert first, "the planner returned no topic"
    cli = subprocess.run([str(python.parent / "careerdata"), "--help"], capture_output=True, text=True, timeout=60)
    assert cli.returncode == 0 and "usage" in cli.stdout.lower()
