"""Counts a value equal to the threshold as over it."""
import numpy as np
import pandas as pd


def alert_flags(daily, threshold, k):
    if int(k) != k or k < 1:
        raise ValueError(k)
    over = daily.to_numpy(dtype=np.float64) >= threshold
    flags, run, previous = [], 0, None
    for day, is_over in zip(daily.index, over, strict=True):
        if previous is None or int(day) != previous + 1:
            run = 0
        run = run + 1 if is_over else 0
        flags.append(run >= k)
        previous = int(day)
    return pd.Series(flags, index=daily.index, dtype=bool)
