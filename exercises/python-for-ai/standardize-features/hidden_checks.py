"""Hidden checks for python-for-ai.standardize-features (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import expect_array, fail


def check_integers_and_caller_arrays(fit_standardizer, standardize):
    """Integer counts give float64 results, and the caller's arrays are not modified."""
    rng = np.random.default_rng(9)
    counts = rng.poisson(12, size=(30, 3)).astype(np.int64)
    mean, scale = fit_standardizer(counts)
    as_float = counts.astype(np.float64)
    expect_array(mean, as_float.mean(axis=0), what="mean of integer counts")
    expect_array(scale, as_float.std(axis=0), what="scale of integer counts")
    expect_array(standardize(counts, mean, scale), (as_float - as_float.mean(axis=0)) / as_float.std(axis=0),
                 what="standardize on integer counts")
    X = rng.normal(size=(25, 3)) * 5.0 + 2.0
    before = X.copy()
    mean, scale = fit_standardizer(X)
    mean_before, scale_before = mean.copy(), scale.copy()
    result = standardize(X, mean, scale)
    if not np.array_equal(X, before):
        fail("fit_standardizer or standardize changed the array it was given: build a new array (X - mean),"
             " do not write into X (X -= mean).")
    if not (np.array_equal(mean, mean_before) and np.array_equal(scale, scale_before)):
        fail("standardize changed the mean or scale arrays it was given.")
    expect_array(result, (before - before.mean(axis=0)) / before.std(axis=0), what="standardize(X, mean, scale)")
