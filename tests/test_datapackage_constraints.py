"""Every shipped table satisfies every constraint its schema in ``datapackage.json`` declares.

The loader (careerdata/_package.py) only does what is free at load time: declared dtypes, known levels, a
unique primary key. The rest of the Table Schema, required values, allowed values, ranges, patterns,
uniqueness and references to other tables (the package's own `foreignKey`
property), is checked here for every table, so a damaged or hand-edited CSV fails the
suite with the table, the column and the offending values. The validator is itself tested on planted
damage, so it cannot pass vacuously.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

import careerdata
from careerdata import _package


def violations(frame: pd.DataFrame, entry: dict[str, Any]) -> list[str]:
    """Every way ``frame`` breaks the constraints of its data-package ``entry``, as readable sentences."""
    table, found = entry["name"], []
    for field in entry["schema"]["fields"]:
        name, rules = field["name"], field.get("constraints", {})
        column = frame[name]
        missing = column.isna()
        if rules.get("required") and missing.any():
            found.append(f"{table}.{name}: required value missing in row(s) {list(column[missing].index)}")
        present = column[~column.isna()]
        if "enum" in rules:
            values = [v for items in present for v in items] if "separator" in field else list(present)
            bad = sorted({str(v) for v in values if v not in rules["enum"]})
            if bad:
                found.append(f"{table}.{name}: {bad} not among the allowed values {rules['enum']}")
        if "minimum" in rules and (present < rules["minimum"]).any():
            found.append(f"{table}.{name}: {sorted(present[present < rules['minimum']])} below {rules['minimum']}")
        if "maximum" in rules and (present > rules["maximum"]).any():
            found.append(f"{table}.{name}: {sorted(present[present > rules['maximum']])} above {rules['maximum']}")
        if "pattern" in rules:
            text = present.astype("string")
            bad = sorted(text[~text.str.fullmatch(rules["pattern"])])
            if bad:
                found.append(f"{table}.{name}: {bad} do not match the pattern {rules['pattern']}")
        if rules.get("unique") and column.duplicated().any():
            found.append(f"{table}.{name}: duplicate values {sorted(set(column[column.duplicated()]))}")
        target = field.get("foreignKey")  # this package's own property: a field naming the table it refers to
        if target:
            (target_key,) = _package.resource(target)["primaryKey"]
            allowed = set(careerdata.load(target)[target_key])
            values = {v for cell in present for v in (cell if isinstance(cell, tuple) else (cell,))}
            if values - allowed:
                found.append(f"{table}.{name}: {sorted(values - allowed)} not found in {target}.{target_key}")
    return found


@pytest.mark.parametrize("name", careerdata.list_datasets())
def test_shipped_table_satisfies_its_schema(name: str) -> None:
    assert not violations(careerdata.load(name), _package.resource(name)), "\n".join(
        violations(careerdata.load(name), _package.resource(name)))


@pytest.mark.parametrize(("table", "column", "damage", "expected"), [
    ("salary_bands", "title", None, "required value missing"),
    ("career_ratings", "score", 11.0, "above"),
    ("salary_bands", "salary_low_usd", -5, "below"),
    ("skill_areas", "skill_id", "Not A Slug", "do not match the pattern"),
    ("sources", "kind", "rumour", "not among the allowed values"),
    ("sources", "source_id", "DUPLICATE", "duplicate values"),
])
def test_the_validator_catches_planted_damage(table: str, column: str, damage: object, expected: str) -> None:
    frame = careerdata.load(table)
    if damage == "DUPLICATE":
        frame.loc[1, column] = frame.loc[0, column]
    else:
        frame.loc[0, column] = damage
    entry = _package.resource(table)
    if not any(column == f["name"] and f.get("constraints") for f in entry["schema"]["fields"]):
        pytest.skip(f"{table}.{column} declares no constraint any more")
    assert any(expected in message for message in violations(frame, entry)), violations(frame, entry)


def test_the_validator_catches_a_dangling_reference() -> None:
    frame = careerdata.load("salary_bands")
    frame.loc[0, "source_id"] = "no-such-source"
    assert any("no-such-source" in m for m in violations(frame, _package.resource("salary_bands")))
