"""Counts only resampled means above the observed mean (one-sided), so swapping the versions changes p."""
import numpy as np


def sign_flip_p_value(a, b, n_resamples=10_000, seed=0):
    d = np.asarray(b, dtype=float) - np.asarray(a, dtype=float)
    signs = np.random.default_rng(seed).choice([-1.0, 1.0], size=(n_resamples, len(d)))
    null = (signs * d).mean(axis=1)
    return float((1 + np.sum(null >= d.mean())) / (n_resamples + 1))
