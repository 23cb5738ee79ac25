"""Public checks for serving-latency.latency-percentiles (students see these)."""

import numpy as np

from coursegrader.helpers import expect_number, fail

SUMMARY_KEYS = ["mean", "p50", "p95", "p99", "max"]


def _latencies(seed, n):
    """A long-tailed latency sample in ms: a fast path and a 3% slow path."""
    rng = np.random.default_rng(seed)
    slow = rng.random(n) < 0.03
    return np.where(slow, rng.lognormal(np.log(300.0), 0.3, n), rng.lognormal(np.log(20.0), 0.25, n))


def check_hand_example(percentile):
    """On [40, 10, 30, 20] (not sorted): q = 0, 50, 90, 100 give 10, 25, 37 and 40."""
    samples = np.array([40.0, 10.0, 30.0, 20.0])
    for q, expected in [(0, 10.0), (50, 25.0), (90, 37.0), (100, 40.0)]:
        expect_number(percentile(samples.copy(), q), expected, what=f"percentile([40, 10, 30, 20], {q})",
                      hint="Sort first; then h = (n - 1) * q / 100 = 2.7 for q = 90, so the answer lies 70% of "
                           "the way from the sample at index 2 (30) to the one at index 3 (40).")


def check_matches_numpy(percentile):
    """On seeded long-tailed latencies (1001 and 250 samples) the answer matches np.percentile for 9 values of q."""
    for seed, n in [(1, 1001), (2, 250)]:
        sample = _latencies(seed, n)
        for q in (0, 1, 25, 50, 90, 95, 99, 99.9, 100):
            expect_number(percentile(sample.copy(), q), float(np.percentile(sample, q)),
                          what=f"percentile of {n} latencies at q = {q}", rtol=1e-9, atol=1e-9,
                          hint="Interpolate between the two order statistics around h = (n - 1) * q / 100; "
                               "do not round h to the nearest index.")


def check_summary(latency_summary):
    """latency_summary returns a dict with keys mean, p50, p95, p99 and max matching NumPy on 2000 latencies."""
    sample = _latencies(3, 2000)
    result = latency_summary(sample.copy())
    if type(result) is not dict:
        fail(f"latency_summary returned {type(result).__name__}, expected a dict.")
    keys = sorted(str(key) for key in result)
    if keys != sorted(SUMMARY_KEYS):
        fail(f"latency_summary returned the keys {keys}, expected exactly {sorted(SUMMARY_KEYS)}.")
    expected = {"mean": float(np.mean(sample)), "p50": float(np.percentile(sample, 50)),
                "p95": float(np.percentile(sample, 95)), "p99": float(np.percentile(sample, 99)),
                "max": float(np.max(sample))}
    for key in SUMMARY_KEYS:
        expect_number(result[key], expected[key], what=f"latency_summary(...)[{key!r}]", rtol=1e-9,
                      hint="q is in percent: the 95th percentile is percentile(x, 95), not percentile(x, 0.95).")
