"""Puts a value equal to an edge in the bin above it (searchsorted side='right', like np.digitize)."""
import numpy as np


def psi(reference, current, n_bins=10, floor=1e-4):
    reference = np.asarray(reference, dtype=np.float64)
    current = np.asarray(current, dtype=np.float64)
    edges = reference_edges(reference, n_bins)  # noqa: F821 (the reference defines it)
    e = np.bincount(np.searchsorted(edges, reference, side="right"), minlength=n_bins) / reference.size
    a = np.bincount(np.searchsorted(edges, current, side="right"), minlength=n_bins) / current.size
    e, a = np.maximum(e, floor), np.maximum(a, floor)
    return float(np.sum((a - e) * np.log(a / e)))
