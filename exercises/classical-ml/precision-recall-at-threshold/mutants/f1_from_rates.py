"""Computes F1 as 2PR / (P + R), which is nan whenever precision is undefined."""
import numpy as np


def precision_recall_f1(y_true, scores, threshold):
    y_true = np.asarray(y_true).astype(bool)
    flagged = np.asarray(scores) >= threshold
    tp, fp, fn = int(np.sum(flagged & y_true)), int(np.sum(flagged & ~y_true)), int(np.sum(~flagged & y_true))
    nan = float("nan")
    precision = tp / (tp + fp) if tp + fp else nan
    recall = tp / (tp + fn) if tp + fn else nan
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else (
        0.0 if precision == precision and recall == recall else nan)
    return precision, recall, f1
