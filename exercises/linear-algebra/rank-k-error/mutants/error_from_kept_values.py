"""Sums the kept singular values instead of the dropped ones."""
import numpy as np


def predicted_error(A, k):
    s = np.linalg.svd(np.asarray(A, dtype=np.float64), compute_uv=False)
    return float(np.sqrt(np.sum(s[:k] ** 2)))
