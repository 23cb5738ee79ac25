"""Partitions sims instead of -sims, so it returns the k least similar rows."""
import numpy as np


def top_k_cosine(queries, corpus, k):
    q = np.asarray(queries, dtype=np.float64)
    c = np.asarray(corpus, dtype=np.float64)
    q = q / np.where(np.linalg.norm(q, axis=1, keepdims=True) == 0, 1.0, np.linalg.norm(q, axis=1, keepdims=True))
    c = c / np.where(np.linalg.norm(c, axis=1, keepdims=True) == 0, 1.0, np.linalg.norm(c, axis=1, keepdims=True))
    sims = q @ c.T
    k = min(k, sims.shape[1])
    part = np.argpartition(sims, k - 1, axis=1)[:, :k]
    part_sims = np.take_along_axis(sims, part, axis=1)
    order = np.argsort(-part_sims, axis=1, kind="stable")
    return np.take_along_axis(part, order, axis=1), np.take_along_axis(part_sims, order, axis=1)
