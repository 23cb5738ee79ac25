"""Hidden checks for model-compression.quantize-per-channel (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import describe, expect_array, fail


def check_zero_column_and_new_matrix(quantize_per_channel, dequantize):
    """An all-zero column gives q = 0 and a finite positive scale; other values match exactly, W unchanged."""
    rng = np.random.default_rng(17)
    W = rng.normal(size=(7, 5)).astype(np.float32)
    W[:, 2] = 0.0
    before = W.copy()
    result = quantize_per_channel(W)
    if type(result) is not tuple or len(result) != 2:
        fail("quantize_per_channel(W) should return a pair (q, scale).")
    q, scale = result
    if not np.array_equal(W, before):
        fail("quantize_per_channel changed the matrix it was given.")
    if type(scale) is not np.ndarray or scale.shape != (5,) or scale.dtype.kind != "f":
        fail(f"scale should be a float array of shape (5,); got {describe(scale)}.")
    if not np.all(np.isfinite(scale)) or scale[2] <= 0:
        fail(f"The scale of an all-zero column is {scale[2]!r}; it should be a finite positive number (1.0).")
    W64 = before.astype(np.float64)
    amax = np.abs(W64).max(axis=0)
    expected_scale = np.where(amax > 0, amax / 127, scale)
    expect_array(scale, expected_scale, what="scale for a float32 matrix with a zero column", rtol=1e-6)
    expected_q = np.clip(np.round(W64 / expected_scale), -127, 127)
    if type(q) is not np.ndarray or q.dtype != np.int8:
        fail("q should be an int8 array.")
    expect_array(q.astype(np.int64), expected_q.astype(np.int64), what="q for a 7 x 5 matrix", kind="i")
    expect_array(dequantize(q, scale), expected_q * expected_scale, what="dequantize(q, scale)", rtol=1e-6,
                 atol=1e-12)
