"""Forgets the + 1 outside the log, so a term in every document gets weight 0."""
import numpy as np


def fit_idf(counts):
    counts = np.asarray(counts, dtype=np.float64)
    return np.log((1.0 + counts.shape[0]) / (1.0 + (counts > 0).sum(axis=0)))
