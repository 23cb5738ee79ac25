"""Does not validate: an empty sample or q = 150 fails with IndexError (or returns a number) instead of ValueError."""
import numpy as np


def percentile(samples, q):
    s = np.sort(np.asarray(samples, dtype=np.float64))
    h = (s.size - 1) * q / 100.0
    lo = int(np.floor(h))
    hi = min(lo + 1, s.size - 1)
    return float(s[lo] + (h - lo) * (s[hi] - s[lo]))
