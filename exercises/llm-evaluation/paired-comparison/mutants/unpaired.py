"""Resamples a and b with independent indices: an unpaired bootstrap."""
import numpy as np


def paired_bootstrap_ci(a, b, n_resamples=10_000, seed=0):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    gen = np.random.default_rng(seed)
    ia = gen.integers(0, len(a), size=(n_resamples, len(a)))
    ib = gen.integers(0, len(b), size=(n_resamples, len(b)))
    low, high = np.percentile(b[ib].mean(axis=1) - a[ia].mean(axis=1), [2.5, 97.5])
    return float(low), float(high)
