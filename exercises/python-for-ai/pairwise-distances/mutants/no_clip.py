"""Takes the square root without clipping, so rounding negatives become nan."""
import numpy as np


def pairwise_distances(X, Y):
    X = np.asarray(X, dtype=np.float64)
    Y = np.asarray(Y, dtype=np.float64)
    return np.sqrt((X**2).sum(axis=1)[:, None] + (Y**2).sum(axis=1)[None, :] - 2.0 * (X @ Y.T))
