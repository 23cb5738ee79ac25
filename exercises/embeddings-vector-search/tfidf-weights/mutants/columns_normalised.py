"""Scales each column (term) to unit length instead of each row (document)."""
import numpy as np


def tfidf(counts, idf):
    weighted = np.asarray(counts, dtype=np.float64) * np.asarray(idf, dtype=np.float64)
    norms = np.linalg.norm(weighted, axis=0, keepdims=True)
    return weighted / np.where(norms == 0, 1.0, norms)
