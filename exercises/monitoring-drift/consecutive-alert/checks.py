"""Public checks for monitoring-drift.consecutive-alert (students see these).

They use small series worked out by hand, so they do not give the algorithm away.
"""

import numpy as np
import pandas as pd

from coursegrader.helpers import expect_array, expect_int, fail

HAND = pd.Series([0.05, 0.3, 0.1, 0.3, 0.4, 0.5, 0.2, 0.26, 0.27, 0.28, 0.1, 0.9], index=range(12))


def expect_flags(value, index, expected, what):
    """A bool Series with the given integer index and values."""
    if type(value) is not pd.Series:
        fail(f"{what} returned {type(value).__name__}, expected a pandas Series of bool.")
    if value.dtype != np.dtype(bool):
        fail(f"{what} has dtype {value.dtype}, expected bool.")
    labels = [int(label) for label in value.index.tolist()]
    if labels != [int(label) for label in index]:
        fail(f"{what} has the index {labels[:8]}..., expected the input's index {list(index)[:8]}...")
    expect_array(value.to_numpy(), np.array(expected, dtype=bool), what=what, kind="b")


def expect_none(value, what, hint=""):
    if value is not None:
        fail(f"{what} returned {value!r}, expected None (the alert never fires). {hint}".rstrip())


def check_hand_example(alert_flags, first_alert_day):
    """On a 12-day series with threshold 0.25: k = 3 fires on days 5 and 9, k = 1 on every day over it."""
    flags3 = [False] * 12
    flags3[5] = flags3[9] = True
    expect_flags(alert_flags(HAND.copy(), 0.25, 3), HAND.index, flags3, "alert_flags(series, 0.25, 3)")
    expect_int(first_alert_day(HAND.copy(), 0.25, 3), 5, what="first_alert_day(series, 0.25, 3)",
               hint="Days 3, 4 and 5 are over 0.25: the alert can fire on day 5, not before it knows.")
    over = (HAND > 0.25).tolist()
    expect_flags(alert_flags(HAND.copy(), 0.25, 1), HAND.index, over, "alert_flags(series, 0.25, 1)")
    expect_int(first_alert_day(HAND.copy(), 0.25, 1), 1, what="first_alert_day(series, 0.25, 1)")


def check_quiet_series(alert_flags, first_alert_day):
    """When no run reaches k days the flags are all False and first_alert_day returns None."""
    quiet = pd.Series(np.full(20, 0.05), index=range(20))
    expect_flags(alert_flags(quiet.copy(), 0.25, 2), quiet.index, [False] * 20, "alert_flags(quiet series, 0.25, 2)")
    expect_none(first_alert_day(quiet.copy(), 0.25, 2), "first_alert_day(quiet series, 0.25, 2)",
                hint="pandas' idxmax returns the first label when every flag is False.")
    expect_none(first_alert_day(HAND.copy(), 0.25, 4), "first_alert_day(series, 0.25, 4)",
                hint="The longest run in that series is 3 days.")


def check_day_labels(first_alert_day):
    """For a series indexed by days 30 to 89, the answer is a day number, not a position."""
    values = np.random.default_rng(5).uniform(0.0, 0.2, 60)
    values[14:17] = [0.4, 0.3, 0.35]
    daily = pd.Series(values, index=range(30, 90))
    expect_int(first_alert_day(daily.copy(), 0.25, 2), 45, what="first_alert_day(days 30-89, 0.25, 2)",
               hint="Return the index label of the day (daily.index[...]), not its position in the Series.")
