"""Makes its own generator with a fixed seed instead of using the rng argument."""
import numpy as np


def bootstrap_interval(sample, statistic, n_resamples, level, rng):
    rng = np.random.default_rng(0)
    sample = np.asarray(sample, dtype=np.float64)
    values = statistic(sample[rng.integers(0, len(sample), size=(n_resamples, len(sample)))], axis=1)
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(values, [tail, 1.0 - tail])
    return float(low), float(high)
