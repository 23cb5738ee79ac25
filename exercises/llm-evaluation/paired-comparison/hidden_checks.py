"""Hidden checks for llm-evaluation.paired-comparison (instructors only)."""

import numpy as np

from coursegrader.helpers import expect_number


def check_against_reference_resampling(paired_bootstrap_ci, sign_flip_p_value):
    """Same seed, same resamples: the interval and the p-value equal the reference's."""
    gen = np.random.default_rng(11)
    a = gen.uniform(0, 1, 45)
    b = np.clip(a + gen.normal(0.01, 0.1, 45), 0, 1)
    g = np.random.default_rng(5)
    idx = g.integers(0, 45, size=(3000, 45))
    means = (b[idx] - a[idx]).mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    got = paired_bootstrap_ci(a, b, n_resamples=3000, seed=5)
    expect_number(got[0], float(low), what="the interval's low end with seed 5", rtol=1e-9)
    expect_number(got[1], float(high), what="the interval's high end with seed 5", rtol=1e-9)
    d = b - a
    signs = np.random.default_rng(7).choice([-1.0, 1.0], size=(3000, 45))
    null = (signs * d).mean(axis=1)
    p = (1 + np.sum(np.abs(null) >= abs(d.mean()) - 1e-12)) / 3001
    expect_number(sign_flip_p_value(a, b, n_resamples=3000, seed=7), float(p), what="p with seed 7", rtol=1e-9)
