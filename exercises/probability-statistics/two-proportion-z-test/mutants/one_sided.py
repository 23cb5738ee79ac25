"""Counts one tail only (half the two-sided p-value), so an A/A test rejects twice as often as alpha."""
import math


def z_test_p_value(k_a, n_a, k_b, n_b):
    pooled = (k_a + k_b) / (n_a + n_b)
    variance = pooled * (1.0 - pooled) * (1.0 / n_a + 1.0 / n_b)
    if variance <= 0.0:
        return 1.0
    z = (k_b / n_b - k_a / n_a) / math.sqrt(variance)
    return 0.5 * math.erfc(abs(z) / math.sqrt(2.0))
