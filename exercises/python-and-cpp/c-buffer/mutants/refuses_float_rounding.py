"""Applies the value check to float targets too, so float64 to float32 is refused for 0.1."""
import numpy as np


def as_c_buffer(values, dtype, ndim):
    target = np.dtype(dtype)
    array = np.asarray(values)
    if array.ndim != ndim:
        raise ValueError("wrong number of dimensions")
    if array.dtype != target:
        with np.errstate(invalid="ignore", over="ignore"):
            if (array.astype(target) != array).any():
                raise ValueError("lossy conversion")
    return np.ascontiguousarray(array, dtype=target)
