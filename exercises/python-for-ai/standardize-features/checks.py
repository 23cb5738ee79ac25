"""Public checks for python-for-ai.standardize-features (students see these)."""

import numpy as np

from coursegrader.helpers import expect_array, fail


def _table(rng, n):
    """n rows of four features on very different scales."""
    return rng.normal(size=(n, 4)) * [12.0, 30_000.0, 3.0, 0.05] + [40.0, 50_000.0, 12.0, 0.1]


def _fit(fit_standardizer, X, what):
    result = fit_standardizer(X.copy())
    if type(result) is not tuple or len(result) != 2:
        fail(f"{what} should return a tuple (mean, scale) of two arrays.")
    return result


def check_fit_matches_column_statistics(fit_standardizer):
    """On a 40 x 4 table, mean and scale are the column means and population standard deviations."""
    X = _table(np.random.default_rng(1), 40)
    mean, scale = _fit(fit_standardizer, X, "fit_standardizer(X)")
    expect_array(mean, X.mean(axis=0), what="mean", hint="One mean per column: reduce over axis 0.")
    expect_array(scale, X.std(axis=0), what="scale",
                 hint="Use the population standard deviation (divide by n, NumPy's default ddof=0), not n - 1.")


def check_training_data_standardised(fit_standardizer, standardize):
    """The training table, standardised with its own statistics, has column means 0 and standard deviations 1."""
    X = _table(np.random.default_rng(2), 60)
    mean, scale = _fit(fit_standardizer, X, "fit_standardizer(X)")
    Z = expect_array(standardize(X.copy(), mean, scale), (X - X.mean(axis=0)) / X.std(axis=0),
                     what="standardize(X, *fit_standardizer(X))",
                     hint="Subtract the mean, then divide by the scale (the population standard deviation).")
    expect_array(Z.mean(axis=0), np.zeros(4), what="the column means of the result", atol=1e-9)
    expect_array(Z.std(axis=0), np.ones(4), what="the column standard deviations of the result", atol=1e-9)


def check_constant_columns(fit_standardizer, standardize):
    """Constant columns (all 7.0, all 0.1) get scale 1 and standardise to 0, with no nan or huge values."""
    X = _table(np.random.default_rng(3), 50)
    X[:, 1] = 7.0
    X[:, 3] = 0.1
    mean, scale = _fit(fit_standardizer, X, "fit_standardizer(X) with constant columns")
    expect_array(scale[[1, 3]], np.ones(2), what="scale of the two constant columns",
                 hint="Detect a constant column by max == min: the std of a column of 0.1 is about 1e-17, not 0.")
    expected = (X - X.mean(axis=0)) / X.std(axis=0)
    expected[:, [1, 3]] = 0.0
    expect_array(standardize(X.copy(), mean, scale), expected, what="standardize(X, mean, scale)", atol=1e-9,
                 hint="With scale 1, a constant column minus its mean is 0.")


def check_new_data_uses_training_statistics(standardize):
    """New data (a test table, a single row) are scaled with the given training mean and scale, not their own."""
    rng = np.random.default_rng(4)
    X_train = _table(rng, 80)
    X_new = _table(rng, 20) + np.array([10.0, 0.0, 0.0, 0.0])
    mean, scale = X_train.mean(axis=0), X_train.std(axis=0)
    expected = (X_new - mean) / scale
    expect_array(standardize(X_new.copy(), mean.copy(), scale.copy()), expected,
                 what="standardize(X_new, mean, scale)",
                 hint="Use the mean and scale you are given; do not recompute them from X_new.")
    expect_array(standardize(X_new[:1].copy(), mean.copy(), scale.copy()), expected[:1],
                 what="standardize on one row of shape (1, 4)",
                 hint="A single request has its own std of 0: only the training statistics make sense.")
