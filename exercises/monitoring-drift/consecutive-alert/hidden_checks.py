"""Hidden checks for monitoring-drift.consecutive-alert (instructors only; never shipped to students)."""

import numpy as np
import pandas as pd

from coursegrader.helpers import expect_array, expect_int, expect_raises, fail


def _flags(value, expected, what):
    if type(value) is not pd.Series or value.dtype != np.dtype(bool):
        fail(f"{what} should be a pandas Series of bool.")
    expect_array(value.to_numpy(), np.array(expected, dtype=bool), what=what, kind="b")


def _brute_force(values, days, threshold, k):
    present = {int(d): v for d, v in zip(days, values, strict=True)}
    return [all((d - j) in present and present[d - j] > threshold for j in range(k)) for d in days]


def check_missing_days_break_runs(alert_flags, first_alert_day):
    """Days 10, 11, 13, 14, 15, 17 all over the threshold: with k = 3 only day 15 ends three days in a row."""
    daily = pd.Series(0.9, index=[10, 11, 13, 14, 15, 17])
    _flags(alert_flags(daily.copy(), 0.25, 3), [False, False, False, False, True, False],
           "alert_flags(series with missing days 12 and 16, 0.25, 3)")
    expect_int(first_alert_day(daily.copy(), 0.25, 3), 15, what="first_alert_day(series with gaps, 0.25, 3)")
    expect_int(first_alert_day(daily.copy(), 0.25, 2), 11, what="first_alert_day(series with gaps, 0.25, 2)")


def check_strict_threshold_and_nan(alert_flags):
    """A value equal to the threshold or nan is not over it and breaks the run."""
    daily = pd.Series([0.3, 0.25, 0.3, 0.3, np.nan, 0.3, 0.3, 0.3], index=range(100, 108))
    _flags(alert_flags(daily.copy(), 0.25, 2), [False, False, False, True, False, False, True, True],
           "alert_flags(series with 0.25 and nan, 0.25, 2)")


def check_against_brute_force(alert_flags, first_alert_day):
    """On 300 seeded days with a few missing, flags and first day match a brute-force rule for k = 1 to 4."""
    rng = np.random.default_rng(31)
    days = np.sort(rng.choice(np.arange(1000, 1330), size=300, replace=False))
    values = rng.lognormal(np.log(0.2), 0.5, 300)
    daily = pd.Series(values, index=days)
    for k in (1, 2, 3, 4):
        expected = _brute_force(values, days, 0.25, k)
        _flags(alert_flags(daily.copy(), 0.25, k), expected, f"alert_flags(300 days, 0.25, {k})")
        first = first_alert_day(daily.copy(), 0.25, k)
        if any(expected):
            expect_int(first, int(days[expected.index(True)]), what=f"first_alert_day(300 days, 0.25, {k})")
        elif first is not None:
            fail(f"first_alert_day(300 days, 0.25, {k}) should be None.")


def check_invalid_k(alert_flags):
    """k = 0 and k = 1.5 raise ValueError."""
    daily = pd.Series([0.3, 0.4], index=[0, 1])
    expect_raises(ValueError, alert_flags, daily, 0.25, 0, what="alert_flags(series, 0.25, 0)")
    expect_raises(ValueError, alert_flags, daily, 0.25, 1.5, what="alert_flags(series, 0.25, 1.5)")
