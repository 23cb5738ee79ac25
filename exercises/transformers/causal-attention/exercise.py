# %% [markdown]
# Attention is the one place in a transformer where positions exchange information, and a language model
# must never let a position see the tokens after it: at generation time they do not exist yet. Write
# `causal_attention(q, k, v)` that returns the pair `(out, weights)`:
#
# - `scores = q kᵀ / √d_k`, where `d_k` is the width of the queries and keys (their last axis);
# - the **causal mask**: position `i` may read positions `j ≤ i` only, so the scores with `j > i` are set to
#   `-np.inf` before the softmax, and their weights come out exactly 0, not merely small;
# - `weights` = the softmax of each row of masked scores (each row sums to 1);
# - `out = weights @ v`, a weighted average of the values.
#
# `q` and `k` have shape `(..., T, d_k)` and `v` has shape `(..., T, d_v)`, where `...` stands for any number
# of leading axes (a batch, attention heads, or none at all); `out` has shape `(..., T, d_v)` and `weights`
# shape `(..., T, T)`, both float64 arrays. Work on the last two axes only: `k.T` reverses *every* axis, so
# use `np.swapaxes(k, -1, -2)`. Trained models produce large scores, and `np.exp(800.0)` is `inf`: subtract
# each row's maximum before exponentiating (the softmax does not change, and a row always has at least one
# unmasked entry, its diagonal). No Python loops are needed.

# %%
import numpy as np


def causal_attention(q, k, v):
    """Causal scaled dot-product attention over the last two axes; returns (out, weights)."""
    ### BEGIN SOLUTION
    q, k, v = (np.asarray(a, dtype=np.float64) for a in (q, k, v))
    T = q.shape[-2]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    future = np.triu(np.ones((T, T), dtype=bool), k=1)
    scores = np.where(future, -np.inf, scores)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights = weights / weights.sum(axis=-1, keepdims=True)
    return weights @ v, weights
    ### END SOLUTION


# %% [markdown]
# Look at the weights for five positions: the upper triangle must be exactly zero and each row must sum
# to 1. With all-zero queries every allowed position scores the same, so row `i` spreads its weight evenly
# over the first `i + 1` positions.

# %%
rng = np.random.default_rng(0)
q, k, v = rng.normal(size=(3, 5, 4))
out, weights = causal_attention(q, k, v)
print(np.round(weights, 3))
print("row sums:", weights.sum(axis=-1))
print(np.round(causal_attention(np.zeros((5, 4)), k, v)[1], 3))

# %% [markdown] tags=["solution"]
# `np.swapaxes(k, -1, -2)` transposes only the last two axes, so the same line works for `(T, d)`,
# `(heads, T, d)` and `(batch, heads, T, d)`; the `(T, T)` mask broadcasts over the leading axes. Masking with
# `np.where(future, -np.inf, scores)` before the softmax makes `exp` give exactly 0 for the future, and the
# diagonal is never masked, so every row keeps a finite maximum to subtract: the shift makes the largest
# exponent `exp(0) = 1`, so nothing overflows and the sum is at least 1. Two tempting variants are wrong:
# zeroing the upper triangle *after* the softmax leaves rows that no longer sum to 1, and `np.tril(..., k=-1)`
# (strictly earlier positions) leaves the first row with nothing to read, which gives `nan`.
