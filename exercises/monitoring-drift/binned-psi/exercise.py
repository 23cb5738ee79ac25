# %% [markdown]
# The population stability index (PSI) answers the first monitoring question: does today's input look
# like the data the model was trained on? The bins are the whole trick. They are cut once, on the
# *reference* sample (the training or validation data), at its quantiles, so that each holds about the
# same share of the reference; every later sample is then counted in those same bins. Recomputing the
# bins on today's data would make every day look like itself, and the drift would vanish.
#
# With n_bins bins there are n_bins − 1 inner edges, the reference's quantiles at 1/n_bins, 2/n_bins, …
# (`np.quantile` with its default method). The outer bins are open-ended: the first holds everything up
# to the first edge, the last everything above the last edge, even values far outside the range the
# reference covered. A value equal to an edge belongs to the bin below it: bin i holds the values x with
# edge_{i−1} < x ≤ edge_i, which is exactly the bin number `np.searchsorted(edges, x)` returns.
#
# Count the share of the reference, e_i, and of the current sample, a_i, in each bin (count the
# reference too, rather than assuming 1/n_bins: with repeated values the shares are not equal). Raise
# every share below `floor` to `floor`, so that an empty bin does not make the logarithm infinite, then
#
# PSI = Σ_i (a_i − e_i) · ln(a_i / e_i).
#
# Each term is zero or positive, so PSI is 0 only when the binned shares agree. A common rule of thumb
# from credit scoring reads PSI < 0.1 as no real change, 0.1 to 0.25 as moderate, above 0.25 as major.
#
# Write `reference_edges(reference, n_bins=10)`, returning the inner edges as a float array of length
# n_bins − 1, and `psi(reference, current, n_bins=10, floor=1e-4)`, returning PSI as a Python `float`.
# Both take lists or 1-D arrays and must not modify them.

# %%
import numpy as np


def reference_edges(reference, n_bins=10):
    """The n_bins - 1 inner bin edges: the reference's quantiles at 1/n_bins, 2/n_bins, ..."""
    ### BEGIN SOLUTION
    reference = np.asarray(reference, dtype=np.float64)
    return np.quantile(reference, np.arange(1, n_bins) / n_bins)
    ### END SOLUTION


def psi(reference, current, n_bins=10, floor=1e-4):
    """Population stability index of `current` against `reference`, in bins cut on the reference."""
    ### BEGIN SOLUTION
    reference = np.asarray(reference, dtype=np.float64)
    current = np.asarray(current, dtype=np.float64)
    edges = reference_edges(reference, n_bins)
    e = np.bincount(np.searchsorted(edges, reference), minlength=n_bins) / reference.size
    a = np.bincount(np.searchsorted(edges, current), minlength=n_bins) / current.size
    e, a = np.maximum(e, floor), np.maximum(a, floor)
    return float(np.sum((a - e) * np.log(a / e)))
    ### END SOLUTION


# %% [markdown]
# A transaction amount (in log dollars) drifts upwards as a new customer segment grows, as in the
# notebook: each day a larger share of transactions comes from a segment with bigger amounts.

# %%
rng = np.random.default_rng(0)
reference = rng.normal(3.5, 1.0, 20_000)
for share in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5):
    segment = rng.random(5000) < share
    today = np.where(segment, rng.normal(5.0, 0.7, 5000), rng.normal(3.5, 1.0, 5000))
    print(f"new segment {share:4.0%} of traffic: PSI {psi(reference, today):.3f}")

# %% [markdown] tags=["solution"]
# `np.searchsorted(edges, x)` gives each value its bin number (0 for values up to the first edge,
# n_bins − 1 for values above the last), and `np.bincount(..., minlength=n_bins)` counts every bin,
# empty ones included. Nothing is ever dropped, which is the difference from
# `np.histogram(current, bins=...)` with the reference's minimum and maximum as outer edges: that
# silently loses the values outside the reference's range, exactly the ones that drifted furthest. The
# floor is applied to both shares before the logarithm. With none of the new segment PSI sits at the
# noise level of two finite samples (about 0.002); it passes 0.1 when the segment is about 20% of the
# traffic and 0.25 somewhere between 30% and 40%. A segment of 10% moves the mean amount by 0.15 log
# dollars, yet PSI stays well below 0.1: it measures how much of the distribution moved, not whether
# anything did.
