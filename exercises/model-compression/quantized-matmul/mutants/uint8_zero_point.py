"""Subtracts the zero point while still in uint8, so values below z_x wrap round to large positives."""
import numpy as np


def int_matmul(q_x, z_x, q_w):
    return (q_x - z_x).astype(np.int32) @ q_w.astype(np.int32)
