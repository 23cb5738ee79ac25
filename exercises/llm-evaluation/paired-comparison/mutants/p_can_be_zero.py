"""Leaves out the +1 correction, so a strong effect gets p = 0 exactly."""
import numpy as np


def sign_flip_p_value(a, b, n_resamples=10_000, seed=0):
    d = np.asarray(b, dtype=float) - np.asarray(a, dtype=float)
    signs = np.random.default_rng(seed).choice([-1.0, 1.0], size=(n_resamples, len(d)))
    null = (signs * d).mean(axis=1)
    return float(np.sum(np.abs(null) >= abs(d.mean())) / n_resamples)
