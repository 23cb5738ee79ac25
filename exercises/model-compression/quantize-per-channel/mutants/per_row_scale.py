"""Takes the maximum along the wrong axis: one scale per row (input) instead of per column."""
import numpy as np


def quantize_per_channel(W):
    W = np.asarray(W, dtype=np.float64)
    amax = np.abs(W).max(axis=1)
    scale = np.where(amax > 0, amax / 127.0, 1.0)
    q = np.clip(np.round(W / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale
