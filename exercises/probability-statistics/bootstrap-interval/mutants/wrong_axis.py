"""Applies the statistic down the columns (axis=0), averaging across resamples instead of within each."""
import numpy as np


def bootstrap_interval(sample, statistic, n_resamples, level, rng):
    sample = np.asarray(sample, dtype=np.float64)
    values = statistic(sample[rng.integers(0, len(sample), size=(n_resamples, len(sample)))], axis=0)
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(values, [tail, 1.0 - tail])
    return float(low), float(high)
