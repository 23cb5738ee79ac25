"""Hidden checks for python-for-ai.pairwise-distances (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import expect_array, fail


def check_inputs_unchanged(pairwise_distances):
    """The caller's float arrays are not modified, on a larger input with n != m."""
    rng = np.random.default_rng(7)
    X = rng.normal(size=(30, 6))
    Y = rng.normal(size=(20, 6))
    X_before, Y_before = X.copy(), Y.copy()
    result = pairwise_distances(X, Y)
    if not (np.array_equal(X, X_before) and np.array_equal(Y, Y_before)):
        fail("pairwise_distances changed the arrays it was given: work on copies (x = x - c, not x -= c).")
    expected = np.sqrt(((X_before[:, None, :] - Y_before[None, :, :]) ** 2).sum(axis=-1))
    expect_array(result, expected, what="pairwise_distances(X, Y) for 30 and 20 points")
