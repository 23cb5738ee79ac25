"""Uses the closed form but rounds down, so the fleet is one replica short."""
import math


def replicas_needed(arrival_rate, service_rate, p99_target_s):
    if math.log(100.0) / service_rate >= p99_target_s:
        raise ValueError("impossible target")
    return max(1, int(arrival_rate / (service_rate - math.log(100.0) / p99_target_s)))
