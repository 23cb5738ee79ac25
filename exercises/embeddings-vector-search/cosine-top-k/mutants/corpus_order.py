"""Finds the right k rows but returns them in corpus order, not most similar first.

(This is what a mask such as `sims >= kth_largest` gives, and what np.argpartition gives on many machines:
its k candidates come in no particular order unless they are sorted.)
"""
import numpy as np


def top_k_cosine(queries, corpus, k):
    q = np.asarray(queries, dtype=np.float64)
    c = np.asarray(corpus, dtype=np.float64)
    q = q / np.where(np.linalg.norm(q, axis=1, keepdims=True) == 0, 1.0, np.linalg.norm(q, axis=1, keepdims=True))
    c = c / np.where(np.linalg.norm(c, axis=1, keepdims=True) == 0, 1.0, np.linalg.norm(c, axis=1, keepdims=True))
    sims = q @ c.T
    k = min(k, sims.shape[1])
    part = np.sort(np.argpartition(-sims, k - 1, axis=1)[:, :k], axis=1)
    return part, np.take_along_axis(sims, part, axis=1)
