# %% [markdown]
# A service level objective (SLO) such as "p99 under 50 ms" is a statement about a percentile of the
# latency distribution, so the first tool of anyone who serves a model is a percentile function they
# trust. Here you write it from scratch, then use it to build the summary a latency dashboard shows.
#
# Use the definition NumPy uses by default (`np.percentile(x, q)`, `method="linear"`). Sort the n samples
# into s₀ ≤ s₁ ≤ … ≤ s_{n−1} and compute the fractional position h = (n − 1) · q / 100. With lo the whole
# part of h (`floor`) and hi = lo + 1 (but never past the last index), the q-th percentile is
# s_lo + (h − lo) · (s_hi − s_lo): the sample at position lo, moved towards the next one by the fraction
# of the way h lies between them. So q = 0 gives the minimum, q = 100 the maximum, and q = 50 of an even
# number of samples the average of the two middle ones.
#
# Write two functions:
#
# 1. `percentile(samples, q)` returns the q-th percentile (0 ≤ q ≤ 100) of `samples` (a list or a 1-D
#    array, in any order) as a Python `float`. Do not call `np.percentile` or `np.quantile`: the checks
#    compare your answer with them. Raise `ValueError` for an empty sample or a q outside 0 to 100, and do
#    not reorder the caller's array (`np.sort` returns a sorted copy; `array.sort()` sorts in place).
# 2. `latency_summary(latencies_ms)` returns a `dict` with exactly the keys `"mean"`, `"p50"`, `"p95"`,
#    `"p99"` and `"max"`, each a `float`, using your `percentile`. Note that `q` is in percent: the 99th
#    percentile is `q = 99`, not `0.99`.

# %%
import numpy as np


def percentile(samples, q):
    """The q-th percentile (0 <= q <= 100) of samples, by linear interpolation between order statistics."""
    ### BEGIN SOLUTION
    s = np.sort(np.asarray(samples, dtype=np.float64).ravel())
    if s.size == 0:
        raise ValueError("the percentile of an empty sample is undefined")
    if not 0 <= q <= 100:
        raise ValueError(f"q must be between 0 and 100, got {q}")
    h = (s.size - 1) * q / 100.0
    lo = int(np.floor(h))
    hi = min(lo + 1, s.size - 1)
    return float(s[lo] + (h - lo) * (s[hi] - s[lo]))
    ### END SOLUTION


def latency_summary(latencies_ms):
    """The numbers a latency dashboard shows: mean, p50, p95, p99 and max, in the samples' unit."""
    ### BEGIN SOLUTION
    values = np.asarray(latencies_ms, dtype=np.float64)
    return {"mean": float(np.mean(values)), "p50": percentile(values, 50), "p95": percentile(values, 95),
            "p99": percentile(values, 99), "max": float(np.max(values))}
    ### END SOLUTION


# %% [markdown]
# A check you can do by hand: for `[10, 20, 30, 40]` the median is 25 and the 90th percentile is 37
# (h = 3 · 0.9 = 2.7, so 30 + 0.7 · 10).

# %%
print(percentile([40, 10, 30, 20], 50), percentile([40, 10, 30, 20], 90))

# %% [markdown]
# Now a service like the one in the notebook: 97% of requests take a fast path (median 20 ms) and 3% a
# slow one (median 300 ms). Compare the mean with the percentiles, and count how many requests are
# faster than the mean.

# %%
rng = np.random.default_rng(0)
slow = rng.random(50_000) < 0.03
latencies_ms = np.where(slow, rng.lognormal(np.log(300.0), 0.3, slow.size),
                        rng.lognormal(np.log(20.0), 0.25, slow.size))
summary = latency_summary(latencies_ms)
print({name: round(value, 1) for name, value in summary.items()})
print(f"share of requests faster than the mean: {(latencies_ms < summary['mean']).mean():.1%}")

# %% [markdown] tags=["solution"]
# `np.asarray(..., dtype=np.float64)` accepts lists and integer latencies, and `np.sort` works on a copy,
# so the caller's array keeps its order. The validation comes after the conversion, so an empty list is
# caught by `s.size == 0` rather than failing later with an `IndexError`. `min(lo + 1, n - 1)` covers
# q = 100 (h = n − 1 exactly, so there is no next sample) and a one-element sample, where every
# percentile is that element. In the demo the mean (about 29 ms) lies above nine requests in ten, between
# the typical request (p50 ≈ 20 ms) and the unlucky ones (p99 ≈ 340 ms), where almost no request
# actually is: that is why SLOs are written on percentiles. `np.percentile(x, [50, 95, 99])`
# does the same in one call, sorting once instead of three times.
