"""Divides by n instead of n - 1."""
import numpy as np


def explained_variance(X):
    X = np.asarray(X, dtype=np.float64)
    return np.linalg.svd(X - X.mean(axis=0), compute_uv=False) ** 2 / X.shape[0]
