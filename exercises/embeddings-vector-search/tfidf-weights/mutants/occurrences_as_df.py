"""Counts occurrences (a column sum) as the document frequency."""
import numpy as np


def fit_idf(counts):
    counts = np.asarray(counts, dtype=np.float64)
    return np.log((1.0 + counts.shape[0]) / (1.0 + counts.sum(axis=0))) + 1.0
