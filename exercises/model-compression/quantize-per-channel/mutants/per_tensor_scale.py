"""Uses one scale for the whole matrix (per tensor) instead of one per column."""
import numpy as np


def quantize_per_channel(W):
    W = np.asarray(W, dtype=np.float64)
    amax = np.abs(W).max()
    scale = np.full(W.shape[1], amax / 127.0 if amax > 0 else 1.0)
    q = np.clip(np.round(W / scale), -127, 127).astype(np.int8)
    return q, scale
