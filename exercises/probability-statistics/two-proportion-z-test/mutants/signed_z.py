"""Forgets abs(z), so a negative difference gives a 'p-value' above 1."""
import math


def z_test_p_value(k_a, n_a, k_b, n_b):
    pooled = (k_a + k_b) / (n_a + n_b)
    variance = pooled * (1.0 - pooled) * (1.0 / n_a + 1.0 / n_b)
    if variance <= 0.0:
        return 1.0
    z = (k_b / n_b - k_a / n_a) / math.sqrt(variance)
    return math.erfc(z / math.sqrt(2.0))
