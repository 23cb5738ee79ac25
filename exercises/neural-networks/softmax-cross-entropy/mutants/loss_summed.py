"""Sums the cross-entropy over the batch instead of averaging it."""
import numpy as np


def softmax_cross_entropy(logits, y):
    logits = np.asarray(logits, dtype=float)
    n = len(y)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    grad = np.exp(log_probs)
    grad[np.arange(n), y] -= 1.0
    return float(-log_probs[np.arange(n), y].sum()), grad / n
