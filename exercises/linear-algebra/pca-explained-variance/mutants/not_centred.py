"""Takes the SVD of X without centring it, so the mean dominates the first component."""
import numpy as np


def explained_variance(X):
    X = np.asarray(X, dtype=np.float64)
    return np.linalg.svd(X, compute_uv=False) ** 2 / (X.shape[0] - 1)
