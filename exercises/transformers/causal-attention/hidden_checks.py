"""Hidden checks for transformers.causal-attention (instructors only; never shipped to students)."""

import math

import numpy as np

from coursegrader.helpers import describe, expect_array, fail


def _attention_by_loops(q, k, v):
    """One (T, d) slice at a time, one query at a time, with math.exp: slow and plainly right."""
    T, d_k = q.shape
    out = np.zeros((T, v.shape[1]))
    weights = np.zeros((T, T))
    for i in range(T):
        scores = [float(q[i] @ k[j]) / math.sqrt(d_k) for j in range(i + 1)]
        top = max(scores)
        e = [math.exp(s - top) for s in scores]
        for j in range(i + 1):
            weights[i, j] = e[j] / sum(e)
            out[i] += weights[i, j] * v[j]
    return out, weights


def _unpack(result, what):
    if type(result) not in (tuple, list) or len(result) != 2:
        fail(f"{what} returned {describe(result)}, expected a pair (out, weights).")
    return result


def check_matches_loop_reference(causal_attention):
    """Batch 2, heads 3, 5 positions, d_k = 4, d_v = 6: out and weights match a loop over every query."""
    rng = np.random.default_rng(21)
    q = rng.normal(size=(2, 3, 5, 4))
    k = 2.0 * rng.normal(size=(2, 3, 5, 4))
    v = rng.normal(size=(2, 3, 5, 6))
    inputs = (q.copy(), k.copy(), v.copy())
    out, weights = _unpack(causal_attention(q, k, v), "causal_attention on a (2, 3, 5, 4) batch")
    want_out, want_w = np.zeros((2, 3, 5, 6)), np.zeros((2, 3, 5, 5))
    for b in range(2):
        for h in range(3):
            want_out[b, h], want_w[b, h] = _attention_by_loops(q[b, h], k[b, h], v[b, h])
    expect_array(weights, want_w, what="the weights for a (2, 3, 5, 4) batch", rtol=1e-9, atol=1e-12)
    expect_array(out, want_out, what="out for a (2, 3, 5, 4) batch", rtol=1e-9, atol=1e-12)
    if not all(np.array_equal(a, b) for a, b in zip(inputs, (q, k, v), strict=True)):
        fail("causal_attention changed its input arrays.")


def check_single_position(causal_attention):
    """A single position reads only itself: weight 1, and out equals v."""
    rng = np.random.default_rng(22)
    q, k = rng.normal(size=(2, 1, 3))
    v = rng.normal(size=(1, 2))
    out, weights = _unpack(causal_attention(q, k, v), "causal_attention for one position")
    expect_array(weights, np.ones((1, 1)), what="the weights for one position", rtol=1e-12, atol=1e-12)
    expect_array(out, v, what="out for one position", rtol=1e-12, atol=1e-12)
