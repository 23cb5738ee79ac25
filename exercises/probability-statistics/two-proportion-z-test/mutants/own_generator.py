"""Makes a fresh unseeded generator instead of using rng, so results cannot be reproduced."""
import math

import numpy as np


def _p_values(k_a, k_b, n):
    """Pooled two-sided z-test p-values for arrays of counts out of n users per arm (p = 1 when SE = 0)."""
    pooled = (k_a + k_b) / (2 * n)
    se = np.sqrt(pooled * (1 - pooled) * 2 / n)
    z = np.divide(np.abs(k_b - k_a) / n, se, out=np.zeros(len(k_a)), where=se > 0)
    return np.vectorize(math.erfc)(z / math.sqrt(2))


def rejection_rate(rate_a, rate_b, n_per_arm, n_experiments, rng, alpha=0.05):
    rng = np.random.default_rng()
    k_a = rng.binomial(n_per_arm, rate_a, size=n_experiments)
    k_b = rng.binomial(n_per_arm, rate_b, size=n_experiments)
    return float(np.mean(_p_values(k_a, k_b, n_per_arm) < alpha))
