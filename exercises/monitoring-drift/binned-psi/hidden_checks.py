"""Hidden checks for monitoring-drift.binned-psi (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import expect_array, expect_number, fail


def _bin_counts_psi(reference, current, n_bins=10, floor=1e-4):
    edges = np.quantile(reference, np.arange(1, n_bins) / n_bins)
    e = np.bincount(np.searchsorted(edges, reference, side="left"), minlength=n_bins) / len(reference)
    a = np.bincount(np.searchsorted(edges, current, side="left"), minlength=n_bins) / len(current)
    e, a = np.maximum(e, floor), np.maximum(a, floor)
    return float(np.sum((a - e) * np.log(a / e)))


def check_discrete_feature(psi):
    """A count feature with many ties: reference shares are counted, and a value on an edge goes to the bin below."""
    rng = np.random.default_rng(17)
    reference = rng.poisson(2.0, 1000).astype(float)
    current = rng.poisson(2.6, 700).astype(float)
    expect_number(psi(reference.copy(), current.copy()), _bin_counts_psi(reference, current),
                  what="psi on a Poisson count feature", rtol=1e-9)
    expected = _bin_counts_psi(reference[:300], current[:300], 4)
    expect_number(psi(list(reference[:300]), list(current[:300]), 4), expected,
                  what="psi on lists of counts with 4 bins", rtol=1e-9)


def check_inputs_unchanged(reference_edges, psi):
    """The caller's arrays are not modified, and lists work."""
    rng = np.random.default_rng(23)
    reference = rng.gamma(2.0, 1.5, 1500)
    current = rng.gamma(2.5, 1.5, 900)
    ref_before, cur_before = reference.copy(), current.copy()
    value = psi(reference, current, 8)
    edges = reference_edges(reference, 8)
    if not (np.array_equal(reference, ref_before) and np.array_equal(current, cur_before)):
        fail("psi or reference_edges changed the arrays it was given (sorted them in place?).")
    expect_number(value, _bin_counts_psi(ref_before, cur_before, 8), what="psi(reference, current, 8)", rtol=1e-9)
    expect_array(edges, np.quantile(ref_before, np.arange(1, 8) / 8), what="reference_edges(reference, 8)")
    expect_array(reference_edges(list(ref_before[:100]), 10), np.quantile(ref_before[:100], np.arange(1, 10) / 10),
                 what="reference_edges(a list)")
