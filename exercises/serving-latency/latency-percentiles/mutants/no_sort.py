"""Forgets to sort: interpolates between samples in the order they arrived."""
import numpy as np


def percentile(samples, q):
    s = np.asarray(samples, dtype=np.float64)
    if s.size == 0 or not 0 <= q <= 100:
        raise ValueError(q)
    h = (s.size - 1) * q / 100.0
    lo = int(np.floor(h))
    hi = min(lo + 1, s.size - 1)
    return float(s[lo] + (h - lo) * (s[hi] - s[lo]))
