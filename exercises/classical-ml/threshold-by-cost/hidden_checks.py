"""Hidden checks for classical-ml.threshold-by-cost (instructors only; never shipped to students)."""

import math

import numpy as np

from coursegrader.helpers import NUMBER_TYPES, expect_number, fail


def _a_number(value, what):
    """Expect a real number that is not nan, without comparing it with anything yet."""
    if type(value) in NUMBER_TYPES and math.isnan(float(value)):
        fail(f"{what} is nan, expected a number.")
    return expect_number(value, 0.0, what=what, rtol=math.inf, atol=math.inf)


def check_ties_duplicates_and_flag_nothing(choose_threshold, policy_cost):
    """Equal costs give the largest threshold; flagging nothing (inf) can win; tied scores are cut as a block."""
    expect_number(choose_threshold([1, 0, 1, 0], [0.9, 0.7, 0.6, 0.3], 1.0, 1.0), 0.9,
                  what="choose_threshold with 0.9 and 0.6 equally cheap (both cost 1)",
                  hint="Among equally cheap thresholds return the largest.")
    expect_number(choose_threshold([0, 1, 0, 1, 0], [0.2, 0.4, 0.6, 0.5, 0.9], 1.0, 100.0), math.inf,
                  what="choose_threshold when every false alarm costs 100 and a missed fraud 1",
                  hint="Flagging nothing (threshold inf) is a candidate.")
    rng = np.random.default_rng(60)
    y = (rng.random(4000) < 0.05).astype(int)
    scores = np.round(1.0 / (1.0 + np.exp(-(rng.normal(-3.0, 1.0, 4000) + 2.0 * y))), 2)  # many ties
    y_before, scores_before = y.copy(), scores.copy()
    threshold = choose_threshold(y, scores, 40.0, 3.0)
    if not (np.array_equal(y, y_before) and np.array_equal(scores, scores_before)):
        fail("choose_threshold changed the arrays it was given.")
    threshold = _a_number(threshold, "choose_threshold on tied scores")

    def cost(t):
        flagged = scores >= t
        return 40.0 * np.sum((y == 1) & ~flagged) + 3.0 * np.sum((y == 0) & flagged)

    candidates = [math.inf, *np.unique(scores)[::-1]]
    costs = [cost(t) for t in candidates]
    expected = float(candidates[int(np.argmin(costs))])
    expect_number(threshold, expected, what="choose_threshold on 4000 scores rounded to 2 decimals",
                  hint="Equal scores are flagged together: a cut can only fall after the last copy of a score.")
    expect_number(policy_cost(y, scores, expected, 40.0, 3.0), float(min(costs)),
                  what="policy_cost on tied scores", rtol=1e-12)
