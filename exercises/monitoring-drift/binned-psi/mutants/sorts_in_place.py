"""Sorts the reference in place to find its quantiles, reordering the caller's data."""
import numpy as np


def reference_edges(reference, n_bins=10):
    if isinstance(reference, np.ndarray):
        reference.sort()
    reference = np.sort(np.asarray(reference, dtype=np.float64))
    return np.quantile(reference, np.arange(1, n_bins) / n_bins)
