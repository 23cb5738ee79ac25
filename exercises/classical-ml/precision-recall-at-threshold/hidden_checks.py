"""Hidden checks for classical-ml.precision-recall-at-threshold (instructors only; never shipped to students)."""

import math

from coursegrader.helpers import expect_number, fail


def check_labels_as_bool_or_list_and_no_positives(precision_recall_f1):
    """Boolean labels in a list work; with no positives recall is nan, and F1 is nan only if nothing is flagged."""
    y = [False, True, False, True, True, False]
    scores = [0.2, 0.8, 0.6, 0.3, 0.9, 0.1]
    result = precision_recall_f1(y, scores, 0.5)
    if type(result) is not tuple or len(result) != 3:
        fail("precision_recall_f1 should return a tuple (precision, recall, f1).")
    for name, got, want in zip(("precision", "recall", "f1"), result, (2 / 3, 2 / 3, 2 / 3), strict=True):
        expect_number(got, want, what=f"{name} for boolean labels in a list", rtol=1e-9)
    no_positives = [0, 0, 0, 0]
    result = precision_recall_f1(no_positives, [0.1, 0.7, 0.2, 0.9], 0.5)
    if type(result) is not tuple or len(result) != 3:
        fail("precision_recall_f1 should return a tuple (precision, recall, f1).")
    for name, got, want in zip(("precision", "recall", "f1"), result, (0.0, math.nan, 0.0), strict=True):
        expect_number(got, want, what=f"{name} with no positives and two false alarms")
    result = precision_recall_f1(no_positives, [0.1, 0.7, 0.2, 0.9], 0.95)
    if type(result) is not tuple or len(result) != 3:
        fail("precision_recall_f1 should return a tuple (precision, recall, f1).")
    for name, got in zip(("precision", "recall", "f1"), result, strict=True):
        expect_number(got, math.nan, what=f"{name} with no positives and nothing flagged")
