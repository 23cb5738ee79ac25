"""Hidden checks for model-compression.quantized-matmul (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import expect_array, fail


def check_worst_case_long_sum(int_matmul):
    """K = 4096 with extreme values (exact beyond float32's 2^24), inputs unchanged, zero point 255."""
    K = 4096
    rng = np.random.default_rng(23)
    q_x = np.full((2, K), 255, dtype=np.uint8)
    q_x[1] = rng.integers(200, 256, size=K)
    q_w = np.full((K, 3), 127, dtype=np.int8)
    q_w[:, 1] = -127
    q_w[:, 2] = rng.integers(100, 128, size=K)
    before_x, before_w = q_x.copy(), q_w.copy()
    for z_x in (0, 255):
        result = int_matmul(q_x, z_x, q_w)
        if not (np.array_equal(q_x, before_x) and np.array_equal(q_w, before_w)):
            fail("int_matmul changed its input arrays.")
        if type(result) is not np.ndarray or result.dtype != np.int32:
            fail("int_matmul did not return an int32 array.")
        expected = (q_x.astype(np.int64) - z_x) @ q_w.astype(np.int64)
        expect_array(result.astype(np.int64), expected, what=f"int_matmul, K = {K}, z_x = {z_x}", kind="i",
                     rtol=0, atol=0)
