"""Uses the closed form without asking whether the target is reachable: returns nonsense instead of ValueError."""
import math


def replicas_needed(arrival_rate, service_rate, p99_target_s):
    return math.ceil(arrival_rate / (service_rate - math.log(100.0) / p99_target_s))
