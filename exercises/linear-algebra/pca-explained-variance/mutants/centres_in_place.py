"""Centres the caller's float array in place."""
import numpy as np


def explained_variance(X):
    X = np.asarray(X, dtype=np.float64)
    X -= X.mean(axis=0)
    return np.linalg.svd(X, compute_uv=False) ** 2 / (X.shape[0] - 1)
