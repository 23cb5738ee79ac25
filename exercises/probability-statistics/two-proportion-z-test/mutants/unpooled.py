"""Uses each group's own rate for the standard error instead of the pooled rate."""
import math


def z_test_p_value(k_a, n_a, k_b, n_b):
    p_a, p_b = k_a / n_a, k_b / n_b
    variance = p_a * (1 - p_a) / n_a + p_b * (1 - p_b) / n_b
    if variance <= 0.0:
        return 1.0
    return math.erfc(abs(p_b - p_a) / math.sqrt(variance) / math.sqrt(2.0))
