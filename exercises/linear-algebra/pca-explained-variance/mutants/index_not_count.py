"""Returns the position where the running share reaches the target (from 0), not the number of components."""
import numpy as np


def components_needed(X, share):
    variance = explained_variance(X)  # noqa: F821 (the reference defines it)
    return int(np.searchsorted(np.cumsum(variance) / variance.sum(), share))
