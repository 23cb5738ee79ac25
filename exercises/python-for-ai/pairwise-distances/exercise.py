# %% [markdown]
# Nearest-neighbour search, clustering and retrieval by embedding all start from the same table: the
# distance between every point of one set and every point of another. Write
# `pairwise_distances(X, Y)` that returns the matrix `D` with `D[i, j]` the Euclidean distance between
# row `i` of `X` and row `j` of `Y`, using NumPy and no Python loops.
#
# The fast way expands the square, ‖x − y‖² = ‖x‖² + ‖y‖² − 2 x·y: the cross term for all pairs is one
# matrix product `X @ Y.T`, and the two squared-norm vectors are added to it by broadcasting (a column
# plus a row gives a matrix).
#
# Two traps wait on the way:
#
# - Rounding. For a point and itself the three terms cancel, and in floating point the result can be a
#   tiny negative number such as `-1e-12`. Its square root is `nan`. Clip at zero before the root.
# - Small integer types. Images arrive as `uint8` (0 to 255); squaring 200 in `uint8` gives 64, not
#   40000, without any warning. Convert the inputs to `float64` first.
#
# `X` has shape `(n, d)` and `Y` has shape `(m, d)`; return an `(n, m)` array of `float64`, and leave the
# caller's arrays as they were.

# %%
import numpy as np


def pairwise_distances(X, Y):
    """Euclidean distances between each row of X, shape (n, d), and each row of Y, shape (m, d)."""
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    Y = np.asarray(Y, dtype=np.float64)
    squared = (X**2).sum(axis=1)[:, None] + (Y**2).sum(axis=1)[None, :] - 2.0 * (X @ Y.T)
    return np.sqrt(np.maximum(squared, 0.0))
    ### END SOLUTION


# %% [markdown]
# Try it on two points you can check by hand: (0, 0) and (3, 4) are 5 apart.

# %%
corners = np.array([[0.0, 0.0], [3.0, 4.0]])
print(pairwise_distances(corners, corners))

# %% [markdown] tags=["solution"]
# `np.asarray(..., dtype=np.float64)` converts integer inputs and makes a new array only when it has to,
# so the function never writes into the caller's data: every later step builds new arrays. The squared
# norms become a column (`[:, None]`) and a row (`[None, :]`), and broadcasting adds them to the
# `(n, m)` cross-term matrix. `np.maximum(squared, 0.0)` removes the rounding negatives before the root.
# For very large coordinates the expansion loses precision (it subtracts big, nearly equal numbers);
# centring both sets by a common vector first helps, as long as you do it on copies.
