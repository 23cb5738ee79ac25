"""Charges cost_fn for false positives and cost_fp for false negatives."""
import numpy as np


def policy_cost(y_true, scores, threshold, cost_fn, cost_fp):
    fraud = np.asarray(y_true).astype(bool)
    flagged = np.asarray(scores, dtype=np.float64) >= threshold
    return float(cost_fp * np.sum(fraud & ~flagged) + cost_fn * np.sum(~fraud & flagged))


def choose_threshold(y_true, scores, cost_fn, cost_fp):
    scores = np.asarray(scores, dtype=np.float64)
    candidates = [np.inf, *np.unique(scores)[::-1]]
    costs = [policy_cost(y_true, scores, t, cost_fn, cost_fp) for t in candidates]
    return float(candidates[int(np.argmin(costs))])
