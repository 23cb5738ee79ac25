"""Maps the largest weight to 128, which does not fit in int8 and wraps round to -128."""
import numpy as np


def quantize_per_channel(W):
    W = np.asarray(W, dtype=np.float64)
    amax = np.abs(W).max(axis=0)
    scale = np.where(amax > 0, amax / 128.0, 1.0)
    return np.round(W / scale).astype(np.int64).astype(np.int8), scale
