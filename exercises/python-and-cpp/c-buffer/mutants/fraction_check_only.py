"""Refuses fractions but not values outside the target's range, so -1 wraps to 4294967295."""
import numpy as np


def as_c_buffer(values, dtype, ndim):
    target = np.dtype(dtype)
    array = np.asarray(values)
    if array.ndim != ndim:
        raise ValueError("wrong number of dimensions")
    if target.kind in "iu" and array.dtype.kind == "f" and not np.all(array == np.floor(array)):
        raise ValueError("not whole numbers")
    return np.ascontiguousarray(array, dtype=target)
