"""Sizes the fleet so that the mean latency, not the p99, meets the target."""
import math


def replicas_needed(arrival_rate, service_rate, p99_target_s):
    if math.log(100.0) / service_rate >= p99_target_s:
        raise ValueError("impossible target")
    c = int(arrival_rate // service_rate) + 1
    while mm1_summary(arrival_rate / c, service_rate)["latency_s"] > p99_target_s:  # noqa: F821 (the reference defines it)
        c += 1
    return c
