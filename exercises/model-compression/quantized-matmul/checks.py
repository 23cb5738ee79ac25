"""Public checks for model-compression.quantized-matmul (students see these)."""

import numpy as np

from coursegrader.helpers import describe, expect_array, fail


def _exact(q_x, z_x, q_w):
    """The accumulator in float64, which holds these integers exactly (they are far below 2^53)."""
    return (q_x.astype(np.float64) - z_x) @ q_w.astype(np.float64)


def _int32_result(value, what):
    if type(value) is not np.ndarray or value.dtype != np.int32:
        fail(f"{what} returned {describe(value)}, expected a NumPy array of dtype int32 (the accumulator).")
    return value


def check_int32_and_exact(int_matmul):
    """With zero point 0 and K = 256, the result is int32 and exact, also where int16 would overflow."""
    rng = np.random.default_rng(4)
    q_x = rng.integers(0, 256, size=(3, 256)).astype(np.uint8)
    q_w = rng.integers(-127, 128, size=(256, 4)).astype(np.int8)
    q_x[0, :] = 255  # a bright row against an all-positive column: the sum is far beyond int16's 32,767
    q_w[:, 1] = 127
    result = _int32_result(int_matmul(q_x, 0, q_w.copy()), "int_matmul(q_x, 0, q_w)")
    expect_array(result, _exact(q_x, 0, q_w), what="int_matmul(q_x, 0, q_w)", kind="i", rtol=0, atol=0,
                 hint="uint8 @ int8 is computed in int16 and wraps round: convert both to np.int32 first.")


def check_zero_point(int_matmul):
    """A zero point of 128 is subtracted from every activation before multiplying, without wrap-around."""
    q_x = np.array([[0, 128, 255], [10, 200, 128]], dtype=np.uint8)
    q_w = np.array([[1, -127], [5, 3], [1, 127]], dtype=np.int8)
    # first row: (q_x - 128) = (-128, 0, 127); second row: (-118, 72, 0)
    expected = np.array([[-1, 32385], [242, 15202]])
    result = _int32_result(int_matmul(q_x, 128, q_w), "int_matmul(q_x, 128, q_w)")
    expect_array(result, expected, what="int_matmul(q_x, 128, q_w) on a 2 x 3 example", kind="i", rtol=0,
                 atol=0, hint="Subtract z_x after converting to int32: in uint8, 0 - 128 is 128, not -128.")


def check_linear_matches_dequantised(int_linear):
    """int_linear equals (s_x * (q_x - z_x)) @ (q_w * s_w) + b to float64 round-off, as float64."""
    rng = np.random.default_rng(5)
    q_x = rng.integers(0, 256, size=(5, 64)).astype(np.uint8)
    q_w = rng.integers(-127, 128, size=(64, 3)).astype(np.int8)
    s_x, z_x = 0.02, 37
    s_w = np.array([0.001, 0.01, 0.1])
    b = np.array([0.5, -1.0, 2.0])
    x_hat = s_x * (q_x.astype(np.float64) - z_x)
    expected = x_hat @ (q_w.astype(np.float64) * s_w) + b
    result = int_linear(q_x, s_x, z_x, q_w, s_w, b)
    if type(result) is np.ndarray and result.dtype != np.float64:
        fail(f"int_linear returned dtype {result.dtype}, expected float64.")
    expect_array(result, expected, what="int_linear(q_x, s_x, z_x, q_w, s_w, b)", rtol=1e-10, atol=1e-12,
                 hint="Rescale the int32 accumulator by s_x * s_w (one scale per column), then add b.")
