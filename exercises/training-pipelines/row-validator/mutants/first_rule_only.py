"""Decides row by row with if/elif, so a row is counted only under the first rule it breaks."""
import pandas as pd

RULES = ("missing value", "not a number", "out of range", "unknown label", "duplicate id")


def validate_rows(raw, ranges, labels, max_reject_fraction=0.05):
    def is_blank(value):
        return value is None or (isinstance(value, float) and value != value) or str(value).strip() == ""

    counts = dict.fromkeys(RULES, 0)
    seen, rejected = set(), []
    for label, row in raw.iterrows():
        numbers = {c: pd.to_numeric(row[c], errors="coerce") for c in ranges}
        if any(is_blank(row[c]) for c in ["record_id", "label", *ranges]):
            rule = "missing value"
        elif any(numbers[c] != numbers[c] for c in ranges):
            rule = "not a number"
        elif any(not lo <= numbers[c] <= hi for c, (lo, hi) in ranges.items()):
            rule = "out of range"
        elif row["label"] not in labels:
            rule = "unknown label"
        elif row["record_id"] in seen:
            rule = "duplicate id"
        else:
            rule = None
        if not is_blank(row["record_id"]):
            seen.add(row["record_id"])
        if rule:
            counts[rule] += 1
            rejected.append(label)
    report = {"rows_in": len(raw), "rows_accepted": len(raw) - len(rejected), "rows_rejected": len(rejected),
              "by_rule": counts, "rejected": rejected}
    if len(rejected) > max_reject_fraction * len(raw):
        raise ValueError(f"too many bad rows: {counts}")
    accepted = raw.drop(index=rejected)
    for column in ranges:
        accepted[column] = pd.to_numeric(accepted[column]).astype("float64")
    return accepted, report
