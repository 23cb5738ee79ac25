# %% [markdown]
# A predictive-maintenance model is trained on sensor readings that another team exports every night. The
# export arrives as text, and it has the faults of every real export: empty fields, spreadsheet error codes
# where numbers belong, readings from a broken sensor, labels nobody defined, records sent twice. The
# notebook's rule applies: never train on such rows and never quietly repair them; reject them and say why.
#
# Write `validate_rows(raw, ranges, labels, max_reject_fraction=0.05)`:
#
# - `raw` is a DataFrame with a `record_id` column, one column for each key of `ranges` and a `label`
#   column. The cells hold text (`str`) or are missing (`None` or `nan`), as `pd.read_csv(..., dtype=str)`
#   gives them. Its index need not be 0, 1, 2, …: a chunk of a large file keeps its row numbers.
# - `ranges` maps each numeric column to its valid range `(low, high)`, bounds included.
# - `labels` is the collection of valid labels.
#
# Apply these five rules to **every** row, and count each row under **every** rule it breaks:
#
# 1. `"missing value"`: the `record_id`, the `label` or a numeric column is missing or blank (empty, or
#    only spaces).
# 2. `"not a number"`: a numeric column holds text that is not blank and is not a number
#    (`pd.to_numeric(..., errors="coerce")` gives `nan` for such text).
# 3. `"out of range"`: a numeric column holds a number below its `low` or above its `high`.
# 4. `"unknown label"`: the label is not blank and is not one of `labels` (compare the text exactly).
# 5. `"duplicate id"`: the `record_id` is not blank and an earlier row has the same one. The first copy
#    is judged on its own; every later copy is rejected, whatever the state of the first.
#
# A row is rejected when it breaks at least one rule. Return the tuple `(accepted, report)`:
#
# - `accepted`: a DataFrame of the other rows, in their original order, with their original index labels
#   and the same columns, the numeric columns converted to `float64` and the other columns unchanged;
# - `report`: a dict with `"rows_in"`, `"rows_accepted"` and `"rows_rejected"` (ints), `"by_rule"` (a dict
#   from each of the five rule names, in the order above, to the number of rows breaking it, zeros
#   included) and `"rejected"` (the list of the rejected rows' index labels, in order).
#
# When more than `max_reject_fraction` of the rows are rejected (strictly more: exactly at the limit is
# still accepted), the problem is probably the export itself: raise `ValueError` with the counts by rule in
# its message instead of returning. Do not modify `raw`.

# %%
import pandas as pd

RULES = ("missing value", "not a number", "out of range", "unknown label", "duplicate id")


def validate_rows(raw, ranges, labels, max_reject_fraction=0.05):
    """Split raw rows into accepted rows and a report of the rejected ones, counted by rule."""
    ### BEGIN SOLUTION
    def blank(column):
        values = raw[column]
        return values.isna() | values.astype(str).str.strip().eq("")

    numeric = list(ranges)
    parsed = raw[numeric].apply(pd.to_numeric, errors="coerce")
    missing = blank("record_id") | blank("label")
    not_a_number = pd.Series(False, index=raw.index)
    out_of_range = pd.Series(False, index=raw.index)
    for column, (low, high) in ranges.items():
        missing |= blank(column)
        not_a_number |= parsed[column].isna() & ~blank(column)
        out_of_range |= (parsed[column] < low) | (parsed[column] > high)
    failed = pd.DataFrame({
        "missing value": missing,
        "not a number": not_a_number,
        "out of range": out_of_range,
        "unknown label": ~blank("label") & ~raw["label"].isin(list(labels)),
        "duplicate id": ~blank("record_id") & raw["record_id"].duplicated(keep="first"),
    })
    rejected = failed.any(axis=1)
    report = {
        "rows_in": len(raw),
        "rows_accepted": int((~rejected).sum()),
        "rows_rejected": int(rejected.sum()),
        "by_rule": {rule: int(failed[rule].sum()) for rule in RULES},
        "rejected": raw.index[rejected].tolist(),
    }
    if report["rows_rejected"] > max_reject_fraction * len(raw):
        raise ValueError(f"{report['rows_rejected']} of {len(raw)} rows failed validation, more than the"
                         f" allowed {max_reject_fraction:.0%}; by rule: {report['by_rule']}")
    accepted = raw.loc[~rejected].copy()
    for column in numeric:
        accepted[column] = parsed.loc[~rejected, column].astype("float64")
    return accepted, report
    ### END SOLUTION


# %% [markdown]
# A small delivery to try it on: which rows should go, and under which rules?

# %%
delivery = pd.DataFrame({
    "record_id": ["m-01", "m-02", "m-03", "m-04", "m-02", "m-06"],
    "temperature": ["21.5", "", "19.0", "#REF!", "22.0", "140"],
    "vibration": ["0.31", "0.29", "0.40", "0.33", "0.30", "0.35"],
    "label": ["ok", "ok", "wear", "fault", "ok", "fault"],
})
accepted_demo, report_demo = validate_rows(delivery, {"temperature": (-40, 120), "vibration": (0, 5)},
                                           {"ok", "fault"}, max_reject_fraction=1.0)
print(report_demo)
print(accepted_demo)

# %% [markdown] tags=["instructor"]
# Notes for instructors. The reference builds one boolean column per rule and combines them at the end,
# which makes "count under every rule" automatic; most wrong answers come from deciding row by row with an
# `if ... elif ...` chain, which counts a row only under its first failing rule (caught by
# check_counts_by_rule, row 113 breaks three rules). Other common mistakes and the check that catches them:
# treating "" and "  " as text that is not a number rather than as missing (check_counts_by_rule); using
# `duplicated(keep=False)`, which also rejects the first copy (check_counts_by_rule, check_accepted_rows);
# exclusive bounds (rows 107 and 115 sit exactly on them); resetting the index or converting the numeric
# columns inside `raw` (check_accepted_rows); `>=` for the delivery limit (hidden check_limit_is_allowed).
# The hidden check_generated_delivery plants faults at random in a 300-row table with three numeric columns,
# so a solution tailored to the public table fails it. Good discussion points: why not repair (an invented
# reading enters training without anyone knowing), why refuse a whole delivery (a changed unit or scale
# upstream makes most rows fail, and training on the rest would hide it), and what the report lets the
# exporting team fix.
