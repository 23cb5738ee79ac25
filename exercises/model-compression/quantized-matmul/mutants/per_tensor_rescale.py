"""Rescales every column with the largest weight scale instead of the column's own."""
import numpy as np

# int_matmul comes from the reference solution, which runs before this patch.


def int_linear(q_x, s_x, z_x, q_w, s_w, b):
    acc = int_matmul(q_x, z_x, q_w).astype(np.float64)  # noqa: F821
    return acc * (s_x * float(np.max(s_w))) + b
