"""Public checks for linear-algebra.pca-explained-variance (students see these)."""

import numpy as np

from coursegrader.helpers import expect_array, expect_int, expect_number, fail


def _known_spectrum(rng, n, singular_values, offset):
    """n rows whose centred version has exactly the given singular values, shifted by `offset`."""
    d = len(singular_values)
    A = rng.normal(size=(n, d))
    U = np.linalg.qr(A - A.mean(axis=0))[0]  # orthonormal columns, each summing to 0
    V = np.linalg.qr(rng.normal(size=(d, d)))[0]
    return (U * np.asarray(singular_values, dtype=np.float64)) @ V.T + offset


def check_known_spectrum(explained_variance):
    """For 50 rows built with singular values 4, 3, 2, 1 around a mean of 100, the variances are s**2 / 49."""
    X = _known_spectrum(np.random.default_rng(1), 50, [4.0, 3.0, 2.0, 1.0], offset=100.0)
    expect_array(explained_variance(X.copy()), np.array([16.0, 9.0, 4.0, 1.0]) / 49, what="explained_variance(X)",
                 rtol=1e-6, atol=1e-9,
                 hint="Centre the columns first, square the singular values, divide by n - 1, largest first.")


def check_variance_properties(explained_variance):
    """On correlated data: min(n, d) values, largest first, none negative, adding up to the column variances."""
    rng = np.random.default_rng(2)
    X = rng.normal(size=(80, 3)) @ rng.normal(size=(3, 6)) + rng.normal(size=(80, 6)) + 3.0
    variance = explained_variance(X.copy())
    total = float(X.var(axis=0, ddof=1).sum())
    if type(variance) is not np.ndarray or variance.shape != (6,) or variance.dtype.kind != "f":
        fail("explained_variance(X) for an 80 x 6 matrix should be a float NumPy array of 6 values.")
    if np.any(np.diff(variance) > 1e-9 * total):
        fail("explained_variance(X) is not in decreasing order: list the largest variance first.")
    if np.any(variance < -1e-9 * total):
        fail("explained_variance(X) has a negative value: a variance is a square.")
    expect_number(float(variance.sum()), total, what="the sum of explained_variance(X)", rtol=1e-6,
                  hint="The variances along the principal directions add up to the sum of the column variances"
                       " (with n - 1); a different total means a different divisor, or no centring.")


def check_components_for_targets(components_needed):
    """With variances in proportion 16 : 9 : 4 : 1, shares 0.5, 0.6, 0.9, 0.99 need 1, 2, 3, 4 components."""
    X = _known_spectrum(np.random.default_rng(3), 40, [4.0, 3.0, 2.0, 1.0], offset=-20.0)
    for share, expected in [(0.5, 1), (0.6, 2), (0.9, 3), (0.99, 4)]:
        expect_int(components_needed(X.copy(), share), expected, what=f"components_needed(X, {share})",
                   hint="The first k components explain 16/30, 25/30, 29/30 and 30/30 of the variance: take"
                        " the smallest k whose running share reaches the target (counting from 1).")
