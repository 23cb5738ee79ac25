# %% [markdown]
# A model's test accuracy, F1 score or median latency is one number measured on one sample. The percentile
# bootstrap puts an interval around it without any formula: resample the data with replacement, recompute
# the statistic on every resample, and take the middle part of those values. Write
# `bootstrap_interval(sample, statistic, n_resamples, level, rng)` that returns the interval as a tuple of
# two Python floats `(low, high)`:
#
# - `sample` is a 1-D array of `n` numbers (for accuracy: 1 where the model was right, 0 where it was not);
# - `statistic` is a NumPy reduction that accepts `axis=`, such as `np.mean` or `np.median`;
# - draw `n_resamples` resamples of size `n` *with replacement*, all at once: one call to
#   `rng.integers(0, n, size=(n_resamples, n))` gives a matrix of row indices, and `sample[indices]` is a
#   matrix whose rows are the resamples; apply `statistic` along each row;
# - `level` is the confidence level, such as 0.95 or 0.8: cut off a share of (1 − level) / 2 of the
#   resampled values at each end (`np.quantile` takes fractions between 0 and 1);
# - use the generator `rng` you are given (a `np.random.Generator`) for all randomness, so that a seeded
#   generator reproduces the interval.
#
# "95%" is a promise about the procedure: over many samples, the interval should contain the true value
# about 95% of the time. The checks test that promise on simulated data whose truth they know, and they
# test how wide your interval is.

# %%
import numpy as np


def bootstrap_interval(sample, statistic, n_resamples, level, rng):
    """Percentile bootstrap interval (low, high) for statistic(sample) at the given confidence level."""
    ### BEGIN SOLUTION
    sample = np.asarray(sample, dtype=np.float64)
    n = len(sample)
    indices = rng.integers(0, n, size=(n_resamples, n))
    values = statistic(sample[indices], axis=1)
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(values, [tail, 1.0 - tail])
    return float(low), float(high)
    ### END SOLUTION


# %% [markdown]
# One simulated test set of 500 examples, from a model that is right 87% of the time:

# %%
rng = np.random.default_rng(0)
correct = (rng.random(500) < 0.87).astype(float)
print(f"accuracy {correct.mean():.3f}, 95% interval {bootstrap_interval(correct, np.mean, 10_000, 0.95, rng)}")

# %% [markdown] tags=["solution"]
# `rng.integers(0, n, size=(n_resamples, n))` draws every resample at once, and `sample[indices]` turns
# the index matrix into a matrix of resampled values, one resample per row, so `statistic(..., axis=1)`
# gives one value per resample. For 95% the tail is 0.025, and `np.quantile(values, [0.025, 0.975])` cuts
# 2.5% off each end. Two common slips: cutting (1 − level) from each end, which gives a 90% interval that
# is 16% too narrow, and resampling *without* replacement, which only shuffles the sample, so every
# resample has the same mean and the interval has width zero. The memory cost is `n_resamples × n` numbers:
# for very large samples, draw the resamples in batches, as the notebook's permutation test does.
