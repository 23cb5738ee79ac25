"""Returns the sum of squared dropped singular values, forgetting the square root."""
import numpy as np


def predicted_error(A, k):
    s = np.linalg.svd(np.asarray(A, dtype=np.float64), compute_uv=False)
    return float(np.sum(s[k:] ** 2))
