"""Adds the bias to the integer accumulator before rescaling, so the bias is scaled too."""
import numpy as np

# int_matmul comes from the reference solution, which runs before this patch.


def int_linear(q_x, s_x, z_x, q_w, s_w, b):
    acc = int_matmul(q_x, z_x, q_w).astype(np.float64)  # noqa: F821
    return (acc + b) * (s_x * np.asarray(s_w, dtype=np.float64))
