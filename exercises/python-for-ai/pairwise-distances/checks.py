"""Public checks for python-for-ai.pairwise-distances (students see these)."""

import numpy as np

from coursegrader.helpers import expect_array


def _direct(X, Y):
    """Distances by brute force (slow, memory-hungry, and clearly right)."""
    X = np.asarray(X, dtype=np.float64)
    Y = np.asarray(Y, dtype=np.float64)
    return np.sqrt(((X[:, None, :] - Y[None, :, :]) ** 2).sum(axis=-1))


def check_matches_direct_computation(pairwise_distances):
    """Distances between 5 and 4 random points in 3-D match a brute-force computation."""
    rng = np.random.default_rng(1)
    X = rng.normal(size=(5, 3))
    Y = rng.normal(size=(4, 3))
    expect_array(pairwise_distances(X, Y), _direct(X, Y), what="pairwise_distances(X, Y)",
                 hint="D[i, j] is the distance from X[i] to Y[j].")


def check_identical_points_are_zero(pairwise_distances):
    """Each point is at distance 0 from itself, and no entry is nan."""
    rng = np.random.default_rng(3)
    X = 100.0 + rng.random((8, 4))
    expected = _direct(X, X)
    expect_array(pairwise_distances(X, X), expected, what="pairwise_distances(X, X)", atol=1e-5,
                 hint="Rounding can make a squared distance slightly negative: clip it at 0 before np.sqrt.")


def check_uint8_pixels(pairwise_distances):
    """Works on uint8 pixel values without overflow (0 and 200 against 255)."""
    X = np.array([[0], [200]], dtype=np.uint8)
    Y = np.array([[255]], dtype=np.uint8)
    expect_array(pairwise_distances(X, Y), np.array([[255.0], [55.0]]),
                 what="pairwise_distances on uint8 input",
                 hint="uint8 arithmetic wraps around at 256: convert to float64 first.")
