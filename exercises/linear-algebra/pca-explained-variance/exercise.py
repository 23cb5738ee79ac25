# %% [markdown]
# Before you keep k principal components of a data set (to plot it, compress it or speed up a model), you
# want to know how much of its variation those k directions carry. The SVD answers this directly. Centre the
# data, `X_c = X - mean`, and take its singular values σ₁ ≥ σ₂ ≥ …: the variance of the data along the i-th
# principal direction is σᵢ² / (n − 1), and the share of the total variance it explains is
# σᵢ² / Σⱼ σⱼ². That is what scikit-learn's `PCA` reports as `explained_variance_` and
# `explained_variance_ratio_`, and what `PCA(n_components=0.9)` uses to choose k.
#
# Write two functions, for data `X` of shape `(n, d)` with one example per row:
#
# 1. `explained_variance(X)` returns a `float64` array of the variances σᵢ² / (n − 1), largest first, one
#    per singular value of the centred data: `min(n, d)` of them, as
#    `np.linalg.svd(X_c, compute_uv=False)` returns.
# 2. `components_needed(X, share)` returns, as an `int`, the smallest k such that the first k components
#    together explain at least `share` of the total variance, for `share` between 0 and 1 (exclusive).
#    `np.cumsum` gives the running totals.
#
# Centre on copies: `X - X.mean(axis=0)` builds a new array, while `X -= ...` would overwrite the caller's
# data. Forgetting to centre at all is the classic PCA bug: the first "direction of largest variance" then
# points at the mean of the data.

# %%
import numpy as np


def explained_variance(X):
    """Variance along each principal direction of X, shape (n, d), largest first: sigma_i**2 / (n - 1)."""
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    sigma = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return sigma**2 / (X.shape[0] - 1)
    ### END SOLUTION


def components_needed(X, share):
    """The smallest number of principal components that explain at least `share` of X's variance."""
    ### BEGIN SOLUTION
    variance = explained_variance(X)
    cumulative = np.cumsum(variance) / variance.sum()
    return int(np.searchsorted(cumulative, share) + 1)
    ### END SOLUTION


# %% [markdown]
# On correlated data, a few directions carry most of the variance. Compare with the variances of the raw
# columns, which add up to the same total.

# %%
rng = np.random.default_rng(0)
X = rng.normal(size=(300, 3)) @ rng.normal(size=(3, 8)) + 0.1 * rng.normal(size=(300, 8)) + 5.0
variance = explained_variance(X)
print("explained variance:", variance.round(3))
print("total:", variance.sum().round(6), "= sum of column variances:", X.var(axis=0, ddof=1).sum().round(6))
for share in (0.5, 0.9, 0.999):
    print(f"components for {share:.1%}: {components_needed(X, share)}")

# %% [markdown] tags=["solution"]
# Centring comes first because PCA describes variation *around* the mean; without it the first singular
# vector points at the mean. `np.linalg.svd(..., compute_uv=False)` returns only the singular values,
# already in decreasing order. Their squares divided by n − 1 are the eigenvalues of the sample covariance
# matrix, which is why they add up to the sum of the column variances (the trace). In `components_needed`,
# `np.searchsorted(cumulative, share)` finds the first position where the running share reaches `share`;
# positions count from 0, so the number of components is one more. The answer uses squared singular values:
# shares of σ itself would overstate the small components.
