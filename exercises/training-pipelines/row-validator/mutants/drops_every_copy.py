"""Rejects every copy of a duplicated id, the first one included (keep=False)."""
import pandas as pd

RULES = ("missing value", "not a number", "out of range", "unknown label", "duplicate id")


def validate_rows(raw, ranges, labels, max_reject_fraction=0.05):
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
        "duplicate id": ~blank("record_id") & raw["record_id"].duplicated(keep=False),
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
        raise ValueError(f"{report['rows_rejected']} of {len(raw)} rows failed; by rule: {report['by_rule']}")
    accepted = raw.loc[~rejected].copy()
    for column in numeric:
        accepted[column] = parsed.loc[~rejected, column].astype("float64")
    return accepted, report
