"""Takes the logarithm of empty bins' zero shares (no floor), giving inf or nan."""
import numpy as np


def psi(reference, current, n_bins=10, floor=1e-4):
    reference = np.asarray(reference, dtype=np.float64)
    current = np.asarray(current, dtype=np.float64)
    edges = reference_edges(reference, n_bins)  # noqa: F821 (the reference defines it)
    e = np.bincount(np.searchsorted(edges, reference), minlength=n_bins) / reference.size
    a = np.bincount(np.searchsorted(edges, current), minlength=n_bins) / current.size
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.sum((a - e) * np.log(a / e)))
