"""Public checks for neural-networks.softmax-cross-entropy (students see these)."""

import numpy as np

from coursegrader.helpers import expect_array, expect_number, fail


def _direct_loss(logits, y):
    """Mean cross-entropy straight from the definition: fine for small logits, and only for those."""
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    return float(-np.mean(np.log(probs[np.arange(len(y)), y])))


def _numeric_gradient(logits, y, eps=1e-6):
    grad = np.zeros_like(logits)
    for index in np.ndindex(logits.shape):
        up, down = logits.copy(), logits.copy()
        up[index] += eps
        down[index] -= eps
        grad[index] = (_direct_loss(up, y) - _direct_loss(down, y)) / (2 * eps)
    return grad


def _pair(result, what):
    if type(result) is not tuple or len(result) != 2:
        fail(f"{what} should return a tuple (loss, grad).")
    return result


def check_small_logits(softmax_cross_entropy):
    """For 6 examples of 4 classes, the loss matches the definition and the gradient finite differences."""
    rng = np.random.default_rng(1)
    logits = rng.normal(size=(6, 4))
    y = rng.integers(0, 4, size=6)
    loss, grad = _pair(softmax_cross_entropy(logits.copy(), y.copy()), "softmax_cross_entropy(logits, y)")
    expect_number(loss, _direct_loss(logits, y), what="the loss", rtol=1e-9,
                  hint="The loss is the mean over the batch of -log p_y.")
    expect_array(grad, _numeric_gradient(logits, y), what="the gradient", rtol=1e-5, atol=1e-8,
                 hint="The gradient of the mean loss is (softmax - onehot) divided by the number of examples.")


def _is_non_finite_number(value):
    return type(value) in (float, np.float64, np.float32) and not np.isfinite(value)


def check_shifted_logits(softmax_cross_entropy):
    """Adding 1000 to one row's logits and -500 to another's changes neither the loss nor the gradient."""
    rng = np.random.default_rng(2)
    logits = rng.normal(size=(4, 3))
    y = np.array([2, 0, 1, 1])
    loss0, grad0 = _pair(softmax_cross_entropy(logits.copy(), y.copy()), "softmax_cross_entropy(logits, y)")
    expect_number(loss0, _direct_loss(logits, y), what="the loss for the unshifted logits", rtol=1e-9,
                  hint="The loss is the mean over the batch of -log p_y.")
    if type(grad0) is not np.ndarray or grad0.shape != logits.shape or not np.all(np.isfinite(grad0)):
        fail("For small logits the gradient should be a finite float64 array of shape (n, k).")
    shifted = logits + np.array([[1000.0], [0.0], [-500.0], [0.0]])
    loss, grad = _pair(softmax_cross_entropy(shifted, y.copy()), "softmax_cross_entropy(shifted, y)")
    hint = ("exp(1000) overflows to inf. Subtract each row's own maximum (axis=1, keepdims=True) before"
            " np.exp; a single maximum for the whole batch makes the other rows underflow to 0.")
    expect_number(loss, float(loss0), what="the loss with rows shifted by +1000 and -500", rtol=1e-9, hint=hint)
    expect_array(grad, grad0.astype(np.float64), what="the gradient with rows shifted by +1000 and -500",
                 rtol=1e-7, atol=1e-12, hint=hint)


def check_confident_mistake(softmax_cross_entropy):
    """Logits (0, 800) with label 0 cost 800, and (800, 0) with label 0 cost 0: the mean is 400, not inf."""
    logits = np.array([[0.0, 800.0], [800.0, 0.0]])
    loss, grad = _pair(softmax_cross_entropy(logits, np.array([0, 0])), "softmax_cross_entropy on (0, 800)")
    if _is_non_finite_number(loss):
        hint = ("p_y = exp(-800) underflows to 0 and log(0) is -inf: compute log p_y as z_y minus the log of"
                " the sum of exponentials, never as the log of a probability.")
    else:
        hint = "The per-example losses are 800 and 0, and the loss is their mean."
    expect_number(loss, 400.0, what="the loss", rtol=1e-9, hint=hint)
    expect_array(grad, np.array([[-0.5, 0.5], [0.0, 0.0]]), what="the gradient", rtol=1e-9, atol=1e-12,
                 hint="Each row of the gradient is (softmax - onehot) / n, with n = 2 here.")
