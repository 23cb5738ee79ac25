"""Public checks for probability-statistics.bootstrap-interval (students see these)."""

import math

import numpy as np

from coursegrader.helpers import NUMBER_TYPES, expect_number, fail


def _a_number(value, what):
    """Expect a real number that is not nan, without comparing it with anything yet."""
    if type(value) in NUMBER_TYPES and math.isnan(float(value)):
        fail(f"{what} is nan, expected a number.")
    return expect_number(value, 0.0, what=what, rtol=math.inf, atol=math.inf)


Z = {0.95: 1.959964, 0.8: 1.281552}  # standard normal quantiles 0.975 and 0.9


def _interval(result, what):
    """Unpack (low, high) without trusting the student's object."""
    if type(result) is not tuple or len(result) != 2:
        fail(f"{what} should return a tuple (low, high) of two floats; it returned {type(result).__name__}.")
    low = _a_number(result[0], f"low of {what}")
    high = _a_number(result[1], f"high of {what}")
    if not low <= high:
        fail(f"{what} returned low = {low:.4g} above high = {high:.4g}.")
    return low, high


def check_pair_around_estimate(bootstrap_interval):
    """The interval is a (low, high) pair around the sample mean, and a generator with the same seed repeats it."""
    sample = np.random.default_rng(20).normal(10.0, 3.0, 200)
    what = "bootstrap_interval(sample, np.mean, 2000, 0.95, rng)"
    first = _interval(bootstrap_interval(sample.copy(), np.mean, 2000, 0.95, np.random.default_rng(1)), what)
    if first[0] == first[1]:
        fail(f"{what} has width zero: every resample gave the same value. Resample with replacement"
             " (rng.integers), not by shuffling.")
    if not first[0] < sample.mean() < first[1]:
        fail(f"{what} is ({first[0]:.4g}, {first[1]:.4g}), which does not contain the sample mean"
             f" {sample.mean():.4g}.")
    second = _interval(bootstrap_interval(sample.copy(), np.mean, 2000, 0.95, np.random.default_rng(1)), what)
    if first != second:
        fail(f"{what} gave two different intervals for two generators with the same seed: draw all random numbers"
             " from the rng argument.")


def check_width_matches_standard_error(bootstrap_interval):
    """For the mean of 400 values, the 95% and 80% intervals are as wide as the normal theory says (within 8%)."""
    sample = np.random.default_rng(22).normal(10.0, 3.0, 400)
    standard_error = sample.std() / np.sqrt(len(sample))
    for level, z in Z.items():
        what = f"bootstrap_interval(sample, np.mean, 4000, {level}, rng)"
        low, high = _interval(bootstrap_interval(sample.copy(), np.mean, 4000, level, np.random.default_rng(3)),
                              what)
        ratio = (high - low) / (2 * z * standard_error)
        if not 0.92 < ratio < 1.08:
            fail(f"{what} has width {high - low:.4g}; for a mean of 400 values it should be close to"
                 f" 2 x {z:.3f} x the standard error = {2 * z * standard_error:.4g} (yours is {ratio:.2f} times"
                 f" that). Resample with replacement, apply the statistic to each resample (each row), and cut"
                 f" (1 - level) / 2 off each end.")


def check_coverage(bootstrap_interval):
    """On 200 simulated test sets of 80 examples (true accuracy 0.85), the 95% interval covers 0.85 in 89-99%."""
    rng = np.random.default_rng(21)
    hits = 0
    for _ in range(200):
        correct = (rng.random(80) < 0.85).astype(float)
        low, high = _interval(bootstrap_interval(correct, np.mean, 400, 0.95, rng),
                              "bootstrap_interval(correct, np.mean, 400, 0.95, rng)")
        hits += low <= 0.85 <= high
    coverage = hits / 200
    if not 0.89 <= coverage <= 0.99:
        fail(f"the 95% interval contained the true accuracy 0.85 in {coverage:.0%} of 200 simulated test sets;"
             " a percentile bootstrap covers about 93-96% here. Too low means the interval is too narrow.")
