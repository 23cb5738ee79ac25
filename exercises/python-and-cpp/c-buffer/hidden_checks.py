"""Hidden checks for python-and-cpp.c-buffer (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import expect_array, expect_raises, fail


def _exact(result, expected, dtype, what, rtol=1e-7):
    if type(result) is not np.ndarray or result.dtype != np.dtype(dtype) or not result.flags["C_CONTIGUOUS"]:
        fail(f"{what} should be a C-contiguous array of dtype {np.dtype(dtype)}.")
    expect_array(result, expected, what=what, kind="i" if np.dtype(dtype).kind in "iu" else "f", rtol=rtol)


def check_accepts_exact_conversions(as_c_buffer):
    """Whole floats, the exact limits of int32, booleans and float64-to-float32 are accepted; input unchanged."""
    limits = np.iinfo(np.int32)
    whole = np.array([0.0, 3.0, -7.0, 2147483647.0])
    _exact(as_c_buffer(whole, np.int32, 1), whole, np.int32, "as_c_buffer(whole floats, np.int32, 1)")
    edges = np.array([[limits.min, limits.max]], dtype=np.int64)
    _exact(as_c_buffer(edges, np.int32, 2), edges, np.int32, "as_c_buffer(int32's min and max, np.int32, 2)")
    flags = np.array([True, False, True])
    _exact(as_c_buffer(flags, np.int32, 1), flags.astype(np.int64), np.int32, "as_c_buffer(booleans, np.int32, 1)")
    fine = np.array([0.1, 1e10, -3.25])
    before = fine.copy()
    _exact(as_c_buffer(fine, np.float32, 1), fine, np.float32, "as_c_buffer(float64, np.float32, 1)", rtol=1e-6)
    if not np.array_equal(fine, before):
        fail("as_c_buffer changed the caller's array.")


def check_refuses_nan_infinity_and_edges(as_c_buffer):
    """nan, inf, one past int32's maximum and -0.5 are refused for integer types."""
    for values, dtype in [([np.nan], np.int32), ([1.0, np.inf], np.int64), ([2147483648.0], np.int32),
                          ([-0.5], np.int64), (np.array([-1], dtype=np.int8), np.uint16)]:
        expect_raises(ValueError, as_c_buffer, np.array(values), dtype, 1,
                      what=f"as_c_buffer({values!r}, np.{np.dtype(dtype)}, 1)")
