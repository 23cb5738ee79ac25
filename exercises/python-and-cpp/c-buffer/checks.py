"""Public checks for python-and-cpp.c-buffer (students see these)."""

import numpy as np

from coursegrader.helpers import describe, expect_array, expect_raises, fail


def _expect_buffer(result, expected, dtype, what, hint=""):
    """result is a plain C-contiguous array of exactly `dtype` with expected's shape and values."""
    target = np.dtype(dtype)
    if type(result) is not np.ndarray:
        fail(f"{what} returned {describe(result)}, expected a NumPy array.")
    if result.dtype != target:
        fail(f"{what} has dtype {result.dtype}, expected exactly {target}: the C code reads {target.itemsize}"
             f" bytes per number. {hint}".rstrip())
    if not result.flags["C_CONTIGUOUS"]:
        fail(f"{what} is not C-contiguous (strides {result.strides}): the C code would step over the wrong"
             f" bytes. np.ascontiguousarray makes a packed copy. {hint}".rstrip())
    expect_array(result, expected, what=what, kind="i" if target.kind in "iu" else "f", hint=hint)
    return result


def check_dtype_layout_and_values(as_c_buffer):
    """A transposed view, a strided slice and a list come back C-contiguous, in exactly the dtype, same values."""
    base = np.arange(12, dtype=np.int64).reshape(3, 4)
    _expect_buffer(as_c_buffer(base.T, np.int32, 2), base.T, np.int32, "as_c_buffer(base.T, np.int32, 2)",
                   hint="A transpose is a view with swapped strides: convert the dtype and pack the layout.")
    grid = np.linspace(0.0, 1.0, 10)
    _expect_buffer(as_c_buffer(grid[::2], np.float64, 1), grid[::2], np.float64,
                   "as_c_buffer(grid[::2], np.float64, 1)", hint="A step slice has gaps between its elements.")
    _expect_buffer(as_c_buffer([[1, 2], [3, 4]], np.uint32, 2), [[1, 2], [3, 4]], np.uint32,
                   "as_c_buffer([[1, 2], [3, 4]], np.uint32, 2)")


def check_no_needless_copy(as_c_buffer):
    """An array that already has the dtype and a C-contiguous layout is returned without a copy."""
    for array in (np.arange(10, dtype=np.int32), np.ones((4, 5))):
        what = f"as_c_buffer on a C-contiguous {array.dtype} array of shape {array.shape}"
        result = _expect_buffer(as_c_buffer(array, array.dtype, array.ndim), array.copy(), array.dtype, what)
        if not np.shares_memory(result, array):
            fail(f"{what} made a copy: when nothing needs converting, return the caller's array itself"
                 " (np.ascontiguousarray and np.asarray copy only when they must).")


def check_refuses_wrong_ndim(as_c_buffer):
    """A 2-D array where 1-D is expected, or 1-D where 2-D is expected, raises ValueError."""
    expect_raises(ValueError, as_c_buffer, np.zeros((2, 3)), np.float64, 1,
                  what="as_c_buffer(a 2 x 3 array, np.float64, 1)",
                  hint="Compare the array's ndim with the ndim the C function expects.")
    expect_raises(ValueError, as_c_buffer, [1, 2, 3], np.int64, 2, what="as_c_buffer([1, 2, 3], np.int64, 2)")


def check_refuses_lossy_conversion(as_c_buffer):
    """Converting to an integer type refuses fractions and out-of-range values with ValueError."""
    cases = [
        ([0.5, 1.0], np.int32, "0.5 is not a whole number"),
        (np.array([-1, 2]), np.uint32, "uint32 has no negative numbers: -1 would wrap to 4294967295"),
        (np.array([2**40]), np.int32, "2**40 does not fit in int32"),
        (np.array([300]), np.uint8, "uint8 holds 0 to 255"),
    ]
    for values, dtype, hint in cases:
        expect_raises(ValueError, as_c_buffer, values, dtype, 1,
                      what=f"as_c_buffer({values!r}, np.{np.dtype(dtype)}, 1)", hint=hint + ".")
