"""Scans the candidates from low to high, so equally cheap thresholds resolve to the smallest."""
import numpy as np


def choose_threshold(y_true, scores, cost_fn, cost_fp):
    fraud = np.asarray(y_true).astype(bool)
    scores = np.asarray(scores, dtype=np.float64)
    candidates = [*np.unique(scores), np.inf]
    costs = [cost_fn * np.sum(fraud & (scores < t)) + cost_fp * np.sum(~fraud & (scores >= t)) for t in candidates]
    return float(candidates[int(np.argmin(costs))])
