"""Hidden checks for neural-networks.softmax-cross-entropy (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import expect_array, expect_number, fail


def check_wide_batch_inputs_unchanged(softmax_cross_entropy):
    """9 examples of 7 classes, float or integer logits in the thousands: exact, and the logits unchanged."""
    rng = np.random.default_rng(23)
    for logits in (rng.normal(scale=600.0, size=(9, 7)), rng.integers(-3000, 3000, size=(9, 7))):
        y = rng.integers(0, 7, size=9)
        before = logits.copy()
        result = softmax_cross_entropy(logits, y)
        if not np.array_equal(logits, before):
            fail("softmax_cross_entropy changed the caller's logits: shift a copy (x = x - m, not x -= m).")
        if type(result) is not tuple or len(result) != 2:
            fail("softmax_cross_entropy should return a tuple (loss, grad).")
        z = before.astype(np.float64)
        m = z.max(axis=1, keepdims=True)
        log_probs = z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))
        expected_grad = np.exp(log_probs)
        expected_grad[np.arange(9), y] -= 1.0
        expect_number(result[0], float(-log_probs[np.arange(9), y].mean()), what="the loss on a wide batch",
                      rtol=1e-9)
        expect_array(result[1], expected_grad / 9, what="the gradient on a wide batch", rtol=1e-7, atol=1e-12)
