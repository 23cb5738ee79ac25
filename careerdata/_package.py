"""Read the tables described by ``data/datapackage.json``.

The data package is the one description of every table: its columns, their types and constraints, and
where the rows come from. This module reads a table with :func:`pandas.read_csv`, giving every column the
dtype its field declares (never CSV inference), so a value of the wrong type fails at the loader. The
checks that cost nothing at load time run here too: the header matches the schema, ordered levels are
among their declared categories, the primary key is unique. The full constraint check (required values,
allowed values, ranges, patterns, uniqueness, foreign keys) runs in the test suite over every table
(``tests/test_datapackage_constraints.py``): the shipped files are fixed, so checking them once per change
is enough, and loading stays fast.

Files are read with :mod:`importlib.resources`, so the data is found the same way from a source checkout
and from an installed wheel. Nothing is read at import time and nothing is ever written.
"""

from __future__ import annotations

import functools
import io
import json
from importlib import resources
from typing import Any

import pandas as pd

from careerdata._suggest import did_you_mean

DATA_PACKAGE = "datapackage.json"
# Table Schema type -> the pandas dtype read_csv gives the column.
DTYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean", "string": "string"}


class DataError(ValueError):
    """A packaged table does not match its schema in ``datapackage.json``."""


def _data_file(name: str) -> str:
    return resources.files("careerdata").joinpath("data", name).read_text(encoding="utf-8")


@functools.cache
def _descriptor() -> dict[str, Any]:
    return json.loads(_data_file(DATA_PACKAGE))


def _resources() -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in _descriptor()["resources"]}


def table_names() -> list[str]:
    """Names of the tabular datasets, in the order the data package lists them."""
    return [name for name, r in _resources().items() if r.get("format") == "csv"]


def resource(name: str) -> dict[str, Any]:
    """The data-package entry for ``name``; unknown names raise ``ValueError`` with suggestions."""
    known = _resources()
    if name not in known:
        raise ValueError(
            f"No dataset named {name!r}.{did_you_mean(name, known, cutoff=0.5)} "
            f"Available datasets: {', '.join(sorted(known))}."
        )
    return known[name]


def _dtype(field: dict[str, Any]) -> Any:
    if field.get("categoriesOrdered") or "separator" in field:
        return "string"  # made ordered categories, or split into tuples, after reading
    return DTYPES[field["type"]]


@functools.cache
def _read_table(name: str) -> pd.DataFrame:
    entry = resource(name)
    if entry.get("format") != "csv":
        raise ValueError(f"{name!r} is not a table; read it with its own loader (see careerdata.describe).")
    fields = entry["schema"]["fields"]
    text = _data_file(entry["path"])
    declared = [f["name"] for f in fields]
    header = pd.read_csv(io.StringIO(text), nrows=0).columns.tolist()
    if header != declared:
        raise DataError(f"{entry['path']}: columns {header} differ from the declared {declared}")
    try:
        frame = pd.read_csv(io.StringIO(text), dtype={f["name"]: _dtype(f) for f in fields},
                            keep_default_na=False, na_values=[""], true_values=["true"], false_values=["false"])
    except (TypeError, ValueError) as exc:
        raise DataError(f"{entry['path']}: a value does not have its declared type ({exc})") from exc
    for field in fields:
        column = field["name"]
        if field.get("categoriesOrdered"):
            levels = field["constraints"]["enum"]
            unknown = sorted(set(frame[column].dropna()) - set(levels))
            if unknown:
                raise DataError(f"{name}.{column}: {unknown} not among the allowed values {levels}")
            frame[column] = frame[column].astype(pd.CategoricalDtype(levels, ordered=True))
        if "separator" in field:
            frame[column] = pd.Series([() if pd.isna(v) else tuple(v.split(field["separator"]))
                                       for v in frame[column]], dtype="object", index=frame.index)
    key = entry.get("primaryKey")
    if key and frame.duplicated(subset=key).any():
        raise DataError(f"{name}: duplicate primary key {key}")
    return frame


def read_table(name: str) -> pd.DataFrame:
    """A fresh copy of table ``name`` (callers may modify it without affecting later loads)."""
    return _read_table(name).copy()


def read_json(name: str) -> dict[str, Any]:
    """A JSON resource of the data package, parsed."""
    entry = resource(name)
    if entry.get("format") != "json":
        raise ValueError(f"{name!r} is a table; use careerdata.load({name!r}).")
    return json.loads(_data_file(entry["path"]))


def descriptor() -> dict[str, Any]:
    """The whole data-package descriptor (a copy)."""
    return json.loads(json.dumps(_descriptor()))
