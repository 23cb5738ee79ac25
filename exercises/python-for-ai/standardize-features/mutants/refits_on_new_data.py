"""Ignores the stored statistics and rescales every batch with its own mean and standard deviation."""
import numpy as np


def standardize(X, mean, scale):
    X = np.asarray(X, dtype=np.float64)
    own_scale = X.std(axis=0)
    return (X - X.mean(axis=0)) / np.where(X.max(axis=0) == X.min(axis=0), 1.0, own_scale)
