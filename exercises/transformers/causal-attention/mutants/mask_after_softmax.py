"""Zeroes the future weights after the softmax, so the rows no longer sum to 1."""
import numpy as np


def causal_attention(q, k, v):
    T = q.shape[-2]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = weights / weights.sum(axis=-1, keepdims=True)
    weights = weights * np.tril(np.ones((T, T)))
    return weights @ v, weights
