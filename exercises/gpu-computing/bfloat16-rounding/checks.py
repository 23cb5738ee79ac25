"""Public checks for gpu-computing.bfloat16-rounding (students see these)."""

import numpy as np

from coursegrader.helpers import describe, expect_number, fail

BOUND = 2.0**-8 / (1 + 2.0**-8)


def _float32_result(value, shape, what):
    if type(value) is not np.ndarray or value.dtype != np.float32:
        fail(f"{what} returned {describe(value)}, expected a float32 NumPy array.")
    if value.shape != shape:
        fail(f"{what} has shape {value.shape}, expected {shape}.")
    return value


def check_bfloat16_values_are_float32(to_bfloat16):
    """Results are float32 with the low 16 bits zero, within 2^-8 / (1 + 2^-8) of the input, relatively."""
    rng = np.random.default_rng(8)
    x = (rng.choice([-1.0, 1.0], 20_000) * 10.0 ** rng.uniform(-20, 20, 20_000)).astype(np.float32)
    result = _float32_result(to_bfloat16(x.copy()), x.shape, "to_bfloat16(x)")
    low_bits = result.view(np.uint32) & np.uint32(0xFFFF)
    if np.any(low_bits != 0):
        i = int(np.argmax(low_bits != 0))
        fail(f"to_bfloat16(x)[{i}] = {result[i]!r} keeps bits in its low 16 bits, so it is not a bfloat16"
             " value. Clear them with & 0xFFFF0000 on the uint32 view.")
    exact = x.astype(np.float64)
    rel = np.abs(result.astype(np.float64) - exact) / np.abs(exact)
    i = int(np.argmax(rel))
    if not rel[i] <= BOUND * (1 + 1e-12):
        fail(f"to_bfloat16 moves {x[i]!r} to {result[i]!r}, a relative error of {rel[i]:.3g}, above"
             f" 2^-8 / (1 + 2^-8) = {BOUND:.3g}. Round to nearest: add just under half of the dropped bits"
             " before clearing them (clearing alone truncates).")


def check_ties_and_carry(to_bfloat16):
    """Exact ties go to the even neighbour, other values to the nearest, and a carry reaches the exponent."""
    u = 2.0**-8  # half the spacing of bfloat16 numbers between 1 and 2
    cases = [
        (1 + u, 1.0, "1 + 2^-8 is a tie between 1 and 1 + 2^-7: the even neighbour is 1"),
        (1 + 3 * u, 1 + 4 * u, "1 + 3 * 2^-8 is a tie: the even neighbour is 1 + 2^-6"),
        (-(1 + u), -1.0, "-(1 + 2^-8) is a tie: the even neighbour is -1"),
        (1 + 1.5 * u, 1 + 2 * u, "1 + 1.5 * 2^-8 is nearer 1 + 2^-7"),
        (1 + 0.5 * u, 1.0, "1 + 0.5 * 2^-8 is nearer 1"),
        (float(np.nextafter(np.float32(2), np.float32(0))), 2.0, "the largest float32 below 2 rounds up to 2"),
        (3.0, 3.0, "3 is a bfloat16 number already"),
    ]
    x = np.array([c[0] for c in cases], dtype=np.float32)
    result = _float32_result(to_bfloat16(x.copy()), x.shape, "to_bfloat16 on hand-made cases")
    for (value, want, why), got in zip(cases, result.astype(np.float64).tolist(), strict=True):
        if got != want:
            fail(f"to_bfloat16 rounds {value!r} to {got!r}, expected {want!r}: {why}. Add 0x7FFF plus the"
                 " last kept bit (bit 16) before clearing the low 16 bits.")


def check_max_relative_error(max_relative_error):
    """On [1 + 2^-8, 3, 0] the largest relative error is 2^-8 / (1 + 2^-8) (zeros are skipped)."""
    x = np.array([1 + 2.0**-8, 3.0, 0.0], dtype=np.float32)
    what = "max_relative_error([1 + 2^-8, 3, 0])"
    got = expect_number(max_relative_error(x.copy()), BOUND, what=what, rtol=1e-6, atol=0,
                        hint="Divide |rounded - exact| by |exact| (not by the rounded value), and skip the zeros.")
    if abs(got - BOUND) > 1e-12 * BOUND:
        fail(f"{what} is {got:.12g}, expected {BOUND:.12g}: close, but not computed in float64. Convert both"
             " the rounded and the exact values with .astype(np.float64) before subtracting and dividing.")
    rng = np.random.default_rng(9)
    x = (10.0 ** rng.uniform(-3, 3, 50_000)).astype(np.float32)
    got = expect_number(max_relative_error(x), BOUND, what="max_relative_error on 50,000 random values",
                        rtol=0.01, atol=0, hint="Take the largest error, not the mean. Over many values it comes"
                        " close to the bound, and round-to-nearest never exceeds it.")
    if got > BOUND * (1 + 1e-12):
        fail(f"max_relative_error on 50,000 random values is {got:.6g}, above the bound {BOUND:.6g}.")
