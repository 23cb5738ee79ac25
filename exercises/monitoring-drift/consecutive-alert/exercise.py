# %% [markdown]
# A drift metric computed every day is noisy: on a stable day it can jump over its threshold by chance,
# and an alert that pages someone for every such day is soon ignored. The notebook's remedy is
# persistence: page only when the metric has been over the threshold on k consecutive days. That costs up
# to k − 1 days of delay on a real shift and removes most one-day flukes. Here you write the rule.
#
# `daily` is a pandas Series of floats indexed by day number (integers, increasing), for example the
# largest PSI of any feature on each day. Days can be missing from the index (the job did not run) and
# values can be `nan` (no data that day); both break a run, just like a day at or below the threshold.
# "Over" means strictly greater than `threshold`.
#
# Write two functions:
#
# 1. `alert_flags(daily, threshold, k)` returns a pandas Series of `bool` with the same index as `daily`:
#    `True` on each day d for which d and the k − 1 days before it (d − 1, …, d − k + 1) are all present
#    and all over the threshold. While a run continues the flag stays on; after a break it takes k more
#    days over the threshold to come back. Raise `ValueError` when k is not a whole number ≥ 1.
# 2. `first_alert_day(daily, threshold, k)` returns the day the alert first fires, as an `int` day
#    number from the index (not a position), or `None` when it never fires.
#
# An alert can only use what is known on the day it fires: it cannot mark the first day of a run that
# will later reach k days.

# %%
import numpy as np
import pandas as pd


def alert_flags(daily, threshold, k):
    """True on each day that ends a run of k consecutive days (by day number) with values above threshold."""
    ### BEGIN SOLUTION
    if int(k) != k or k < 1:
        raise ValueError(f"k must be a whole number of days, at least 1; got {k}")
    over = daily.to_numpy(dtype=np.float64) > threshold  # nan > threshold is False: no data breaks a run
    flags, run, previous = [], 0, None
    for day, is_over in zip(daily.index, over, strict=True):
        if previous is None or int(day) != previous + 1:
            run = 0  # the first day, or a day missing before this one
        run = run + 1 if is_over else 0
        flags.append(run >= k)
        previous = int(day)
    return pd.Series(flags, index=daily.index, dtype=bool)
    ### END SOLUTION


def first_alert_day(daily, threshold, k):
    """The first day number on which the k-days-in-a-row alert fires, or None."""
    ### BEGIN SOLUTION
    flags = alert_flags(daily, threshold, k)
    if not flags.any():
        return None
    return int(flags.index[np.argmax(flags.to_numpy())])
    ### END SOLUTION


# %% [markdown]
# A small example to check by hand: with threshold 0.25 and k = 2 the alert fires on day 4.

# %%
example = pd.Series([0.1, 0.3, 0.2, 0.4, 0.5, 0.6, 0.1], index=range(7))
print(alert_flags(example, 0.25, 2).to_numpy(), first_alert_day(example, 0.25, 2))

# %% [markdown]
# Now measure the trade-off. The simulated daily PSI below is stable noise (median 0.03, with an
# occasional spike) for ten years of days, and a timeline like the notebook's, in which a feature shift
# starts on day 60 and PSI grows by about 0.1 a day. For k = 1, 2 and 3 the cell prints the false alarms
# per year on the stable stretch (days on which the alert starts; a run of flagged days counts once) and
# the day the shift is first flagged. Which k would you page someone with?

# %%
rng = np.random.default_rng(0)
stable = pd.Series(rng.lognormal(np.log(0.03), 1.0, 3650))
days = np.arange(30, 130)
growth = np.clip(0.1 * (days - 59), 0.0, 0.6)
timeline = pd.Series((0.03 + growth) * rng.lognormal(0.0, 0.5, days.size), index=days)
for k in (1, 2, 3):
    flags = alert_flags(stable, 0.25, k)
    starts = int((flags & ~flags.shift(1, fill_value=False)).sum())
    print(f"k = {k}: {starts / 10:.1f} false alarms a year; shift on day 60 first flagged on day "
          f"{first_alert_day(timeline, 0.25, k)}")

# %% [markdown] tags=["instructor"]
# Notes for instructors. A run counter reset on every break is the whole algorithm; the traps are in the
# data, not the loop. `daily.rolling(k).min() > threshold` is close, but it counts positions, not days,
# so a missing day joins the runs on either side of it (hidden check_missing_days_break_runs). The
# comparison must be strict, and `nan > t` is False, which conveniently treats a day without data as a
# break (hidden check_strict_threshold_and_nan); `~(x <= t)` would count nan as over. `flags.idxmax()`
# returns the first label even when no flag is set, so the None case needs its own test
# (check_quiet_series). Returning `np.argmax(flags)` gives a position (check_day_labels). Marking every
# day of a long-enough run looks ahead in time (check_hand_example). In the demo, k = 1 pages about six
# times a year on a stable feature, k = 2 almost never, and each extra day of persistence delays the real
# alert by about a day. Discuss: what should happen on the day after an alert fires (the flag stays on,
# but nobody wants a page a day), and how a holiday with unusual traffic would look to each rule.
