"""Uses mean +/- 2 standard deviations of the per-question differences: the spread of questions, not of the mean."""
import numpy as np


def paired_bootstrap_ci(a, b, n_resamples=10_000, seed=0):
    d = np.asarray(b, dtype=float) - np.asarray(a, dtype=float)
    return float(d.mean() - 2 * d.std()), float(d.mean() + 2 * d.std())
