"""Counts all days over the threshold so far instead of consecutive ones."""
import numpy as np
import pandas as pd


def alert_flags(daily, threshold, k):
    if int(k) != k or k < 1:
        raise ValueError(k)
    over = daily.to_numpy(dtype=np.float64) > threshold
    return pd.Series(over & (np.cumsum(over) >= k), index=daily.index, dtype=bool)
