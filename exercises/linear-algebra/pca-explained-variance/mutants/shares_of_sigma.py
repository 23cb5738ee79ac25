"""Computes shares from the singular values themselves instead of their squares."""
import numpy as np


def components_needed(X, share):
    X = np.asarray(X, dtype=np.float64)
    sigma = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return int(np.searchsorted(np.cumsum(sigma) / sigma.sum(), share) + 1)
