"""Keeps the k smallest singular values instead of the largest."""
import numpy as np


def rank_k_approximation(A, k):
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=np.float64), full_matrices=False)
    r = len(s)
    return (U[:, r - k:] * s[r - k:]) @ Vt[r - k:, :]
