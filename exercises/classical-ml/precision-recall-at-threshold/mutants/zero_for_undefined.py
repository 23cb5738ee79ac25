"""Returns 0 instead of nan for a 0 / 0 ratio (scikit-learn's zero_division=0 default, with its warning)."""
import numpy as np


def precision_recall_f1(y_true, scores, threshold):
    y_true = np.asarray(y_true).astype(bool)
    flagged = np.asarray(scores) >= threshold
    tp, fp, fn = int(np.sum(flagged & y_true)), int(np.sum(flagged & ~y_true)), int(np.sum(~flagged & y_true))
    return (tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0,
            2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
