"""Shuffles the sample instead of resampling with replacement, so every resample has the same statistic."""
import numpy as np


def bootstrap_interval(sample, statistic, n_resamples, level, rng):
    sample = np.asarray(sample, dtype=np.float64)
    values = statistic(rng.permuted(np.tile(sample, (n_resamples, 1)), axis=1), axis=1)
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(values, [tail, 1.0 - tail])
    return float(low), float(high)
