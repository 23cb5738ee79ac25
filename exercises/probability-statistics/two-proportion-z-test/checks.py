"""Public checks for probability-statistics.two-proportion-z-test (students see these)."""

import math

import numpy as np

from coursegrader.helpers import NUMBER_TYPES, expect_number, fail


def _a_number(value, what):
    """Expect a real number that is not nan, without comparing it with anything yet."""
    if type(value) in NUMBER_TYPES and math.isnan(float(value)):
        fail(f"{what} is nan, expected a number.")
    return expect_number(value, 0.0, what=what, rtol=math.inf, atol=math.inf)


# (k_a, n_a, k_b, n_b) -> two-sided p-value, from scipy.stats.chi2_contingency(..., correction=False)
KNOWN = {
    (600, 2000, 660, 2000): 0.041121243798772716,
    (30, 200, 45, 180): 0.014466312665070879,
    (12, 40, 3, 35): 0.020637558243972173,
}


def _rate(value, what):
    rate = _a_number(value, what)
    if not 0.0 <= rate <= 1.0:
        fail(f"{what} is {rate:.4g}, but a share of experiments lies between 0 and 1: divide the count by"
             " n_experiments.")
    return rate


def check_known_p_values(z_test_p_value):
    """Three A/B tests give the p-values of the pooled z-test, and swapping A and B does not change them."""
    for (k_a, n_a, k_b, n_b), expected in KNOWN.items():
        hint = ("Pool both groups for the standard error, and count both tails: p = erfc(|z| / sqrt(2)).")
        expect_number(z_test_p_value(k_a, n_a, k_b, n_b), expected,
                      what=f"z_test_p_value({k_a}, {n_a}, {k_b}, {n_b})", rtol=1e-6, hint=hint)
        expect_number(z_test_p_value(k_b, n_b, k_a, n_a), expected,
                      what=f"z_test_p_value({k_b}, {n_b}, {k_a}, {n_a}) (A and B swapped)", rtol=1e-6,
                      hint="A two-sided test does not care which group is called A: use abs(z).")


def check_false_positive_rate(rejection_rate):
    """With equal true rates (an A/A test), 4000 simulated experiments reject in 3.5% to 6.5% of cases."""
    rate = _rate(rejection_rate(0.3, 0.3, 1000, 4000, np.random.default_rng(7)),
                 "rejection_rate(0.3, 0.3, 1000, 4000, rng)")
    if not 0.035 <= rate <= 0.065:
        fail(f"rejection_rate(0.3, 0.3, 1000, 4000, rng) is {rate:.4f}: with no true difference, a test at"
             " alpha = 0.05 should reject in about 5% of experiments. About 10% means the p-value is one-sided"
             " (half what it should be).")


def check_power(rejection_rate):
    """For 30% against 33% with 2000 users per arm, the rejection rate (power) is 0.53 +- 0.03."""
    rate = _rate(rejection_rate(0.30, 0.33, 2000, 4000, np.random.default_rng(8)),
                 "rejection_rate(0.30, 0.33, 2000, 4000, rng)")
    if abs(rate - 0.533) > 0.03:
        fail(f"rejection_rate(0.30, 0.33, 2000, 4000, rng) is {rate:.4f}; a long simulation gives 0.533. Draw"
             " arm A with rate_a and arm B with rate_b, n_per_arm users each, and count p < alpha.")
