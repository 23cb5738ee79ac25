"""Hidden checks for gpu-computing.bfloat16-rounding (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import expect_array, fail


def _nearest_even(x):
    """bfloat16 rounding by choosing between the two neighbours in float64 (no bit-pattern arithmetic)."""
    bits = x.view(np.uint32)
    down_bits = bits & np.uint32(0xFFFF0000)
    up_bits = down_bits + np.uint32(0x10000)
    down = down_bits.view(np.float32).astype(np.float64)
    up = up_bits.view(np.float32).astype(np.float64)
    exact = x.astype(np.float64)
    d_down, d_up = np.abs(exact - down), np.abs(up - exact)
    down_is_even = ((down_bits >> np.uint32(16)) & np.uint32(1)) == 0
    take_up = (d_up < d_down) | ((d_up == d_down) & ~down_is_even)
    return np.where(take_up, up, down)


def check_matches_nearest_even(to_bfloat16):
    """200,000 values (2-D, both signs, many ties) match an independent reference, and x is unchanged."""
    rng = np.random.default_rng(31)
    x = (rng.choice([-1.0, 1.0], 100_000) * 10.0 ** rng.uniform(-30, 30, 100_000)).astype(np.float32)
    ties = (x.view(np.uint32) & np.uint32(0xFFFF0000)) | np.uint32(0x8000)  # exactly halfway
    x = np.concatenate([x, ties.view(np.float32)]).reshape(400, 500)
    before = x.copy()
    result = to_bfloat16(x)
    if not np.array_equal(x, before):
        fail("to_bfloat16 changed the array it was given (work on a copy of the bits).")
    if type(result) is not np.ndarray or result.dtype != np.float32:
        fail("to_bfloat16 did not return a float32 array.")
    expect_array(result.astype(np.float64), _nearest_even(before), what="to_bfloat16 on 200,000 values",
                 rtol=0, atol=0)
