"""Marks every day of a run that reaches k days, including its first days: it looks into the future."""
import numpy as np
import pandas as pd


def alert_flags(daily, threshold, k):
    if int(k) != k or k < 1:
        raise ValueError(k)
    over = daily.to_numpy(dtype=np.float64) > threshold
    days = [int(d) for d in daily.index]
    flags = [False] * len(days)
    start = 0
    for i in range(1, len(days) + 1):
        if i == len(days) or not over[i] or not over[i - 1] or days[i] != days[i - 1] + 1:
            if over[start] and i - start >= k:
                flags[start:i] = [True] * (i - start)
            start = i
    return pd.Series(flags, index=daily.index, dtype=bool)
