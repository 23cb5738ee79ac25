"""Range test with >= instead of >, so the type's own maximum is refused."""
import numpy as np


def as_c_buffer(values, dtype, ndim):
    target = np.dtype(dtype)
    array = np.asarray(values)
    if array.ndim != ndim:
        raise ValueError("wrong number of dimensions")
    if target.kind in "iu" and array.size:
        info = np.iinfo(target)
        if array.dtype.kind == "f" and not np.all(np.isfinite(array) & (array == np.floor(array))):
            raise ValueError("not whole numbers")
        if array.min() < info.min or array.max() >= info.max:
            raise ValueError("out of range")
    return np.ascontiguousarray(array, dtype=target)
