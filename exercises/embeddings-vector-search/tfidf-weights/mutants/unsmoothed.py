"""Leaves out the smoothing: idf = ln(n / df) + 1 (infinite for a term no document contains)."""
import numpy as np


def fit_idf(counts):
    counts = np.asarray(counts, dtype=np.float64)
    with np.errstate(divide="ignore"):
        return np.log(counts.shape[0] / (counts > 0).sum(axis=0)) + 1.0
