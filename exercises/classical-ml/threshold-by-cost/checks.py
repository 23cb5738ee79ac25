"""Public checks for classical-ml.threshold-by-cost (students see these)."""

import math

import numpy as np

from coursegrader.helpers import NUMBER_TYPES, expect_number, fail


def _a_number(value, what):
    """Expect a real number that is not nan, without comparing it with anything yet."""
    if type(value) in NUMBER_TYPES and math.isnan(float(value)):
        fail(f"{what} is nan, expected a number.")
    return expect_number(value, 0.0, what=what, rtol=math.inf, atol=math.inf)


Y = np.array([0, 0, 1, 0, 1, 0, 0, 1, 0, 0])
SCORES = np.array([0.1, 0.4, 0.9, 0.2, 0.5, 0.3, 0.7, 0.8, 0.05, 0.35])


def check_policy_cost_by_hand(policy_cost):
    """Ten transactions (frauds at 0.9, 0.8 and 0.5), a missed fraud costs 10 and a false alarm 1."""
    hint = "Flag score >= threshold; cost = cost_fn x missed frauds + cost_fp x flagged legitimate transactions."
    for threshold, expected in [(0.5, 1.0), (0.75, 10.0), (0.85, 20.0), (0.0, 7.0), (1.0, 30.0)]:
        expect_number(policy_cost(Y.copy(), SCORES.copy(), threshold, 10.0, 1.0), expected,
                      what=f"policy_cost(y, scores, {threshold}, cost_fn=10, cost_fp=1)", hint=hint)


def check_threshold_by_hand(choose_threshold):
    """On the same ten transactions, the best threshold is 0.5 when frauds are dear, 0.8 when false alarms are."""
    expect_number(choose_threshold(Y.copy(), SCORES.copy(), 10.0, 1.0), 0.5,
                  what="choose_threshold(y, scores, cost_fn=10, cost_fp=1)",
                  hint="Flagging 0.5 and above catches every fraud for one false alarm (cost 1).")
    expect_number(choose_threshold(Y.tolist(), SCORES.tolist(), 1.0, 10.0), 0.8,
                  what="choose_threshold(y, scores, cost_fn=1, cost_fp=10) with lists",
                  hint="With false alarms ten times dearer, flagging 0.8 and above (no false alarm, one missed fraud)"
                       " is cheapest.")


def _cost(y, scores, threshold, cost_fn, cost_fp):
    flagged = scores >= threshold
    return cost_fn * np.sum((y == 1) & ~flagged) + cost_fp * np.sum((y == 0) & flagged)


def check_cheapest_on_generated_data(choose_threshold):
    """On 3000 transactions with miscalibrated scores, the threshold is a score (or inf) and none tried is cheaper."""
    rng = np.random.default_rng(50)
    y = (rng.random(3000) < 0.02).astype(int)
    scores = 1.0 / (1.0 + np.exp(-(rng.normal(-1.0, 1.0, 3000) + 2.0 * y)))  # overestimates the fraud rate
    cost_fn, cost_fp = 150.0, 5.0
    threshold = _a_number(choose_threshold(y.copy(), scores.copy(), cost_fn, cost_fp),
                          "choose_threshold(y, scores, 150, 5)")
    if not (threshold == math.inf or np.any(scores == threshold)):
        fail(f"choose_threshold returned {threshold:.6g}, which is neither one of the scores nor inf. The Bayes"
             " threshold cost_fp / (cost_fp + cost_fn) is only optimal for calibrated scores: search the data.")
    best = _cost(y, scores, threshold, cost_fn, cost_fp)
    others = [math.inf, -math.inf, 0.5, cost_fp / (cost_fp + cost_fn), *rng.choice(scores, 200, replace=False)]
    for other in others:
        cost = _cost(y, scores, other, cost_fn, cost_fp)
        if cost < best:
            fail(f"choose_threshold returned {threshold:.6g}, which costs {best:.0f} EUR on these data, but the"
                 f" threshold {other:.6g} costs only {cost:.0f} EUR.")
