"""Draws both arms with rate_a, so the simulated power is just the false-positive rate."""
import math

import numpy as np


def _p_values(k_a, k_b, n):
    """Pooled two-sided z-test p-values for arrays of counts out of n users per arm (p = 1 when SE = 0)."""
    pooled = (k_a + k_b) / (2 * n)
    se = np.sqrt(pooled * (1 - pooled) * 2 / n)
    z = np.divide(np.abs(k_b - k_a) / n, se, out=np.zeros(len(k_a)), where=se > 0)
    return np.vectorize(math.erfc)(z / math.sqrt(2))


def rejection_rate(rate_a, rate_b, n_per_arm, n_experiments, rng, alpha=0.05):
    k_a = rng.binomial(n_per_arm, rate_a, size=n_experiments)
    k_b = rng.binomial(n_per_arm, rate_a, size=n_experiments)
    return float(np.mean(_p_values(k_a, k_b, n_per_arm) < alpha))
