"""careerdata: every dataset loads with its declared columns, types, constraints and sources."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

import careerdata
from careerdata import _package

DTYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean", "string": "string"}


def fields(name: str) -> list[dict]:
    return _package.resource(name)["schema"]["fields"]


@pytest.mark.parametrize("name", careerdata.list_datasets())
def test_dataset_has_declared_columns_and_dtypes(name: str) -> None:
    frame = careerdata.load(name)
    assert list(frame.columns) == [f["name"] for f in fields(name)]
    assert len(frame) > 0
    for field in fields(name):
        column = frame[field["name"]]
        if field.get("categoriesOrdered"):
            assert isinstance(column.dtype, pd.CategoricalDtype) and column.dtype.ordered
            assert list(column.cat.categories) == field["constraints"]["enum"]
        elif "separator" in field:
            assert all(isinstance(v, tuple) for v in column), field["name"]
        else:
            assert str(column.dtype) == DTYPES[field["type"]], field["name"]


@pytest.mark.parametrize("name", careerdata.list_datasets())
def test_every_source_id_resolves(name: str) -> None:
    known = set(careerdata.load_sources()["source_id"])
    frame = careerdata.load(name)
    if "source_id" in frame and name != "sources":
        assert set(frame["source_id"]) <= known


def test_every_declared_foreign_key_resolves() -> None:
    keys = {"sources": "source_id", "roadmap": "topic_id", "skill_areas": "skill_id"}
    for name in careerdata.list_datasets():
        frame = careerdata.load(name)
        for field in fields(name):
            target = field.get("foreignKey")
            if not target:
                continue
            valid = set(careerdata.load(target)[keys[target]])
            values = frame[field["name"]]
            flat = [v for cell in values for v in (cell if isinstance(cell, tuple) else (cell,))]
            assert set(flat) <= valid, f"{name}.{field['name']} -> {target}: {set(flat) - valid}"


def test_every_source_has_a_known_kind_and_seed_figures_are_editorial() -> None:
    sources = careerdata.load_sources().set_index("source_id")
    assert sources.at["seed-guide", "kind"] == "editorial claim"
    bls = careerdata.load_adjacent_occupations()
    assert set(sources.loc[list(set(bls["source_id"])), "kind"]) == {"official statistic"}
    assert all(u.startswith("https://www.bls.gov/") for u in sources.loc[list(set(bls["source_id"])), "url"])


def test_salary_bands_are_ordered_and_well_formed() -> None:
    bands = careerdata.load_salary_bands().sort_values("level")
    assert list(bands["level"]) == ["entry", "mid", "senior"]
    assert (bands["salary_low_usd"] <= bands["salary_high_usd"]).all()
    assert bands["salary_low_usd"].is_monotonic_increasing
    assert list(bands["open_upper"]) == [False, False, True]
    # The seed's "$220,000 - $380,000+" is kept as low, high and an open flag: nothing invented.
    senior = bands.set_index("level").loc["senior"]
    assert (senior["salary_low_usd"], senior["salary_high_usd"]) == (220000, 380000)
    assert senior["experience_max_years"] is pd.NA


def test_midpoint_of_closed_band_and_refusal_for_open_band() -> None:
    assert careerdata.salary_midpoint("entry") == (95000 + 140000) / 2
    with pytest.raises(careerdata.OpenRangeError, match="no stated top"):
        careerdata.salary_midpoint("senior")
    with pytest.raises(ValueError, match="levels are entry, mid, senior"):
        careerdata.salary_midpoint("principal")


def test_unknown_dataset_suggests_the_close_name() -> None:
    with pytest.raises(ValueError, match=r"Did you mean 'salary_bands'\?.*Available datasets"):
        careerdata.load("salary_band")
    with pytest.raises(ValueError, match="Available datasets"):
        careerdata.load("zzz")


def test_adjacent_occupations_match_the_bls_file_they_were_copied_from() -> None:
    bls = careerdata.load_adjacent_occupations()
    assert len(bls) == 20
    wage = bls[(bls["occupation"] == "Software Developers") & (bls["reference_period"] == "May 2023")]
    assert wage["value"].tolist() == [132270.0]
    assert "adjacent" in careerdata.describe("adjacent_occupations")


def test_describe_and_sources() -> None:
    text = careerdata.describe("salary_bands")
    assert "open_upper (boolean)" in text and "[seed-guide]" in text
    assert list(careerdata.sources("salary_bands")["source_id"]) == ["seed-guide"]
    assert len(careerdata.sources()) == len(careerdata.load_sources())
    assert "h100-measurements" in careerdata.describe("gpu_h100_measurements")
    with pytest.raises(ValueError, match=r"Unknown source id\(s\) \['nope'\]"):
        careerdata.sources(["nope"])


def test_gpu_measurements_are_the_shipped_measurement() -> None:
    gpu = careerdata.load_gpu_measurements()
    assert gpu["device"] == "NVIDIA H100 80GB HBM3"
    assert {"gemm_square", "vendor_peak_reference", "how_measured"} <= set(gpu)
    with pytest.raises(ValueError, match="is a table"):
        _package.read_json("salary_bands")


def test_loaded_frames_are_copies() -> None:
    first = careerdata.load_salary_bands()
    first.loc[0, "salary_low_usd"] = 1
    assert careerdata.load_salary_bands().loc[0, "salary_low_usd"] == 95000


def test_damaged_table_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    original = _package._data_file

    def damaged(name: str) -> str:
        text = original(name)
        if name != "salary_bands.csv":
            return text
        return text.replace("senior,Senior AI Engineer", "principal,Senior AI Engineer")

    monkeypatch.setattr(_package, "_data_file", damaged)
    _package._read_table.cache_clear()
    try:
        with pytest.raises(careerdata.DataError, match=r"salary_bands.level: \['principal'\] not among"):
            careerdata.load_salary_bands()
    finally:
        _package._read_table.cache_clear()


def test_import_reads_nothing_and_loading_needs_no_network() -> None:
    """In a fresh interpreter: importing opens no data file; loading every table works with sockets refused."""
    script = textwrap.dedent(
        """
        import builtins, io, socket, importlib.resources as r
        opened = []
        real_open = io.open
        def refuse(*args, **kwargs):
            raise OSError("network access refused in this test")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        import careerdata, careerdata._package as p
        assert p._descriptor.cache_info().currsize == 0, "data read at import"
        assert p._read_table.cache_info().currsize == 0, "table read at import"
        for name in careerdata.list_datasets():
            careerdata.load(name)
        careerdata.load_gpu_measurements()
        careerdata.plan({"python": 5}, 5)
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_installed_package_finds_its_data(tmp_path, root) -> None:
    """Install the distribution (not the source tree) into a folder and load from there."""
    # Build from a copy: setuptools writes build/ and *.egg-info next to the sources it builds.
    source = tmp_path / "source"
    shutil.copytree(root, source, ignore=shutil.ignore_patterns(
        ".venv", "_build", ".git", "build", "*.egg-info", "notebooks", "book", "tests", "node_modules"))
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(source)],
        capture_output=True, text=True, timeout=300,
    )
    assert install.returncode == 0, install.stderr
    script = (
        "import careerdata, json, sys; "
        "print(json.dumps([careerdata.__file__, careerdata.list_datasets(), len(careerdata.roadmap())]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    path, names, topics = json.loads(result.stdout)
    assert path.startswith(str(target)), f"loaded from {path}, not from the installed copy"
    assert "salary_bands" in names and topics == len(careerdata.roadmap())
