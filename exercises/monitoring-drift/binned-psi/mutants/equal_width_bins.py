"""Cuts the reference's range into equal widths instead of at its quantiles."""
import numpy as np


def reference_edges(reference, n_bins=10):
    reference = np.asarray(reference, dtype=np.float64)
    return np.linspace(reference.min(), reference.max(), n_bins + 1)[1:-1]
