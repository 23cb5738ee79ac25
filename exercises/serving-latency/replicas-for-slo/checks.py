"""Public checks for serving-latency.replicas-for-slo (students see these).

The replica checks test the defining property (smallest c that meets the target) rather than the count,
so they do not give the calculation away.
"""

import math

from coursegrader.helpers import INT_TYPES, NUMBER_TYPES, expect_number, expect_raises, fail

KEYS = ["in_system", "latency_s", "p99_s", "utilisation", "wait_s"]


def _summary(mm1_summary, lam, mu):
    result = mm1_summary(lam, mu)
    what = f"mm1_summary({lam:g}, {mu:g})"
    if type(result) is not dict:
        fail(f"{what} returned {type(result).__name__}, expected a dict.")
    keys = sorted(str(key) for key in result)
    if keys != KEYS:
        fail(f"{what} has the keys {keys}, expected exactly {KEYS}.")
    return result, what


def _meets(n, lam, mu, target):
    """Whether n randomly routed M/M/1 replicas are stable and keep 99% of requests under the target."""
    per_replica = lam / n
    return per_replica < mu and math.exp(-(mu - per_replica) * target) <= 0.01


def check_mm1_by_hand(mm1_summary):
    """At 80 requests/s on a 100/s server: utilisation 0.8, wait 40 ms, latency 50 ms, 4 inside, p99 230 ms."""
    result, what = _summary(mm1_summary, 80.0, 100.0)
    expected = {"utilisation": 0.8, "wait_s": 0.04, "latency_s": 0.05, "in_system": 4.0,
                "p99_s": 0.2302585092994046}
    hints = {"utilisation": "rho = lambda / mu.",
             "wait_s": "The wait in the queue excludes the service itself: rho / (mu - lambda).",
             "latency_s": "The latency is wait plus service: 1 / (mu - lambda).",
             "in_system": "Little's law: L = lambda x W, with W the time in the system, not in the queue.",
             "p99_s": "Solve exp(-(mu - lambda) t) = 0.01 for t: 1% of requests take longer than the p99."}
    for key, value in expected.items():
        expect_number(result[key], value, what=f"{what}[{key!r}]", rtol=1e-6, hint=hints[key])


def check_mm1_identities(mm1_summary):
    """For loads 0.1 to 0.95 at 250/s: L = lambda W, W = W_q + 1/mu, and 1% of requests take longer than p99."""
    mu = 250.0
    for load in (0.1, 0.3, 0.5, 0.7, 0.9, 0.95):
        lam = load * mu
        result, what = _summary(mm1_summary, lam, mu)
        latency = expect_number(result["latency_s"], 1.0 / (mu - lam), what=f"{what}['latency_s']", rtol=1e-6)
        expect_number(result["utilisation"], load, what=f"{what}['utilisation']", rtol=1e-9)
        expect_number(result["in_system"], lam * latency, what=f"{what}['in_system']", rtol=1e-6,
                      hint="Little's law: the mean number inside is the arrival rate times the mean time inside.")
        expect_number(result["wait_s"], latency - 1.0 / mu, what=f"{what}['wait_s']", rtol=1e-6,
                      hint="The time in the system is the wait in the queue plus one mean service time, 1/mu.")
        p99 = result["p99_s"]
        if type(p99) not in NUMBER_TYPES:
            fail(f"{what}['p99_s'] is {type(p99).__name__}, expected a number.")
        p99 = float(p99)
        expect_number(math.exp(-(mu - lam) * p99), 0.01, what=f"P(T > p99) at load {load}", rtol=1e-6,
                      hint="The p99 is the time that only 1% of requests exceed.")


def check_replicas_meet_slo(replicas_needed):
    """The answer is an int c whose replicas meet the p99 target, and c - 1 replicas do not."""
    for lam, mu, target in [(600.0, 100.0, 0.2), (600.0, 100.0, 0.1), (2000.0, 250.0, 0.05), (30.0, 100.0, 0.5),
                            (4500.0, 40.0, 0.3)]:
        what = f"replicas_needed({lam:g}, {mu:g}, {target:g})"
        c = replicas_needed(lam, mu, target)
        if type(c) not in INT_TYPES:
            fail(f"{what} returned {type(c).__name__}, expected an int (a number of replicas).")
        c = int(c)
        if c < 1:
            fail(f"{what} returned {c}, expected at least 1 replica.")

        if not _meets(c, lam, mu, target):
            fail(f"{what} returned {c}, but with {c} replicas more than 1% of requests take longer than "
                 f"{target:g} s (or the replicas are overloaded). Size on the p99, not on the mean or on "
                 "just keeping up.")
        if c > 1 and _meets(c - 1, lam, mu, target):
            fail(f"{what} returned {c}, but {c - 1} replicas already meet the target: return the smallest.")


def check_impossible_and_overloaded(mm1_summary, replicas_needed):
    """An overloaded server and a p99 target below the service time's own p99 raise ValueError."""
    expect_raises(ValueError, mm1_summary, 120.0, 100.0, what="mm1_summary(120, 100)",
                  hint="With lambda >= mu the queue grows without bound: there are no steady-state figures.")
    expect_raises(ValueError, mm1_summary, 100.0, 100.0, what="mm1_summary(100, 100)",
                  hint="rho = 1 is not stable either.")
    expect_raises(ValueError, replicas_needed, 600.0, 100.0, 0.04, what="replicas_needed(600, 100, 0.04)",
                  hint="Even an idle replica has a p99 latency: what is it when no request ever waits?")
