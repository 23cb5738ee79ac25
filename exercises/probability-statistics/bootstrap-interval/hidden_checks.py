"""Hidden checks for probability-statistics.bootstrap-interval (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import expect_number, fail


def check_median_and_generator(bootstrap_interval):
    """Uses the statistic it is given (the median of a skewed sample) and the generator it is given."""
    sample = np.random.default_rng(30).exponential(1.0, 301)
    big = np.random.default_rng(31).integers(0, 301, size=(10_000, 301))
    ref_low, ref_high = np.quantile(np.median(sample[big], axis=1), [0.05, 0.95])
    result = bootstrap_interval(sample.copy(), np.median, 4000, 0.9, np.random.default_rng(5))
    if type(result) is not tuple or len(result) != 2:
        fail("bootstrap_interval should return a tuple (low, high).")
    slack = 0.15 * (ref_high - ref_low)
    expect_number(result[0], ref_low, what="low of the 90% interval for the median", atol=slack, rtol=0.0)
    expect_number(result[1], ref_high, what="high of the 90% interval for the median", atol=slack, rtol=0.0)
    other = bootstrap_interval(sample.copy(), np.median, 4000, 0.9, np.random.default_rng(6))
    same = bootstrap_interval(sample.copy(), np.median, 4000, 0.9, np.random.default_rng(5))
    if type(other) is not tuple or type(same) is not tuple or len(other) != 2 or len(same) != 2:
        fail("bootstrap_interval should return a tuple (low, high).")
    if [float(v) for v in other] == [float(v) for v in same]:
        fail("bootstrap_interval gives the same interval for generators with different seeds: use the rng argument.")
