"""Hidden checks for training-pipelines.row-validator (instructors only; never shipped to students)."""

import numpy as np
import pandas as pd

from coursegrader.helpers import expect_array, expect_int, fail

RULES = ["missing value", "not a number", "out of range", "unknown label", "duplicate id"]


def _planted(seed=31, n=300):
    """A 300-row delivery with three numeric columns and faults planted at random (some rows get several)."""
    rng = np.random.default_rng(seed)
    ranges = {"speed": (0.0, 3000.0), "load": (-1.0, 1.0), "current": (0.5, 40.0)}
    labels = ["normal", "bearing", "misalignment"]
    frame = pd.DataFrame({
        "record_id": [f"unit-{i:04d}" for i in range(n)],
        "speed": [f"{v:.1f}" for v in rng.uniform(10, 2990, n)],
        "load": [f"{v:.3f}" for v in rng.uniform(-0.99, 0.99, n)],
        "current": [f"{v:.2f}" for v in rng.uniform(1, 39, n)],
        "label": rng.choice(labels, n),
    }, dtype=object)
    frame.index = pd.RangeIndex(5000, 5000 + n)
    rows = {rule: set() for rule in RULES}
    for r in rng.choice(n, 15, replace=False):
        frame.iloc[r, frame.columns.get_loc("speed")] = rng.choice(["", "   ", None, np.nan])
        rows["missing value"].add(int(r))
    for r in rng.choice(n, 12, replace=False):
        frame.iloc[r, frame.columns.get_loc("load")] = rng.choice(["#DIV/0!", "1.2.3", "high"])
        rows["not a number"].add(int(r))
    for r in rng.choice(n, 12, replace=False):
        frame.iloc[r, frame.columns.get_loc("current")] = rng.choice(["0.49", "40.01", "-3", "1e3"])
        rows["out of range"].add(int(r))
    for r in rng.choice(n, 10, replace=False):
        frame.iloc[r, frame.columns.get_loc("label")] = rng.choice(["Normal", "bearing ", "gear"])
        rows["unknown label"].add(int(r))
    for r in rng.choice(np.arange(150, n), 8, replace=False):
        frame.iloc[r, frame.columns.get_loc("record_id")] = f"unit-{int(rng.integers(0, 150)):04d}"
        rows["duplicate id"].add(int(r))
    return frame, ranges, labels, rows


def check_generated_delivery(validate_rows):
    """On 300 rows with three numeric columns and random faults, counts, rejected rows and values are right."""
    frame, ranges, labels, rows = _planted()
    result = validate_rows(frame.copy(), dict(ranges), list(labels), 1.0)
    if type(result) is not tuple or len(result) != 2:
        fail("validate_rows should return a tuple (accepted, report).")
    accepted, report = result
    if type(report) is not dict or type(report.get("by_rule")) is not dict:
        fail("The report should be a dict with a 'by_rule' dict.")
    for rule in RULES:
        if rule not in report["by_rule"]:
            fail(f"report['by_rule'] has no {rule!r} entry.")
        expect_int(report["by_rule"][rule], len(rows[rule]), what=f"by_rule[{rule!r}] on a generated table")
    bad = sorted(set().union(*rows.values()))
    expected_rejected = [5000 + r for r in bad]
    if type(report.get("rejected")) is not list:
        fail("report['rejected'] should be a list of index labels.")
    got = [int(v) for v in report["rejected"]]
    if got != expected_rejected:
        wrong = sorted(set(got) ^ set(expected_rejected))[:5]
        fail(f"report['rejected'] on a generated table lists {len(got)} rows, expected {len(expected_rejected)};"
             f" rows wrongly in or out of it include {wrong}.")
    if type(accepted) is not pd.DataFrame:
        fail("accepted should be a DataFrame.")
    keep = [r for r in range(len(frame)) if r not in set(bad)]
    if [int(v) for v in accepted.index.tolist()] != [5000 + r for r in keep]:
        fail("accepted has the wrong rows on a generated table.")
    for column in ranges:
        expect_array(accepted[column].to_numpy(dtype="float64"),
                     frame[column].iloc[keep].astype(float).to_numpy(),
                     what=f"accepted[{column!r}] on a generated table")


def check_limit_is_allowed(validate_rows):
    """Exactly at the limit (2 bad rows of 8, max_reject_fraction=0.25) the delivery is still accepted."""
    rows = [(f"k{i}", str(10 + i), "50", "ok") for i in range(8)]
    frame = pd.DataFrame(rows, columns=["record_id", "temperature", "humidity", "label"], dtype=object)
    frame.loc[1, "label"] = "??"
    frame.loc[6, "record_id"] = "k0"
    ranges = {"temperature": (-40, 60), "humidity": (0, 100)}
    try:
        result = validate_rows(frame, ranges, ["ok", "fault"], 0.25)
    except ValueError as error:
        fail(f"2 bad rows of 8 with max_reject_fraction=0.25 were refused ({error}): only *more* than the"
             " fraction should be refused.")
    if type(result) is not tuple or len(result) != 2 or type(result[1]) is not dict:
        fail("validate_rows should return a tuple (accepted, report dict).")
    if "rows_rejected" not in result[1]:
        fail("The report has no 'rows_rejected' entry.")
    expect_int(result[1]["rows_rejected"], 2, what="report['rows_rejected'] at the limit")
