"""Divides by a zero standard error when every user gave the same answer."""
import math


def z_test_p_value(k_a, n_a, k_b, n_b):
    pooled = (k_a + k_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1.0 - pooled) * (1.0 / n_a + 1.0 / n_b))
    return math.erfc(abs((k_b / n_b - k_a / n_a) / se) / math.sqrt(2.0))
