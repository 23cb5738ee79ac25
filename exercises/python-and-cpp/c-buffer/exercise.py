# %% [markdown]
# A C function sees a pointer and trusts its signature. Hand `int32_t* out` an `int64` array and it reads
# every number as two; hand it a transposed view and `out[i * n + j]` lands on the wrong element; hand it a
# float `2.7` converted to an integer and it quietly computes with `2`. `ctypes` with `ndpointer` refuses
# the first two mistakes, but only at call time, and it cannot convert anything for you. So code that calls
# native kernels usually passes every argument through one small function first. Write it:
#
# `as_c_buffer(values, dtype, ndim)` takes `values` (a NumPy array or a nested list of real numbers), a
# target `dtype` (a NumPy integer or floating type such as `np.int32`, `np.uint32`, `np.int64`,
# `np.float64`) and the number of dimensions `ndim` (1 or more) that the C function expects. It returns a
# NumPy array that
#
# - has exactly the dtype `dtype` (`np.int64` is not `np.int32`),
# - has `ndim` dimensions, with the same shape and the same values as `values`,
# - is C-contiguous (row-major, no gaps),
# - *is* the caller's array, not a copy, when the caller's array already has that dtype and is C-contiguous
#   (copying a large buffer before every call costs time and doubles the memory), and is a new array
#   otherwise, so the caller's data are never changed.
#
# It raises `ValueError`, with a message that names the problem, when
#
# - `values` does not have `ndim` dimensions (the C code would index it wrongly), or
# - converting to an integer `dtype` would change a value: a number that is not whole (2.5), not finite
#   (`nan`, `inf`), or outside the range of the target type (-1 for `np.uint32`, 2**40 for `np.int32`;
#   `np.iinfo(dtype)` gives the range). A float `dtype` accepts any real number: rounding to `float32` is a
#   precision trade-off you chose, not a bug.
#
# The notebook's section "Passing NumPy buffers" and the table of views and copies in notebook 01 have
# everything you need.

# %%
import numpy as np


def as_c_buffer(values, dtype, ndim):
    """values as a C-contiguous array of exactly `dtype` with `ndim` dimensions; ValueError if values change."""
    ### BEGIN SOLUTION
    target = np.dtype(dtype)
    array = np.asarray(values)
    if array.ndim != ndim:
        raise ValueError(f"expected a {ndim}-D array, got {array.ndim}-D with shape {array.shape}")
    if target.kind in "iu" and array.dtype != target:
        with np.errstate(invalid="ignore", over="ignore"):
            converted = array.astype(target)
        changed = converted != array
        if changed.any():
            first = array[changed].flat[0].item()
            raise ValueError(f"converting {array.dtype} to {target} would change {int(changed.sum())} value(s),"
                             f" for example {first!r}; {target} holds whole numbers from"
                             f" {np.iinfo(target).min} to {np.iinfo(target).max}")
    return np.ascontiguousarray(array, dtype=target)
    ### END SOLUTION


# %% [markdown]
# The mistakes from the notebook, now caught or fixed before any C code runs:

# %%
offsets = np.array([0, 6, 13, 19])
print("same memory, no copy:", np.shares_memory(as_c_buffer(offsets, np.int64, 1), offsets))
out_view = np.zeros((3, 3), dtype=np.int32).T
print("transposed view made C-contiguous:", as_c_buffer(out_view, np.int32, 2).flags["C_CONTIGUOUS"])
for bad in ([0.5, 1.0], [-1, 2]):
    try:
        as_c_buffer(bad, np.uint32, 1)
    except ValueError as error:
        print("refused:", error)

# %% [markdown] tags=["instructor"]
# Notes for instructors. The reference converts with `astype` and compares the result with the original,
# element by element: NumPy compares across dtypes by value (int64 -1 against uint32 4294967295 is unequal,
# a float 2.5 against the int 2 is unequal, and `nan` is unequal to everything), so one comparison covers
# fractions, `nan`, `inf` and range. `np.errstate` silences the warnings that casting `nan` or an
# out-of-range float emits. The check is skipped when the dtype already matches (nothing can change), and
# `np.ascontiguousarray(array, dtype=target)` returns the very same object when no work is needed, which is
# what `check_no_needless_copy` tests with `np.shares_memory`. Explicit rules (`np.isfinite`, comparison
# with `np.floor`, and with `np.iinfo`) are equally good; watch for `x % 1 > 0`, which lets `nan` through
# (hidden `check_refuses_nan_infinity_and_edges`), and for a range test with `<` that refuses the exact
# maximum (hidden `check_accepts_exact_conversions`). Common wrong answers, each caught by a public check:
# `np.asarray(values, dtype=dtype)`, which keeps a transposed layout; `np.array(..., copy=True)`, which
# always copies; and `astype` with no value check, which wraps -1 to 4294967295. Ask students who pass why
# `ctypes` cannot do the value check itself.
