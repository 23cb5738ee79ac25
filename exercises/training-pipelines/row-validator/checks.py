"""Public checks for training-pipelines.row-validator (students see these)."""

import pandas as pd

from coursegrader.helpers import INT_TYPES, expect_array, expect_int, expect_list_of_str, expect_raises, fail

RULES = ["missing value", "not a number", "out of range", "unknown label", "duplicate id"]
RANGES = {"temperature": (-40, 60), "humidity": (0, 100)}
LABELS = ["ok", "fault"]


def _delivery():
    """18 rows, numbered from 100 like a chunk of a bigger file; the comment says what each row breaks."""
    rows = [
        ("r00", "21.5", "40", "ok"),  # 100 clean
        ("r01", "", "55", "ok"),  # 101 missing value (empty)
        ("r02", "19", None, "fault"),  # 102 missing value (None)
        ("r03", "  ", "30", "ok"),  # 103 missing value (only spaces)
        ("r04", "#REF!", "50", "ok"),  # 104 not a number
        ("r05", "20,5", "50", "fault"),  # 105 not a number (decimal comma)
        ("r06", "75", "50", "ok"),  # 106 out of range (temperature above 60)
        ("r07", "-40", "100", "ok"),  # 107 clean: both values sit exactly on a bound
        ("r08", "25", "-0.5", "ok"),  # 108 out of range (humidity below 0)
        ("r09", "22", "45", "broken"),  # 109 unknown label
        ("r10", "22", "45", "OK"),  # 110 unknown label (labels are compared exactly)
        ("r03", "18", "35", "ok"),  # 111 duplicate id (of row 103, itself rejected)
        ("r00", "21.5", "40", "ok"),  # 112 duplicate id (of row 100)
        ("r13", "abc", "150", "cat"),  # 113 not a number, out of range and unknown label
        (None, "10", "10", "ok"),  # 114 missing value (record_id)
        ("r15", "60", "0", "fault"),  # 115 clean: on the bounds again
        ("r16", "30.25", "12", "fault"),  # 116 clean
        ("r17", " 0 ", "7", "ok"),  # 117 clean: spaces around a number are fine
    ]
    frame = pd.DataFrame(rows, columns=["record_id", "temperature", "humidity", "label"], dtype=object)
    frame.index = pd.RangeIndex(100, 100 + len(rows))
    return frame


EXPECTED_BY_RULE = {"missing value": 4, "not a number": 3, "out of range": 3, "unknown label": 3,
                    "duplicate id": 2}
ACCEPTED = [100, 107, 115, 116, 117]
REJECTED = [101, 102, 103, 104, 105, 106, 108, 109, 110, 111, 112, 113, 114]


def _pair(result, what):
    if type(result) is not tuple or len(result) != 2:
        fail(f"{what} should return a tuple (accepted, report).")
    return result


def _int_labels(values, what):
    labels = []
    for value in values:
        if type(value) not in INT_TYPES:
            fail(f"{what} holds {value!r}, expected row index labels (integers here).")
        labels.append(int(value))
    return labels


def check_counts_by_rule(validate_rows):
    """On an 18-row delivery the report counts the rows under each rule, and 18 in, 5 accepted, 13 rejected.

    A row that breaks three rules counts under all three.
    """
    _, report = _pair(validate_rows(_delivery(), dict(RANGES), list(LABELS), 1.0),
                      "validate_rows(raw, ranges, labels, 1.0)")
    if type(report) is not dict:
        fail(f"The report is a {type(report).__name__}, expected a dict.")
    by_rule = report.get("by_rule")
    if type(by_rule) is not dict:
        fail("report['by_rule'] should be a dict from rule name to count.")
    names = expect_list_of_str(list(by_rule), what="the rule names in report['by_rule']")
    if names != RULES:
        fail(f"report['by_rule'] has the rules {names}, expected {RULES} in that order (zeros included).")
    hints = {
        "missing value": "An empty field and a field of spaces are missing too, not 'not a number'.",
        "not a number": "Count text that is present but does not parse; blank fields are 'missing value'.",
        "out of range": "Check every rule on every row: a row can break several (row 113 breaks three)."
                        " Bounds are included: -40 and 60 are valid temperatures.",
        "unknown label": "Compare labels exactly ('OK' is not 'ok'), and check every rule on every row (row 113"
                         " breaks three).",
        "duplicate id": "Only later copies are duplicates; the first copy is judged on its own.",
    }
    for rule, expected in EXPECTED_BY_RULE.items():
        expect_int(by_rule[rule], expected, what=f"report['by_rule'][{rule!r}]", hint=hints[rule])
    for key, expected in [("rows_in", 18), ("rows_accepted", 5), ("rows_rejected", 13)]:
        if key not in report:
            fail(f"The report has no {key!r} entry.")
        expect_int(report[key], expected, what=f"report[{key!r}]")


def check_accepted_rows(validate_rows):
    """Rows 100, 107, 115, 116 and 117 are accepted, numbers as float64; report['rejected'] lists the rest.

    The accepted rows keep their index labels and their labels; the input table is not modified.
    """
    raw = _delivery()
    before = raw.copy()
    accepted, report = _pair(validate_rows(raw, dict(RANGES), list(LABELS), 1.0),
                             "validate_rows(raw, ranges, labels, 1.0)")
    if not raw.equals(before):
        fail("validate_rows changed the table it was given: work on a copy.")
    if type(accepted) is not pd.DataFrame:
        fail(f"accepted is {type(accepted).__name__}, expected a pandas DataFrame.")
    index = _int_labels(accepted.index.tolist(), "accepted.index")
    if index != ACCEPTED:
        fail(f"accepted has the index labels {index}, expected {ACCEPTED}: keep the original index (no"
             " reset_index) and reject every row that breaks a rule.")
    columns = expect_list_of_str([str(c) for c in accepted.columns], what="accepted's columns")
    if columns != list(raw.columns):
        fail(f"accepted has the columns {columns}, expected {list(raw.columns)}.")
    for column in RANGES:
        if str(accepted[column].dtype) != "float64":
            fail(f"accepted[{column!r}] has dtype {accepted[column].dtype}, expected float64.")
    expect_array(accepted["temperature"].to_numpy(dtype="float64"), [21.5, -40.0, 60.0, 30.25, 0.0],
                 what="accepted['temperature']")
    expect_array(accepted["humidity"].to_numpy(dtype="float64"), [40.0, 100.0, 0.0, 12.0, 7.0],
                 what="accepted['humidity']")
    labels = expect_list_of_str([str(v) for v in accepted["label"].tolist()], what="accepted['label']")
    if labels != ["ok", "ok", "fault", "fault", "ok"]:
        fail(f"accepted['label'] is {labels}, expected the labels unchanged.")
    if type(report) is not dict or "rejected" not in report:
        fail("The report should be a dict with a 'rejected' entry.")
    if type(report["rejected"]) is not list:
        fail("report['rejected'] should be a list of index labels (use .tolist()).")
    rejected = _int_labels(report["rejected"], "report['rejected']")
    if rejected != REJECTED:
        fail(f"report['rejected'] is {rejected}, expected {REJECTED}.")


def check_refuses_bad_delivery(validate_rows):
    """With max_reject_fraction=0.25, 3 bad rows of 8 raise ValueError; 1 bad row of 8 is accepted."""
    rows = [(f"k{i}", str(10 + i), "50", "ok") for i in range(8)]
    frame = pd.DataFrame(rows, columns=["record_id", "temperature", "humidity", "label"], dtype=object)
    frame.loc[2, "temperature"] = "999"
    _, report = _pair(validate_rows(frame.copy(), dict(RANGES), list(LABELS), 0.25),
                      "validate_rows with 1 bad row of 8")
    if type(report) is not dict or "rows_rejected" not in report:
        fail("The report should be a dict with a 'rows_rejected' entry.")
    expect_int(report["rows_rejected"], 1, what="report['rows_rejected'] with 1 bad row of 8")
    frame.loc[5, "humidity"] = "n/a"
    frame.loc[7, "label"] = "unknown"
    expect_raises(ValueError, validate_rows, frame.copy(), dict(RANGES), list(LABELS), 0.25,
                  what="validate_rows with 3 bad rows of 8 and max_reject_fraction=0.25",
                  hint="When more than max_reject_fraction of the rows fail, refuse the whole delivery.")
