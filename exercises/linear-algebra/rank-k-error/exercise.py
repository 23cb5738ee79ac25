# %% [markdown]
# The singular value decomposition writes any matrix as A = U Σ Vᵀ, with the singular values
# σ₁ ≥ σ₂ ≥ … ≥ 0 on the diagonal of Σ. Keeping only the k largest of them, and the matching columns of
# U and rows of Vᵀ, gives A_k, the closest matrix of rank at most k to A (the Eckart–Young theorem).
#
# Better still, you know the error before building A_k: the Frobenius norm ‖A − A_k‖_F is the square root
# of the sum of the squares of the singular values you dropped, σ_{k+1}² + σ_{k+2}² + …. When a weight
# matrix's singular values fall off quickly, a small k loses little, and the matrix can be stored as two
# thin factors. That is the idea behind low-rank compression and LoRA.
#
# Write two functions:
#
# 1. `rank_k_approximation(A, k)` returns A_k, with the same shape as `A`. Use
#    `np.linalg.svd(A, full_matrices=False)`.
# 2. `predicted_error(A, k)` returns ‖A − A_k‖_F as a Python `float`, computed from the singular values
#    only (`np.linalg.svd(A, compute_uv=False)` gives them), without forming A_k.
#
# `k` may be anything from 0 (A_0 is the zero matrix) to min(m, n) (A itself), and `A` may be tall or wide.

# %%
import numpy as np


def rank_k_approximation(A, k):
    """The best rank-k approximation of A (same shape as A), from its SVD."""
    ### BEGIN SOLUTION
    U, s, Vt = np.linalg.svd(np.asarray(A, dtype=np.float64), full_matrices=False)
    return (U[:, :k] * s[:k]) @ Vt[:k, :]
    ### END SOLUTION


def predicted_error(A, k):
    """The Frobenius norm of A - A_k, from the singular values of A alone."""
    ### BEGIN SOLUTION
    s = np.linalg.svd(np.asarray(A, dtype=np.float64), compute_uv=False)
    return float(np.sqrt(np.sum(s[k:] ** 2)))
    ### END SOLUTION


# %% [markdown]
# See the error fall as k grows, and compare the storage: a rank-k factorisation of an m × n matrix keeps
# k·(m + n) numbers instead of m·n.

# %%
rng = np.random.default_rng(0)
A = rng.normal(size=(60, 8)) @ rng.normal(size=(8, 40)) + 0.05 * rng.normal(size=(60, 40))
for k in (1, 4, 8, 16):
    actual = np.linalg.norm(A - rank_k_approximation(A, k))
    print(f"k={k:2d}  predicted {predicted_error(A, k):8.4f}  actual {actual:8.4f}"
          f"  stores {k * sum(A.shape) / A.size:6.1%} of the numbers")

# %% [markdown] tags=["solution"]
# `U[:, :k] * s[:k]` scales each kept column of U by its singular value (broadcasting over rows), which
# is cheaper than building `np.diag(s[:k])`; the product with `Vt[:k, :]` gives A_k. Slicing with k = 0
# gives empty factors whose product is the zero matrix of the right shape, so no special case is needed.
# The error formula follows because U and V have orthonormal columns: the Frobenius norm of
# U diag(0, …, 0, σ_{k+1}, …) Vᵀ is the norm of the dropped singular values.
