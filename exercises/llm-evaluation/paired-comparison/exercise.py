# %% [markdown]
# Two versions of a system answered the same questions; `a[i]` and `b[i]` are their scores (token F1, say) on
# question `i`. Questions differ much more in difficulty than the versions do, so the comparison must keep
# each question's two scores together.
#
# 1. `paired_bootstrap_ci(a, b, n_resamples=10_000, seed=0)`: draw `n_resamples` bootstrap samples of the
#    question *indices* (each of `len(a)` indices drawn with replacement from `0 .. len(a)-1` with
#    `np.random.default_rng(seed)`), compute the mean of `b - a` over each sample, and return the 2.5th and
#    97.5th percentiles of those means (`np.percentile`) as a tuple of two floats `(low, high)`.
# 2. `sign_flip_p_value(a, b, n_resamples=10_000, seed=0)`: if the versions were equally good, each
#    per-question difference `d = b - a` would be as likely positive as negative. Draw `n_resamples` random
#    sign vectors (each entry -1 or +1 with probability 1/2, from `np.random.default_rng(seed)`), compute the
#    mean of `signs * d` for each, and return the two-sided p-value
#    `(1 + number of resampled means with |mean| >= |observed mean|) / (n_resamples + 1)` as a float.
#    The `+ 1`s count the observed data as one of the resamples, so a p-value is never exactly 0.
#
# `a` and `b` are NumPy arrays of the same length. Draw all the random numbers in one call each (a matrix
# of shape `(n_resamples, len(a))`): it is both faster and what the checks expect.

# %%
import numpy as np


def paired_bootstrap_ci(a, b, n_resamples=10_000, seed=0):
    """95% percentile interval of mean(b - a) under a paired bootstrap over questions."""
    ### BEGIN SOLUTION
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    gen = np.random.default_rng(seed)
    idx = gen.integers(0, len(a), size=(n_resamples, len(a)))
    means = (b[idx] - a[idx]).mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)
    ### END SOLUTION


def sign_flip_p_value(a, b, n_resamples=10_000, seed=0):
    """Two-sided sign-flip permutation p-value for mean(b - a) = 0."""
    ### BEGIN SOLUTION
    d = np.asarray(b, dtype=float) - np.asarray(a, dtype=float)
    gen = np.random.default_rng(seed)
    signs = gen.choice([-1.0, 1.0], size=(n_resamples, len(d)))
    null = (signs * d).mean(axis=1)
    extreme = np.sum(np.abs(null) >= abs(d.mean()) - 1e-12)
    return float((1 + extreme) / (n_resamples + 1))
    ### END SOLUTION


# %% [markdown]
# Questions of very different difficulty, and a version B that is a little better on most of them:

# %%
gen = np.random.default_rng(1)
difficulty = gen.uniform(0, 1, 80)
a = np.clip(difficulty + gen.normal(0, 0.05, 80), 0, 1)
b = np.clip(a + gen.normal(0.03, 0.04, 80), 0, 1)
print("paired 95% interval:", paired_bootstrap_ci(a, b), " p =", sign_flip_p_value(a, b))

# %% [markdown] tags=["instructor"]
# Notes for instructors. The two mistakes that matter: resampling `a` and `b` with independent indices (an
# unpaired bootstrap, whose interval is several times wider and here includes 0; caught by
# check_interval_is_paired and by the constant-improvement check, where the paired interval is a single point),
# and a p-value without the `+1` correction (it can be exactly 0; caught by check_p_values). A one-sided
# p-value (counting only resampled means above the observed one) halves p for a real improvement and is
# caught by the symmetric case in check_p_values. The hidden check compares with the reference resampling for
# the given seed, which stops hard-coding and an unseeded generator. Ask students who finish why a paired
# test has more power here, and what the p-value does *not* say (how large the difference is).
