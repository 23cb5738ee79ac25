"""Sorts the caller's array in place, so their log loses its order."""
import numpy as np


def percentile(samples, q):
    if isinstance(samples, np.ndarray) and samples.dtype == np.float64:
        samples.sort()
        s = samples
    else:
        s = np.sort(np.asarray(samples, dtype=np.float64))
    if s.size == 0 or not 0 <= q <= 100:
        raise ValueError(q)
    h = (s.size - 1) * q / 100.0
    lo = int(np.floor(h))
    hi = min(lo + 1, s.size - 1)
    return float(s[lo] + (h - lo) * (s[hi] - s[lo]))
