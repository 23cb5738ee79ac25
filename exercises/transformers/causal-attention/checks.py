"""Public checks for transformers.causal-attention (students see these).

Most test properties of the answer (causal, rows sum to 1, zero queries average the past) rather than
compare with a reference implementation.
"""

import numpy as np

from coursegrader.helpers import describe, expect_array, fail


def _pair(result, what):
    """The (out, weights) pair, each checked to be a float NumPy array with only finite entries."""
    if type(result) not in (tuple, list) or len(result) != 2:
        fail(f"{what} returned {describe(result)}, expected a pair (out, weights): end with `return out, weights`.")
    out, weights = result
    for name, value in (("out", out), ("weights", weights)):
        if type(value) is not np.ndarray:
            fail(f"{name} from {what} is {describe(value)}, expected a NumPy array.")
        if value.dtype.kind != "f":
            fail(f"{name} from {what} has dtype {value.dtype}, expected floating-point numbers.")
        if not np.all(np.isfinite(value)):
            fail(f"{name} from {what} contains nan or inf. Every row has its diagonal unmasked, so no row may be"
                 " empty; subtract each row's maximum before np.exp.")
    return out, weights


def _check_causal(weights, shape, what):
    if weights.shape != shape:
        fail(f"the weights from {what} have shape {weights.shape}, expected {shape} (one row of T weights per"
             " query position). Transpose only the last two axes of k: np.swapaxes(k, -1, -2).")
    T = shape[-1]
    future = np.triu(np.ones((T, T), dtype=bool), k=1)
    leaked = weights[..., future]
    if np.any(leaked != 0):
        fail(f"the weights from {what} are not exactly 0 above the diagonal (largest {np.abs(leaked).max():.3g}):"
             " position i may read positions j <= i only. Set the future scores to -np.inf before the softmax.")
    if np.any(weights < 0):
        fail(f"the weights from {what} contain negative numbers; they must be probabilities.")
    expect_array(weights.sum(axis=-1), np.ones(shape[:-1]), what=f"the row sums of the weights from {what}",
                 rtol=0, atol=1e-12,
                 hint="Normalise over the last axis (the keys), after masking; zeroing entries after the softmax"
                      " breaks the sums.")


def check_weights_are_causal_distributions(causal_attention):
    """For 3 heads of 6 positions, the weights are 0 above the diagonal and each row sums to 1."""
    rng = np.random.default_rng(11)
    q, k = rng.normal(size=(2, 3, 6, 4))
    v = rng.normal(size=(3, 6, 5))
    what = "causal_attention(q, k, v) with q, k of shape (3, 6, 4), v of shape (3, 6, 5)"
    out, weights = _pair(causal_attention(q, k, v), what)
    _check_causal(weights, (3, 6, 6), what)
    expect_array(out, weights @ v, what=f"out from {what}", rtol=1e-10, atol=1e-12,
                 hint="out is the weighted average of the values: weights @ v.")


def check_zero_queries_average_the_past(causal_attention):
    """With all-zero queries, position i's output is the plain mean of the values at positions 0 to i."""
    rng = np.random.default_rng(12)
    q = np.zeros((7, 3))
    k = rng.normal(size=(7, 3))
    v = rng.normal(size=(7, 2))
    what = "causal_attention(zeros, k, v) for 7 positions"
    out, weights = _pair(causal_attention(q, k, v), what)
    _check_causal(weights, (7, 7), what)
    running_mean = np.cumsum(v, axis=0) / np.arange(1, 8)[:, None]
    expect_array(out, running_mean, what=f"out from {what}", rtol=1e-10, atol=1e-12,
                 hint="Zero queries give equal scores, so position i averages the values of positions 0..i;"
                      " if it averages all 7, the mask is missing.")


def check_scaled_by_root_of_key_width(causal_attention):
    """A two-position example with d_k = 4: position 1 gives weights 1/4 and 3/4, so out[1] = (1, 3)."""
    a = np.log(3.0) / 2
    q = np.array([[1.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]])
    k = np.array([[0.0, 0.0, 0.0, 0.0], [a, a, a, a]])  # q[1] . k[1] = 2 ln 3, divided by sqrt(4): ln 3
    v = np.array([[4.0, 0.0], [0.0, 4.0]])
    what = "causal_attention on the two-position example"
    out, weights = _pair(causal_attention(q, k, v), what)
    _check_causal(weights, (2, 2), what)
    expect_array(weights, np.array([[1.0, 0.0], [0.25, 0.75]]), what=f"the weights from {what}", rtol=1e-9,
                 atol=1e-12,
                 hint="Divide the scores by the square root of d_k, the width of q and k (here 4), not by d_k"
                      " or by the number of positions.")
    expect_array(out, np.array([[4.0, 0.0], [1.0, 3.0]]), what=f"out from {what}", rtol=1e-9, atol=1e-12)


def check_large_scores_stay_finite(causal_attention):
    """Queries and keys 30 times larger (scores in the thousands) still give finite, causal weights."""
    rng = np.random.default_rng(13)
    q, k, v = 30.0 * rng.normal(size=(3, 2, 5, 8))
    what = "causal_attention with scores in the thousands"
    out, weights = _pair(causal_attention(q, k, v), what)
    _check_causal(weights, (2, 5, 5), what)
    expect_array(out, weights @ v, what=f"out from {what}", rtol=1e-10, atol=1e-10)
