"""Rounds the position to the nearest index instead of interpolating."""
import numpy as np


def percentile(samples, q):
    s = np.sort(np.asarray(samples, dtype=np.float64))
    if s.size == 0 or not 0 <= q <= 100:
        raise ValueError(q)
    return float(s[round((s.size - 1) * q / 100.0)])
