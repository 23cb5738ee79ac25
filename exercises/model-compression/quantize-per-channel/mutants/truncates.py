"""Converts with .astype(np.int8) without rounding, which truncates towards zero."""
import numpy as np


def quantize_per_channel(W):
    W = np.asarray(W, dtype=np.float64)
    amax = np.abs(W).max(axis=0)
    scale = np.where(amax > 0, amax / 127.0, 1.0)
    return (W / scale).astype(np.int8), scale
