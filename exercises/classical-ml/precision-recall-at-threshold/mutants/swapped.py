"""Swaps precision and recall (divides by the frauds for precision and by the flags for recall)."""
import numpy as np


def precision_recall_f1(y_true, scores, threshold):
    y_true = np.asarray(y_true).astype(bool)
    flagged = np.asarray(scores) >= threshold
    tp, fp, fn = int(np.sum(flagged & y_true)), int(np.sum(flagged & ~y_true)), int(np.sum(~flagged & y_true))
    nan = float("nan")
    return (tp / (tp + fn) if tp + fn else nan, tp / (tp + fp) if tp + fp else nan,
            2 * tp / (2 * tp + fp + fn) if tp + fp + fn else nan)
