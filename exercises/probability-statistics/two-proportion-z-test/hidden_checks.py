"""Hidden checks for probability-statistics.two-proportion-z-test (instructors only; never shipped to students)."""

import math

import numpy as np

from coursegrader.helpers import NUMBER_TYPES, expect_number, fail


def _a_number(value, what):
    """Expect a real number that is not nan, without comparing it with anything yet."""
    if type(value) in NUMBER_TYPES and math.isnan(float(value)):
        fail(f"{what} is nan, expected a number.")
    return expect_number(value, 0.0, what=what, rtol=math.inf, atol=math.inf)


def check_edge_cases_and_generator(z_test_p_value, rejection_rate):
    """Zero variance gives p = 1; alpha is honoured; the rng argument is used (same seed same, other seed other)."""
    for args in [(0, 50, 0, 70), (50, 50, 70, 70)]:
        expect_number(z_test_p_value(*args), 1.0, what=f"z_test_p_value{args}",
                      hint="When every user gave the same answer the standard error is 0: return 1.0.")
    loose = rejection_rate(0.4, 0.4, 500, 4000, np.random.default_rng(9), 0.2)
    expect_number(loose, 0.2, what="rejection_rate(0.4, 0.4, 500, 4000, rng, 0.2)", atol=0.03, rtol=0.0)
    first = rejection_rate(0.3, 0.32, 1000, 500, np.random.default_rng(10))
    again = rejection_rate(0.3, 0.32, 1000, 500, np.random.default_rng(10))
    other = [rejection_rate(0.3, 0.32, 1000, 500, np.random.default_rng(seed)) for seed in (11, 12, 13)]
    values = [_a_number(v, "rejection_rate(...)")
              for v in [first, again, *other]]
    if values[0] != values[1]:
        fail("rejection_rate gave different results for two generators with the same seed.")
    if all(v == values[0] for v in values[2:]):
        fail("rejection_rate gives the same result for generators with different seeds: use the rng argument.")
