"""Read the tables described by ``data/datapackage.json``.

The data package is the one description of every table: its columns, their types and constraints, and
where the rows come from. This module turns a table into a pandas DataFrame with explicit dtypes (never
CSV inference) and checks the constraints on the way in, so that a damaged data file fails loudly at the
loader rather than quietly in a chart.

Files are read with :mod:`importlib.resources`, so the data is found the same way from a source checkout
and from an installed wheel. Nothing is read at import time and nothing is ever written.
"""

from __future__ import annotations

import csv
import difflib
import functools
import io
import json
from importlib import resources
from typing import Any

import pandas as pd

DATA_PACKAGE = "datapackage.json"


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
        close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.5)
        hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise ValueError(
            f"No dataset named {name!r}.{hint} Available datasets: {', '.join(sorted(known))}."
        )
    return known[name]


def _convert(column: list[str], field: dict[str, Any], table: str) -> pd.Series:
    """Convert one CSV column (strings; '' means missing) to the dtype its field declares."""
    name, kind = field["name"], field["type"]
    missing = [v == "" for v in column]
    values: list[Any] = [None if m else v for v, m in zip(column, missing, strict=True)]
    try:
        if kind == "integer":
            return pd.Series(values, dtype="Int64", name=name)
        if kind == "number":
            return pd.Series([None if v is None else float(v) for v in values], dtype="float64", name=name)
        if kind == "boolean":
            lookup = {"true": True, "false": False}
            bad = [v for v in values if v is not None and v not in lookup]
            if bad:
                raise DataError(f"{table}.{name}: {bad[0]!r} is not 'true' or 'false'")
            return pd.Series([None if v is None else lookup[v] for v in values], dtype="boolean", name=name)
    except (TypeError, ValueError) as exc:
        if isinstance(exc, DataError):
            raise
        raise DataError(f"{table}.{name}: a value is not a valid {kind} ({exc})") from exc
    if field.get("categoriesOrdered"):
        categories = field["constraints"]["enum"]
        bad = sorted({v for v in values if v is not None and v not in categories})
        if bad:
            raise DataError(f"{table}.{name}: {bad} not among the allowed values {categories}")
        return pd.Series(pd.Categorical(values, categories=categories, ordered=True), name=name)
    if "separator" in field:
        sep = field["separator"]
        return pd.Series([() if v is None else tuple(v.split(sep)) for v in values], dtype="object", name=name)
    return pd.Series(values, dtype="string", name=name)


def _check_constraints(frame: pd.DataFrame, fields: list[dict[str, Any]], table: str) -> None:
    for field in fields:
        name, rules = field["name"], field.get("constraints", {})
        column = frame[name]
        if rules.get("required") and column.isna().any():
            rows = list(column[column.isna()].index)
            raise DataError(f"{table}.{name}: required value missing in row(s) {rows}")
        present = column.dropna()
        if "enum" in rules and "separator" not in field:
            bad = sorted({str(v) for v in present if v not in rules["enum"]})
            if bad:
                raise DataError(f"{table}.{name}: {bad} not among the allowed values {rules['enum']}")
        if "minimum" in rules and (present < rules["minimum"]).any():
            raise DataError(f"{table}.{name}: a value is below the minimum {rules['minimum']}")
        if "maximum" in rules and (present > rules["maximum"]).any():
            raise DataError(f"{table}.{name}: a value is above the maximum {rules['maximum']}")
        if "pattern" in rules:
            bad = [v for v in present if not pd.Series([v]).str.fullmatch(rules["pattern"]).iloc[0]]
            if bad:
                raise DataError(f"{table}.{name}: {bad} do not match the pattern {rules['pattern']}")
        if rules.get("unique") and column.duplicated().any():
            raise DataError(f"{table}.{name}: duplicate values {sorted(set(column[column.duplicated()]))}")


@functools.cache
def _read_table(name: str) -> pd.DataFrame:
    entry = resource(name)
    if entry.get("format") != "csv":
        raise ValueError(f"{name!r} is not a table; read it with its own loader (see careerdata.describe).")
    fields = entry["schema"]["fields"]
    rows = list(csv.reader(io.StringIO(_data_file(entry["path"]))))
    header, body = rows[0], rows[1:]
    declared = [f["name"] for f in fields]
    if header != declared:
        raise DataError(f"{entry['path']}: columns {header} differ from the declared {declared}")
    columns = list(zip(*body, strict=True)) if body else [() for _ in declared]
    frame = pd.concat(
        [_convert(list(col), field, name) for col, field in zip(columns, fields, strict=True)], axis=1
    )
    _check_constraints(frame, fields, name)
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
