"""Cuts (1 - level) off each end instead of half of it, so a '95%' interval is a 90% interval."""
import numpy as np


def bootstrap_interval(sample, statistic, n_resamples, level, rng):
    sample = np.asarray(sample, dtype=np.float64)
    values = statistic(sample[rng.integers(0, len(sample), size=(n_resamples, len(sample)))], axis=1)
    low, high = np.quantile(values, [1.0 - level, level])
    return float(low), float(high)
