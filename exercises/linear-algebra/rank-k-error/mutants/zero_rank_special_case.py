"""Treats k = 0 as 'keep everything', so A_0 comes back as A instead of the zero matrix."""
import numpy as np


def rank_k_approximation(A, k):
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=np.float64), full_matrices=False)
    k = k or len(s)
    return (U[:, :k] * s[:k]) @ Vt[:k, :]
