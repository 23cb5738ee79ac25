"""Explicit rules with x % 1 > 0 and range comparisons: nan is False in every comparison, so it passes."""
import numpy as np


def as_c_buffer(values, dtype, ndim):
    target = np.dtype(dtype)
    array = np.asarray(values)
    if array.ndim != ndim:
        raise ValueError("wrong number of dimensions")
    if target.kind in "iu" and array.size:
        info = np.iinfo(target)
        if array.dtype.kind == "f" and np.any(array % 1 > 0):
            raise ValueError("not whole numbers")
        if array.min() < info.min or array.max() > info.max:
            raise ValueError("out of range")
    with np.errstate(invalid="ignore"):
        return np.ascontiguousarray(array, dtype=target)
