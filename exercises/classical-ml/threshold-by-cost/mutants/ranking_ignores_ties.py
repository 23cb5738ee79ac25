"""Cuts the ranking after any position, as if all scores were distinct, and returns the last flagged score."""
import numpy as np


def choose_threshold(y_true, scores, cost_fn, cost_fp):
    fraud = np.asarray(y_true).astype(bool)
    scores = np.asarray(scores, dtype=np.float64)
    order = np.argsort(-scores, kind="stable")
    tp = np.r_[0, np.cumsum(fraud[order])]
    fp = np.r_[0, np.cumsum(~fraud[order])]
    costs = cost_fn * (tp[-1] - tp) + cost_fp * fp
    k = int(np.argmin(costs))
    return float(np.inf) if k == 0 else float(scores[order][k - 1])
