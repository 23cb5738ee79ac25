"""Does not check stability: an overloaded server gets negative waits instead of a ValueError."""
import math


def mm1_summary(arrival_rate, service_rate):
    lam, mu = float(arrival_rate), float(service_rate)
    latency = 1.0 / (mu - lam) if lam != mu else math.inf
    return {"utilisation": lam / mu, "wait_s": (lam / mu) * latency, "latency_s": latency,
            "in_system": lam * latency, "p99_s": math.log(100.0) * latency}
