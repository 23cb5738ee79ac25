"""Forgets the activation zero point altogether."""
import numpy as np


def int_matmul(q_x, z_x, q_w):
    return q_x.astype(np.int32) @ q_w.astype(np.int32)
