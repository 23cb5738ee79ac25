"""Flags score > threshold, so the transaction that scores exactly the threshold is approved."""
import numpy as np


def policy_cost(y_true, scores, threshold, cost_fn, cost_fp):
    fraud = np.asarray(y_true).astype(bool)
    flagged = np.asarray(scores, dtype=np.float64) > threshold
    return float(cost_fn * np.sum(fraud & ~flagged) + cost_fp * np.sum(~fraud & flagged))
