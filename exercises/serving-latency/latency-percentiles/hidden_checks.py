"""Hidden checks for serving-latency.latency-percentiles (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import expect_number, expect_raises, fail


def check_edge_cases(percentile):
    """One sample, integer lists, and ValueError for an empty sample or q outside 0 to 100."""
    for q in (0, 37.5, 100):
        expect_number(percentile([12.5], q), 12.5, what=f"percentile([12.5], {q})")
    expect_number(percentile([3, 1, 2], 25), 1.5, what="percentile([3, 1, 2], 25)")
    expect_number(percentile([7, 7, 7, 9], 50), 7.0, what="percentile([7, 7, 7, 9], 50)")
    expect_raises(ValueError, percentile, [], 50, what="percentile([], 50)")
    expect_raises(ValueError, percentile, [1.0, 2.0], 150, what="percentile([1.0, 2.0], 150)")
    expect_raises(ValueError, percentile, [1.0, 2.0], -1, what="percentile([1.0, 2.0], -1)")


def check_input_unchanged(percentile, latency_summary):
    """The caller's array keeps its order, and the answers still match NumPy on 777 shuffled latencies."""
    rng = np.random.default_rng(42)
    sample = rng.lognormal(np.log(15.0), 0.8, 777)
    before = sample.copy()
    got = percentile(sample, 95)
    summary = latency_summary(sample)
    if not np.array_equal(sample, before):
        fail("percentile or latency_summary reordered the caller's array: sort a copy (np.sort), not in place.")
    expect_number(got, float(np.percentile(before, 95)), what="percentile(sample, 95)", rtol=1e-9)
    if type(summary) is not dict or "p99" not in summary:
        fail("latency_summary should return a dict with a 'p99' key.")
    expect_number(summary["p99"], float(np.percentile(before, 99)), what="latency_summary(sample)['p99']",
                  rtol=1e-9)
