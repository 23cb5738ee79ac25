"""Solves P(T > t) = 0.99 instead of 0.01: returns the 1st percentile as the p99."""
import math


def mm1_summary(arrival_rate, service_rate):
    lam, mu = float(arrival_rate), float(service_rate)
    if mu <= 0 or lam < 0 or lam >= mu:
        raise ValueError("invalid or unstable")
    latency = 1.0 / (mu - lam)
    return {"utilisation": lam / mu, "wait_s": (lam / mu) * latency, "latency_s": latency,
            "in_system": lam * latency, "p99_s": -math.log(0.99) * latency}
