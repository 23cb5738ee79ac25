"""Hidden checks for linear-algebra.pca-explained-variance (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import expect_array, expect_int, fail


def check_wide_data_other_spectrum_and_input(explained_variance, components_needed):
    """Wide data (6 x 10) gives 6 values; another spectrum gives other answers; the input is not modified."""
    rng = np.random.default_rng(21)
    wide = rng.normal(size=(6, 10)) + 7.0
    before = wide.copy()
    centred = before - before.mean(axis=0)
    expected = np.linalg.eigvalsh(centred @ centred.T)[::-1].clip(min=0.0) / 5
    expect_array(explained_variance(wide), expected, what="explained_variance on a 6 x 10 matrix", rtol=1e-6,
                 atol=1e-9)
    if not np.array_equal(wide, before):
        fail("explained_variance changed the caller's array: centre a copy (X - mean), not X in place.")
    A = rng.normal(size=(60, 5))
    U = np.linalg.qr(A - A.mean(axis=0))[0]
    V = np.linalg.qr(rng.normal(size=(5, 5)))[0]
    X = (U * np.array([10.0, 1.0, 1.0, 1.0, 1.0])) @ V.T + 1.0  # shares 100/104, 101/104, ...
    for share, expected_k in [(0.95, 1), (0.97, 2), (0.98, 3), (0.999, 5)]:
        expect_int(components_needed(X.copy(), share), expected_k, what=f"components_needed(X, {share})")
