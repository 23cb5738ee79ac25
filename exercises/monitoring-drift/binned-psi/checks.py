"""Public checks for monitoring-drift.binned-psi (students see these)."""

import itertools

import numpy as np

from coursegrader.helpers import expect_array, expect_number


def _direct_psi(reference, current, n_bins=10, floor=1e-4):
    """PSI by explicit comparisons with each bin's limits (slow and clearly right)."""
    edges = np.quantile(reference, np.arange(1, n_bins) / n_bins)
    limits = np.concatenate([[-np.inf], edges, [np.inf]])
    e = np.array([np.mean((reference > lo) & (reference <= hi)) for lo, hi in itertools.pairwise(limits)])
    a = np.array([np.mean((current > lo) & (current <= hi)) for lo, hi in itertools.pairwise(limits)])
    e, a = np.maximum(e, floor), np.maximum(a, floor)
    return float(np.sum((a - e) * np.log(a / e)))


def check_edges_are_reference_quantiles(reference_edges):
    """The inner edges of 5000 normal values are its deciles (9 edges), and its quartiles for n_bins = 4."""
    reference = np.random.default_rng(1).normal(size=5000)
    expect_array(reference_edges(reference.copy()), np.quantile(reference, np.arange(1, 10) / 10),
                 what="reference_edges(reference)",
                 hint="Cut at the reference's quantiles 0.1, 0.2, ..., 0.9, not at equal widths; the outer bins "
                      "are open-ended, so the minimum and maximum are not edges.")
    expect_array(reference_edges(reference.copy(), 4), np.quantile(reference, [0.25, 0.5, 0.75]),
                 what="reference_edges(reference, 4)")


def check_hand_example(psi):
    """Reference 1..100 in 4 bins: the same sample gives PSI 0; half 10s and half 90s give 4.25703."""
    reference = np.arange(1.0, 101.0)
    expect_number(psi(reference.copy(), reference[::-1].copy(), 4), 0.0, what="psi(reference, reference, 4)",
                  atol=1e-12, hint="Identical samples have identical shares in every bin.")
    current = np.repeat([10.0, 90.0], 50)
    expect_number(psi(reference.copy(), current, 4), 4.257031786505947,
                  what="psi(1..100, fifty 10s and fifty 90s, 4)", rtol=1e-6,
                  hint="The shares are e = [0.25, 0.25, 0.25, 0.25] and a = [0.5, 0, 0, 0.5]; the two empty "
                       "bins count as 1e-4, and each bin adds (a - e) * ln(a / e).")


def check_values_beyond_the_reference(psi):
    """A current sample shifted far beyond the reference's maximum gets a large, finite PSI."""
    rng = np.random.default_rng(2)
    reference = rng.normal(0.0, 1.0, 2000)
    current = rng.normal(4.0, 1.0, 800)
    expect_number(psi(reference.copy(), current.copy()), _direct_psi(reference, current),
                  what="psi for a sample shifted by 4 standard deviations", rtol=1e-9,
                  hint="The outer bins are open-ended: values above the reference's maximum belong to the last "
                       "bin, not nowhere (np.histogram with the reference's range drops them).")


def check_matches_direct_computation(psi):
    """For a moderate shift PSI matches a direct computation, with the bins cut on the first argument."""
    rng = np.random.default_rng(3)
    reference = rng.normal(0.0, 1.0, 5000)
    current = rng.normal(0.3, 1.2, 3000)
    expect_number(psi(reference.copy(), current.copy()), _direct_psi(reference, current),
                  what="psi(reference, current)", rtol=1e-9,
                  hint="Cut the bins on the reference, count both samples in those bins, then sum "
                       "(a - e) * ln(a / e).")
    expect_number(psi(current.copy(), reference.copy()), _direct_psi(current, reference),
                  what="psi(current, reference)", rtol=1e-9,
                  hint="The first argument is the reference: the bins come from it.")
    expect_number(psi(reference.copy(), current.copy(), 5), _direct_psi(reference, current, 5),
                  what="psi(reference, current, 5)", rtol=1e-9)
