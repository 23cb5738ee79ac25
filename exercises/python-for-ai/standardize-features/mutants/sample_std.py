"""Divides by n - 1 (pandas' convention) instead of n."""
import numpy as np


def fit_standardizer(X):
    X = np.asarray(X, dtype=np.float64)
    scale = X.std(axis=0, ddof=1)
    return X.mean(axis=0), np.where(X.max(axis=0) == X.min(axis=0), 1.0, scale)
