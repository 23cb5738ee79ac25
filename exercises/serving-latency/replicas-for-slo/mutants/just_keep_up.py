"""Returns just enough replicas to keep up (utilisation below 1), ignoring the latency target."""
import math


def replicas_needed(arrival_rate, service_rate, p99_target_s):
    if math.log(100.0) / service_rate >= p99_target_s:
        raise ValueError("impossible target")
    return int(arrival_rate // service_rate) + 1
