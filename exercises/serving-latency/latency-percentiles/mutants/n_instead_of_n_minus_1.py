"""Computes the position as n * q / 100 instead of (n - 1) * q / 100."""
import numpy as np


def percentile(samples, q):
    s = np.sort(np.asarray(samples, dtype=np.float64))
    if s.size == 0 or not 0 <= q <= 100:
        raise ValueError(q)
    h = min(s.size * q / 100.0, s.size - 1)
    lo = int(np.floor(h))
    hi = min(lo + 1, s.size - 1)
    return float(s[lo] + (h - lo) * (s[hi] - s[lo]))
