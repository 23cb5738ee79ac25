"""Ranks by the raw dot product, forgetting to scale rows to unit length."""
import numpy as np


def top_k_cosine(queries, corpus, k):
    sims = np.asarray(queries, dtype=np.float64) @ np.asarray(corpus, dtype=np.float64).T
    k = min(k, sims.shape[1])
    part = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    part_sims = np.take_along_axis(sims, part, axis=1)
    order = np.argsort(-part_sims, axis=1, kind="stable")
    return np.take_along_axis(part, order, axis=1), np.take_along_axis(part_sims, order, axis=1)
