"""Hidden checks for fine-tuning.prompt-loss-mask (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import describe, expect_array, expect_number, fail


def check_batch_with_large_logits(masked_cross_entropy):
    """Logits in the thousands, batch (3, 5, 7) with uneven weights: finite, and equal to a stable reference."""
    rng = np.random.default_rng(61)
    logits = 1000.0 * rng.normal(size=(3, 5, 7))
    targets = rng.integers(0, 7, size=(3, 5))
    weights = (rng.random((3, 5)) < 0.5).astype(float)
    weights[0, 0] = 1.0
    result = masked_cross_entropy(logits, targets, weights)
    if type(result) not in (tuple, list) or len(result) != 2:
        fail(f"masked_cross_entropy returned {describe(result)}, expected (loss, dlogits).")
    top = logits.max(-1, keepdims=True)
    logp = logits - top - np.log(np.exp(logits - top).sum(-1, keepdims=True))
    nll = -np.take_along_axis(logp, targets[..., None], -1)[..., 0]
    expect_number(result[0], float((nll * weights).sum() / weights.sum()), what="the loss for logits in the thousands",
                  rtol=1e-9)
    grad = np.exp(logp) - np.eye(7)[targets]
    expect_array(result[1], grad * (weights / weights.sum())[..., None], what="dlogits for logits in the thousands",
                 rtol=1e-9, atol=1e-12)


def check_exact_fit_has_no_padding(make_example):
    """A 4-token prompt and 3-token answer fill a context of 6 exactly; weights 0 0 0 1 1 1, no padding."""
    result = make_example([1, 2, 3, 4], [7, 8, 9], 6, 0)
    if type(result) not in (tuple, list) or len(result) != 3:
        fail(f"make_example returned {describe(result)}, expected (inputs, targets, weights).")
    inputs, targets, weights = result
    expect_array(inputs, np.array([1, 2, 3, 4, 7, 8]), what="inputs for an exact fit", kind="i")
    expect_array(targets, np.array([2, 3, 4, 7, 8, 9]), what="targets for an exact fit", kind="i")
    expect_array(weights, np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0]), what="weights for an exact fit")
