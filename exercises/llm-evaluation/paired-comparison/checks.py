"""Public checks for llm-evaluation.paired-comparison (students see these)."""

import numpy as np

from coursegrader.helpers import describe, expect_number, fail


def _pair(value, what):
    if type(value) is not tuple or len(value) != 2:
        fail(f"{what} returned {describe(value)}, expected a tuple (low, high) of two floats.")
    low = expect_number(value[0], 0.0, what=f"{what}[0]", rtol=1e9, atol=1e9)
    high = expect_number(value[1], 0.0, what=f"{what}[1]", rtol=1e9, atol=1e9)
    if low > high:
        fail(f"{what} returned low {low:.4g} above high {high:.4g}.")
    return low, high


def _data(seed=1, n=80):
    gen = np.random.default_rng(seed)
    difficulty = gen.uniform(0, 1, n)
    a = np.clip(difficulty + gen.normal(0, 0.05, n), 0, 1)
    b = np.clip(a + gen.normal(0.03, 0.04, n), 0, 1)
    return a, b


def check_constant_improvement_gives_a_point_interval(paired_bootstrap_ci):
    """When B beats A by exactly 0.1 on every question, every paired resample's mean difference is 0.1."""
    a = np.linspace(0.1, 0.8, 30)
    low, high = _pair(paired_bootstrap_ci(a, a + 0.1, n_resamples=500, seed=3), "paired_bootstrap_ci(a, a + 0.1)")
    expect_number(low, 0.1, what="the interval's low end", atol=1e-9,
                  hint="Index a and b with the SAME resampled indices, then take the mean of b - a.")
    expect_number(high, 0.1, what="the interval's high end", atol=1e-9)


def check_interval_is_paired(paired_bootstrap_ci):
    """On questions of very different difficulty the paired interval is narrow and excludes 0."""
    a, b = _data()
    low, high = _pair(paired_bootstrap_ci(a, b, n_resamples=4000, seed=0), "paired_bootstrap_ci(a, b)")
    if not 0 < low < high < 0.06:
        fail(f"the interval ({low:.4f}, {high:.4f}) should lie between 0 and 0.06 for this data; an interval "
             "that is much wider or reaches below 0 usually means a and b were resampled independently.")


def check_p_values(sign_flip_p_value):
    """p is never 0, near 1 for identical versions, small for a consistent improvement, same either way round."""
    a, b = _data()
    p_better = expect_number(sign_flip_p_value(a, b, n_resamples=2000, seed=0), 0.0, what="p for a real improvement",
                             rtol=1e9, atol=1e9)
    if not 0 < p_better <= 0.01:
        fail(f"p for a consistent improvement is {p_better:.4g}; expected above 0 and at most 0.01. "
             "Count the observed data as one resample: (1 + extreme) / (n + 1).")
    p_reverse = expect_number(sign_flip_p_value(b, a, n_resamples=2000, seed=0), p_better, rtol=1e-9,
                              what="p with the versions swapped", hint="The test is two-sided: use |mean|.")
    p_same = expect_number(sign_flip_p_value(a, a.copy(), n_resamples=2000, seed=0), 1.0, atol=1e-9,
                           what="p for two identical versions")
    del p_reverse, p_same
