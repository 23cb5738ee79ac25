"""Dequantises by dividing by the scale instead of multiplying."""
import numpy as np


def dequantize(q, scale):
    return q.astype(np.float64) / np.asarray(scale, dtype=np.float64)
