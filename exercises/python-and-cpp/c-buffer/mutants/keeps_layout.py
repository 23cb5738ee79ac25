"""Uses np.asarray(values, dtype), which converts the dtype but keeps a transposed or strided layout."""
import numpy as np


def as_c_buffer(values, dtype, ndim):
    target = np.dtype(dtype)
    array = np.asarray(values)
    if array.ndim != ndim:
        raise ValueError("wrong number of dimensions")
    if target.kind in "iu" and array.dtype != target:
        with np.errstate(invalid="ignore", over="ignore"):
            if (array.astype(target) != array).any():
                raise ValueError("lossy conversion")
    return np.asarray(array, dtype=target)
