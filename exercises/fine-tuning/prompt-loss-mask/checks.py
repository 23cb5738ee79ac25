"""Public checks for fine-tuning.prompt-loss-mask (students see these)."""

import math

import numpy as np

from coursegrader.helpers import describe, expect_array, expect_number, expect_raises, fail


def _triple(result, what):
    if type(result) not in (tuple, list) or len(result) != 3:
        fail(f"{what} returned {describe(result)}, expected three arrays (inputs, targets, weights).")
    return result


def _pair(result, what):
    if type(result) not in (tuple, list) or len(result) != 2:
        fail(f"{what} returned {describe(result)}, expected a pair (loss, dlogits).")
    return result


def check_example_layout(make_example):
    """Prompt [10, 11, 12], answer [20, 21], context 6: targets are the inputs shifted by one, weights 0 0 1 1 0 0."""
    what = "make_example([10, 11, 12], [20, 21], 6, 0)"
    inputs, targets, weights = _triple(make_example([10, 11, 12], [20, 21], 6, 0), what)
    expect_array(inputs, np.array([10, 11, 12, 20, 0, 0]), what=f"inputs from {what}", kind="i",
                 hint="The inputs are seq[:-1], padded with pad_id.")
    expect_array(targets, np.array([11, 12, 20, 21, 0, 0]), what=f"targets from {what}", kind="i",
                 hint="The targets are seq[1:]: each position predicts the token after it.")
    expect_array(weights, np.array([0.0, 0.0, 1.0, 1.0, 0.0, 0.0]), what=f"weights from {what}",
                 hint="Weight 1 where the *target* is an answer token: the first answer token (20) is the target"
                      " of position 2, the last prompt token. Padding gets 0.")
    what = "make_example([5], [6, 7, 8], 5, 99)"
    inputs, targets, weights = _triple(make_example([5], [6, 7, 8], 5, 99), what)
    expect_array(targets, np.array([6, 7, 8, 99, 99]), what=f"targets from {what}", kind="i",
                 hint="Pad with the pad_id you are given.")
    expect_array(weights, np.array([1.0, 1.0, 1.0, 0.0, 0.0]), what=f"weights from {what}")


def check_too_long_raises(make_example):
    """A prompt and answer that need more positions than the context raise ValueError."""
    expect_raises(ValueError, make_example, [1, 2, 3, 4], [5, 6, 7, 8], 6, 0,
                  what="make_example([1, 2, 3, 4], [5, 6, 7, 8], 6, 0)",
                  hint="8 tokens need 7 (input, target) positions; silently cutting the answer would train on"
                       " part of it.")


def check_loss_on_counted_tokens(masked_cross_entropy):
    """The loss averages -log p(target) over the counted positions only: (-ln 0.2 - ln 0.4) / 2 here."""
    p = np.array([0.1, 0.2, 0.3, 0.4])
    logits = np.tile(np.log(p) + 3.0, (4, 1))  # every row: softmax gives p
    targets = np.array([0, 1, 3, 2])
    weights = np.array([0.0, 1.0, 1.0, 0.0])
    what = "masked_cross_entropy on 4 positions, 2 counted"
    loss, dlogits = _pair(masked_cross_entropy(logits, targets, weights), what)
    expect_number(loss, (-math.log(0.2) - math.log(0.4)) / 2, what=f"the loss from {what}", rtol=1e-9,
                  hint="Sum the negative log-probabilities of the counted targets and divide by the number of"
                       " counted positions (weights.sum()), not by all positions.")
    expected = np.zeros((4, 4))
    expected[1] = (p - np.eye(4)[1]) / 2
    expected[2] = (p - np.eye(4)[3]) / 2
    expect_array(dlogits, expected, what=f"dlogits from {what}", rtol=1e-9, atol=1e-12,
                 hint="Each row is (softmax - onehot(target)) * weight / weights.sum(); masked rows are 0.")


def check_masked_targets_change_nothing(masked_cross_entropy):
    """Masked gradient rows are exactly 0, new targets there change nothing, and dlogits is the loss's gradient."""
    rng = np.random.default_rng(51)
    logits = rng.normal(size=(2, 6, 9))
    targets = rng.integers(0, 9, size=(2, 6))
    weights = np.array([[0, 0, 1, 1, 1, 0], [0, 1, 1, 0, 0, 0]], dtype=float)
    what = "masked_cross_entropy on a batch of 2 x 6 positions"
    loss, dlogits = _pair(masked_cross_entropy(logits, targets, weights), what)
    if type(dlogits) is not np.ndarray or dlogits.shape != logits.shape:
        fail(f"dlogits from {what} is {describe(dlogits)}, expected an array of the logits' shape (2, 6, 9).")
    if np.any(dlogits[weights == 0] != 0):
        fail(f"dlogits from {what} is not exactly 0 at masked positions: multiply each row by its weight.")
    loss = expect_number(loss, loss, what=f"the loss from {what}")
    scrambled = np.where(weights == 0, (targets + 4) % 9, targets)
    loss2, dlogits2 = _pair(masked_cross_entropy(logits, scrambled, weights), what)
    expect_number(loss2, loss, what="the loss after changing only masked targets", rtol=0, atol=0,
                  hint="Masked positions must not count in the loss at all.")
    expect_array(dlogits2, dlogits, what="dlogits after changing only masked targets", rtol=0, atol=0)
    changed = targets.copy()
    changed[0, 3] = (changed[0, 3] + 1) % 9
    loss3, _ = _pair(masked_cross_entropy(logits, changed, weights), what)
    if expect_number(loss3, loss3, what="the loss after changing an answer target") == loss:
        fail("Changing the target of a counted position did not change the loss: the mask hides everything.")
    eps = 1e-6
    for index in [(0, 3, 2), (1, 2, 5), (0, 0, 1)]:
        up, down = logits.copy(), logits.copy()
        up[index] += eps
        down[index] -= eps
        f_up, f_down = masked_cross_entropy(up, targets, weights)[0], masked_cross_entropy(down, targets, weights)[0]
        numeric = (f_up - f_down) / (2 * eps)
        expect_number(float(dlogits[index]), numeric, what=f"dlogits{index} against central differences of the loss",
                      rtol=1e-5, atol=1e-8, hint="dlogits must be the gradient of the loss you return.")
