"""Uses np.histogram with the reference's minimum and maximum as outer edges, dropping values outside them."""
import numpy as np


def psi(reference, current, n_bins=10, floor=1e-4):
    reference = np.asarray(reference, dtype=np.float64)
    current = np.asarray(current, dtype=np.float64)
    bins = np.quantile(reference, np.linspace(0.0, 1.0, n_bins + 1))
    e = np.histogram(reference, bins=bins)[0] / reference.size
    a = np.histogram(current, bins=bins)[0] / current.size
    e, a = np.maximum(e, floor), np.maximum(a, floor)
    return float(np.sum((a - e) * np.log(a / e)))
