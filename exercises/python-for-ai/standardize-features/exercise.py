# %% [markdown]
# Standardisation (subtract each column's mean, divide by its standard deviation) puts features on the same
# scale before distances, gradient descent or regularisation see them. In a real system it has two steps,
# and they happen at different times:
#
# 1. **Fit**, once, on the training data: compute each column's mean and standard deviation and keep them.
# 2. **Transform**, every time data arrive (the training set, a test set, a single request in production):
#    subtract the *stored* mean and divide by the *stored* standard deviation.
#
# Scaling a test set or a live request with its own statistics is a classic bug: the model then sees
# features shifted and stretched differently from what it was trained on, and a test set scaled with its own
# statistics leaks information about itself into the evaluation.
#
# Write two functions, with NumPy and no Python loops:
#
# 1. `fit_standardizer(X)` takes an `(n, d)` array and returns a tuple `(mean, scale)` of two `float64`
#    arrays of shape `(d,)`: the column means and the column standard deviations. Use the *population*
#    standard deviation (divide by n), NumPy's default and what scikit-learn's `StandardScaler` uses.
# 2. `standardize(X, mean, scale)` returns `(X - mean) / scale` as a new `(m, d)` array of `float64`, for
#    any number of rows `m`, leaving the caller's `X` as it was.
#
# A constant column has no spread to divide by. Give it `scale` 1.0, so that it standardises to zeros, as
# `StandardScaler` does. Detect it from the values (its maximum equals its minimum), not with `std == 0`:
# rounding makes the standard deviation of a column full of 0.1 about 1e-17 rather than 0, and dividing by
# that blows rounding noise up to numbers of order 1. Convert integer inputs to `float64` first.

# %%
import numpy as np


def fit_standardizer(X):
    """Column means and population standard deviations of X, shape (n, d); scale 1.0 for constant columns."""
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    constant = X.max(axis=0) == X.min(axis=0)
    scale = np.where(constant, 1.0, scale)
    return mean, scale
    ### END SOLUTION


def standardize(X, mean, scale):
    """(X - mean) / scale with the given (d,) statistics, as a new float64 array."""
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    return (X - mean) / scale
    ### END SOLUTION


# %% [markdown]
# Fit on a training table whose columns are on very different scales, then transform a test table drawn the
# same way. The training columns come out with mean 0 and standard deviation 1 exactly; the test columns only
# approximately, which is what should happen.

# %%
rng = np.random.default_rng(0)
scales = np.array([12.0, 30_000.0, 3.0, 0.05])
X_train = rng.normal(size=(200, 4)) * scales + [40.0, 50_000.0, 12.0, 0.1]
X_test = rng.normal(size=(50, 4)) * scales + [40.0, 50_000.0, 12.0, 0.1]
mean, scale = fit_standardizer(X_train)
print("training means:", standardize(X_train, mean, scale).mean(axis=0).round(12) + 0.0)
print("training stds: ", standardize(X_train, mean, scale).std(axis=0).round(12))
print("test means:    ", standardize(X_test, mean, scale).mean(axis=0).round(3))

# %% [markdown] tags=["solution"]
# `X.mean(axis=0)` and `X.std(axis=0)` reduce over the rows and leave one number per column, shape `(d,)`.
# In `(X - mean) / scale` NumPy lines the shapes `(m, d)` and `(d,)` up from the right and repeats the
# statistics down every row without copying them, so the same function serves a training table, a test
# table and a single row of shape `(1, d)`. `np.where(constant, 1.0, scale)` swaps in 1.0 only where the
# column's maximum equals its minimum; that comparison is exact, unlike `scale == 0`. `np.asarray(...,
# dtype=np.float64)` converts integer counts, and the subtraction builds a new array, so the caller's data
# are never written to (`X -= mean` would overwrite them).
