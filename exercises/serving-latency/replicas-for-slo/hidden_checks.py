"""Hidden checks for serving-latency.replicas-for-slo (instructors only; never shipped to students)."""

import math

import numpy as np

from coursegrader.helpers import expect_int, expect_number, expect_raises


def _smallest(lam, mu, target):
    """Brute-force search for the smallest random-routing fleet that meets the p99 target."""
    for c in range(1, 100_000):
        if lam / c < mu and math.log(100.0) / (mu - lam / c) <= target:
            return c
    raise AssertionError("no fleet found")


def check_replica_counts(replicas_needed):
    """Exact counts on the notebook's cases (8, 12 and 76 replicas at 600/s) and on 20 seeded random cases."""
    for (lam, mu, target), expected in [((600.0, 100.0, 0.2), 8), ((600.0, 100.0, 0.1), 12),
                                        ((600.0, 100.0, 0.05), 76), ((5.0, 100.0, 0.5), 1),
                                        ((2000.0, 250.0, 0.05), 13)]:
        expect_int(replicas_needed(lam, mu, target), expected, what=f"replicas_needed({lam:g}, {mu:g}, {target:g})")
    rng = np.random.default_rng(16)
    for _ in range(20):
        lam, mu = float(rng.uniform(10.0, 5000.0)), float(rng.uniform(50.0, 500.0))
        target = math.log(100.0) / mu * float(rng.uniform(1.2, 5.0))
        expect_int(replicas_needed(lam, mu, target), _smallest(lam, mu, target),
                   what=f"replicas_needed({lam:.6g}, {mu:.6g}, {target:.6g})")


def check_zero_traffic_and_bad_rates(mm1_summary, replicas_needed):
    """No traffic: no wait and one replica; negative or zero rates raise ValueError."""
    result = mm1_summary(0.0, 50.0)
    expect_number(result["utilisation"], 0.0, what="mm1_summary(0, 50)['utilisation']")
    expect_number(result["wait_s"], 0.0, what="mm1_summary(0, 50)['wait_s']")
    expect_number(result["latency_s"], 0.02, what="mm1_summary(0, 50)['latency_s']", rtol=1e-9)
    expect_number(result["in_system"], 0.0, what="mm1_summary(0, 50)['in_system']")
    expect_number(result["p99_s"], math.log(100.0) / 50.0, what="mm1_summary(0, 50)['p99_s']", rtol=1e-9)
    expect_int(replicas_needed(0.0, 100.0, 0.1), 1, what="replicas_needed(0, 100, 0.1)")
    expect_raises(ValueError, mm1_summary, -1.0, 100.0, what="mm1_summary(-1, 100)")
    expect_raises(ValueError, mm1_summary, 0.0, 0.0, what="mm1_summary(0, 0)")
    expect_raises(ValueError, replicas_needed, 100.0, 100.0, 0.0, what="replicas_needed(100, 100, 0)")
    expect_raises(ValueError, replicas_needed, 100.0, -5.0, 0.5, what="replicas_needed(100, -5, 0.5)")
