"""Public checks for linear-algebra.rank-k-error (students see these)."""

import numpy as np

from coursegrader.helpers import expect_array, expect_number, fail


def _matrix(rng, shape, rank):
    """A random matrix of the given rank plus a little noise, with well separated singular values."""
    m, n = shape
    left = np.linalg.qr(rng.normal(size=(m, rank)))[0]
    right = np.linalg.qr(rng.normal(size=(n, rank)))[0]
    values = np.linspace(10.0, 1.0, rank)
    return (left * values) @ right.T


def check_best_rank_k(rank_k_approximation):
    """For an 8 x 6 matrix and k = 2, A_k has A's shape, rank 2, and keeps the two largest directions."""
    rng = np.random.default_rng(5)
    A = _matrix(rng, (8, 6), 6)
    U, s, Vt = np.linalg.svd(A)
    expected = (U[:, :2] * s[:2]) @ Vt[:2, :]
    result = rank_k_approximation(A, 2)
    expect_array(result, expected, what="rank_k_approximation(A, 2)", rtol=1e-6, atol=1e-8,
                 hint="Keep the k largest singular values (NumPy returns them in decreasing order).")
    if np.linalg.matrix_rank(result, tol=1e-8) > 2:
        fail("rank_k_approximation(A, 2) has rank above 2.")


def check_error_matches_prediction(predicted_error):
    """predicted_error(A, k) equals the actual Frobenius error of the best rank-k matrix, for k = 0 to 6."""
    rng = np.random.default_rng(6)
    A = _matrix(rng, (7, 6), 6)
    s = np.linalg.svd(A, compute_uv=False)
    for k in range(7):
        expected = float(np.sqrt(np.sum(s[k:] ** 2)))
        expect_number(predicted_error(A, k), expected, what=f"predicted_error(A, {k})", rtol=1e-6, atol=1e-9,
                      hint="Sum the squares of the dropped singular values, then take the square root.")
