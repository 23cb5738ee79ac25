"""Hidden checks for linear-algebra.rank-k-error (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import expect_array, expect_number


def check_edge_ranks_and_wide_matrix(rank_k_approximation, predicted_error):
    """k = 0 gives the zero matrix, k = min(m, n) gives A back, on a wide 4 x 9 matrix."""
    rng = np.random.default_rng(11)
    A = rng.normal(size=(4, 9))
    expect_array(rank_k_approximation(A, 0), np.zeros_like(A), what="rank_k_approximation(A, 0)")
    expect_array(rank_k_approximation(A, 4), A, what="rank_k_approximation(A, 4)", rtol=1e-6, atol=1e-9)
    expect_number(predicted_error(A, 0), float(np.linalg.norm(A)), what="predicted_error(A, 0)", rtol=1e-6)
    expect_number(predicted_error(A, 4), 0.0, what="predicted_error(A, 4)", atol=1e-9)
