"""Ignores the idf it is given and refits one on the rows being transformed."""
import numpy as np


def tfidf(counts, idf):
    counts = np.asarray(counts, dtype=np.float64)
    own_idf = np.log((1.0 + counts.shape[0]) / (1.0 + (counts > 0).sum(axis=0))) + 1.0
    weighted = counts * own_idf
    norms = np.linalg.norm(weighted, axis=1, keepdims=True)
    return weighted / np.where(norms == 0, 1.0, norms)
