"""Public checks for model-compression.quantize-per-channel (students see these)."""

import numpy as np

from coursegrader.helpers import describe, expect_array, fail


def _weights(rng, shape=(12, 5)):
    """Random weights whose columns have very different ranges (the case per-channel scales are for)."""
    return rng.normal(size=shape) * np.geomspace(0.01, 3.0, shape[1])


def _pair(result, what):
    if type(result) is not tuple or len(result) != 2:
        fail(f"{what} should return a pair (q, scale), a tuple of two arrays.")
    return result


def check_int8_in_range(quantize_per_channel):
    """q is an int8 array with W's shape, every entry in [-127, 127], and each column reaches +-127."""
    W = _weights(np.random.default_rng(1))
    q, _ = _pair(quantize_per_channel(W), "quantize_per_channel(W)")
    if type(q) is not np.ndarray or q.dtype != np.int8:
        fail(f"q should be a NumPy array of dtype int8; got {type(q).__name__}"
             f"{' of dtype ' + str(q.dtype) if type(q) is np.ndarray else ''}. Convert with .astype(np.int8)"
             " after rounding.")
    if q.shape != W.shape:
        fail(f"q has shape {q.shape}, expected W's shape {W.shape}.")
    wide = q.astype(np.int64)
    if wide.min() < -127 or wide.max() > 127:
        fail(f"q holds values from {wide.min()} to {wide.max()}, outside [-127, 127]. A symmetric int8 grid"
             " stops at +-127; 128 does not fit and wraps round to -128.")
    reach = np.abs(wide).max(axis=0)
    if np.any(reach != 127):
        fail(f"The largest |q| per column is {reach.tolist()}, expected 127 in every column: each column's"
             " largest weight should map to +-127. Use one scale per column (not one for the whole matrix),"
             " and round before converting (.astype alone truncates 126.99 to 126).")


def check_scales_per_column(quantize_per_channel):
    """scale has one entry per column of W, equal to that column's largest |w| divided by 127."""
    W = _weights(np.random.default_rng(2), (9, 4))
    _, scale = _pair(quantize_per_channel(W), "quantize_per_channel(W)")
    expect_array(scale, np.abs(W).max(axis=0) / 127, what="scale for a 9 x 4 matrix", rtol=1e-6,
                 hint="A channel is a column of W (one output unit): take the maximum over axis 0.")


def check_error_within_half_step(quantize_per_channel, dequantize):
    """dequantize(q, scale) has W's shape, is float, and is within scale / 2 of W in every entry."""
    W = _weights(np.random.default_rng(3), (40, 6))
    q, scale = _pair(quantize_per_channel(W), "quantize_per_channel(W)")
    if type(scale) is not np.ndarray or scale.shape != (W.shape[1],):
        fail(f"scale is {describe(scale)}, expected an array of shape ({W.shape[1]},), one per column.")
    restored = dequantize(q, scale)
    if type(restored) is not np.ndarray or restored.dtype.kind != "f" or restored.shape != W.shape:
        fail(f"dequantize(q, scale) returned {describe(restored)}, expected a float array of shape {W.shape}.")
    scale = scale.astype(np.float64)
    error = np.abs(restored.astype(np.float64) - W)
    if np.any(np.isnan(error)):
        fail("dequantize(q, scale) contains nan.")
    ratio = error / (scale / 2)
    i, j = np.unravel_index(int(np.argmax(ratio)), ratio.shape)
    if ratio[i, j] > 1 + 1e-9:
        fail(f"Entry ({i}, {j}) is recovered with error {error[i, j]:.3g}, more than half a step"
             f" (scale[{j}] / 2 = {scale[j] / 2:.3g}). Round to the nearest integer with np.round before"
             " converting to int8 (.astype truncates), and multiply back by the column's scale.")
