"""Divides the error by the rounded value instead of the exact one."""
import numpy as np

# to_bfloat16 comes from the reference solution, which runs before this patch.


def max_relative_error(x):
    x = np.asarray(x, dtype=np.float32)
    x = x[x != 0]
    rounded = to_bfloat16(x).astype(np.float64)  # noqa: F821
    return float(np.max(np.abs(rounded - x.astype(np.float64)) / np.abs(rounded)))
