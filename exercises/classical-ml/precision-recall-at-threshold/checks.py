"""Public checks for classical-ml.precision-recall-at-threshold (students see these)."""

import math

import numpy as np

from coursegrader.helpers import expect_number, fail


def _triple(result, what):
    """Unpack (precision, recall, f1) without trusting the student's object."""
    if type(result) is not tuple or len(result) != 3:
        fail(f"{what} should return a tuple (precision, recall, f1); it returned {type(result).__name__}.")
    return result


def _expect_metrics(result, expected, what, hint=""):
    names = ("precision", "recall", "f1")
    for name, got, want in zip(names, _triple(result, what), expected, strict=True):
        expect_number(got, want, what=f"{name} of {what}", rtol=1e-9, atol=1e-12, hint=hint)


def check_small_example(precision_recall_f1):
    """Ten transactions, three of them fraud, threshold 0.5 (one fraud scores exactly 0.5): (3/4, 1, 6/7)."""
    y = np.array([0, 0, 1, 0, 1, 0, 0, 1, 0, 0])
    scores = np.array([0.1, 0.4, 0.9, 0.2, 0.5, 0.3, 0.7, 0.8, 0.05, 0.35])
    _expect_metrics(precision_recall_f1(y, scores, 0.5), (0.75, 1.0, 6 / 7),
                    "precision_recall_f1(y, scores, 0.5)",
                    hint="Flag score >= threshold: 0.9, 0.5, 0.7 and 0.8 are flagged. Precision = TP / flagged,"
                         " recall = TP / frauds.")


def check_imbalanced_data(precision_recall_f1):
    """On 5000 transactions with about 1% fraud, the three metrics match a count made one transaction at a time."""
    rng = np.random.default_rng(40)
    y = (rng.random(5000) < 0.01).astype(int)
    scores = 1.0 / (1.0 + np.exp(-(rng.normal(-4.0, 1.5, 5000) + 3.0 * y)))
    for threshold in (0.5, 0.1, 0.02):
        tp = fp = fn = 0
        for label, score in zip(y.tolist(), scores.tolist(), strict=True):
            tp += label == 1 and score >= threshold
            fp += label == 0 and score >= threshold
            fn += label == 1 and score < threshold
        expected = (tp / (tp + fp), tp / (tp + fn), 2 * tp / (2 * tp + fp + fn))
        _expect_metrics(precision_recall_f1(y.copy(), scores.copy(), threshold), expected,
                        f"precision_recall_f1 at threshold {threshold}")


def check_flag_nothing_or_everything(precision_recall_f1):
    """Flagging nothing gives (nan, 0, 0); flagging everything gives (fraud rate, 1, 2 x rate / (1 + rate))."""
    y = np.array([0] * 95 + [1] * 5)
    scores = np.linspace(0.0, 0.9, 100)[::-1]
    precision, recall, f1 = _triple(precision_recall_f1(y, scores, 0.95), "precision_recall_f1(y, scores, 0.95)")
    precision = expect_number(precision, math.nan, what="precision when nothing is flagged",
                              hint="0 flagged means TP / (TP + FP) = 0 / 0: return nan, not 0.")
    expect_number(recall, 0.0, what="recall when nothing is flagged")
    expect_number(f1, 0.0, what="F1 when nothing is flagged while frauds exist",
                  hint="Compute F1 from counts, 2 TP / (2 TP + FP + FN): it is 0 here, although precision is nan.")
    _expect_metrics(precision_recall_f1(y, scores, 0.0), (0.05, 1.0, 0.1 / 1.05),
                    "precision_recall_f1(y, scores, 0.0), everything flagged")
