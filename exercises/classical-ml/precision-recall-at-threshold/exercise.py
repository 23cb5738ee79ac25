# %% [markdown]
# A fraud model outputs a score for every transaction; the system blocks the transactions whose score is
# at least a threshold. With one fraud in a hundred transactions, accuracy is useless (approving
# everything is 99% accurate), so you report the two asymmetric questions from the notebook and their
# harmonic mean:
#
# - **precision** = TP / (TP + FP): of the flagged transactions, the share that are fraud;
# - **recall** = TP / (TP + FN): of the frauds, the share that were flagged;
# - **F1** = 2 TP / (2 TP + FP + FN), the harmonic mean of precision and recall, written in counts.
#
# Write `precision_recall_f1(y_true, scores, threshold)` that returns the tuple `(precision, recall, f1)`
# of three Python floats. `y_true` holds 1 for fraud and 0 for legitimate (as integers or booleans, in an
# array or a list), `scores` holds one number per transaction, and a transaction is flagged when
# `score >= threshold` (so a score equal to the threshold is flagged).
#
# Some of these ratios can be 0 / 0, and a metric that silently turns "undefined" into 0 hides a broken
# policy. Return `float("nan")` (NumPy's `np.nan`) for a ratio whose denominator is 0:
#
# - precision when nothing is flagged;
# - recall when there are no positives;
# - F1 only when there are no positives *and* nothing is flagged. In counts, F1 is well defined even when
#   precision is not: flagging nothing while frauds exist gives F1 = 0, which is the honest score.

# %%
import numpy as np


def precision_recall_f1(y_true, scores, threshold):
    """(precision, recall, f1) of flagging scores >= threshold, with nan for a 0 / 0 ratio."""
    ### BEGIN SOLUTION
    y_true = np.asarray(y_true).astype(bool)
    flagged = np.asarray(scores) >= threshold
    tp = int(np.sum(flagged & y_true))
    fp = int(np.sum(flagged & ~y_true))
    fn = int(np.sum(~flagged & y_true))

    def ratio(numerator, denominator):
        return numerator / denominator if denominator else float("nan")

    return ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(2 * tp, 2 * tp + fp + fn)
    ### END SOLUTION


# %% [markdown]
# Ten transactions, three of them fraud, and a threshold of 0.5:

# %%
y_demo = np.array([0, 0, 1, 0, 1, 0, 0, 1, 0, 0])
scores_demo = np.array([0.1, 0.4, 0.9, 0.2, 0.5, 0.3, 0.7, 0.8, 0.05, 0.35])
print(precision_recall_f1(y_demo, scores_demo, 0.5))

# %% [markdown] tags=["solution"]
# Converting the labels with `.astype(bool)` makes `&` and `~` mean "and" and "not" for integer and
# boolean labels alike (on integers, `~1` is `-2`, not 0). Each count is one vectorised sum. The small
# `ratio` helper is the whole treatment of the edge cases: Python's `/` would raise `ZeroDivisionError`
# on a zero denominator, and NumPy would return `nan` with a warning. In the demo, four transactions are
# flagged (0.9, 0.5, 0.7 and 0.8) and three of them are fraud, so precision is 3/4; all three frauds are
# caught, so recall is 1; and F1 = 6 / (6 + 1 + 0) = 6/7. With `>` instead of `>=` the fraud scored
# exactly 0.5 would slip through, and recall would drop to 2/3.
