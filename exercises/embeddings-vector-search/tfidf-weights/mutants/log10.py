"""Uses the base-10 logarithm instead of the natural one."""
import numpy as np


def fit_idf(counts):
    counts = np.asarray(counts, dtype=np.float64)
    return np.log10((1.0 + counts.shape[0]) / (1.0 + (counts > 0).sum(axis=0))) + 1.0
