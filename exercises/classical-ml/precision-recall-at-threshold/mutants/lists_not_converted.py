"""Uses the inputs as they come, which breaks when labels and scores arrive as Python lists."""
import numpy as np


def precision_recall_f1(y_true, scores, threshold):
    flagged = scores >= threshold
    positive = y_true == 1
    tp, fp, fn = int(np.sum(flagged & positive)), int(np.sum(flagged & ~positive)), int(np.sum(~flagged & positive))
    nan = float("nan")
    return (tp / (tp + fp) if tp + fp else nan, tp / (tp + fn) if tp + fn else nan,
            2 * tp / (2 * tp + fp + fn) if tp + fp + fn else nan)
