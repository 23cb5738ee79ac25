"""Accumulates in float32 and converts at the end: exact only while the sums stay below 2^24."""
import numpy as np


def int_matmul(q_x, z_x, q_w):
    acc = (q_x.astype(np.float32) - np.float32(z_x)) @ q_w.astype(np.float32)
    return acc.astype(np.int32)
