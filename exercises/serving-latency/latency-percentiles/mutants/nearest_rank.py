"""Uses the nearest-rank definition (no interpolation), which is not what np.percentile does by default."""
import math

import numpy as np


def percentile(samples, q):
    s = np.sort(np.asarray(samples, dtype=np.float64))
    if s.size == 0 or not 0 <= q <= 100:
        raise ValueError(q)
    return float(s[max(math.ceil(q / 100 * s.size) - 1, 0)])
