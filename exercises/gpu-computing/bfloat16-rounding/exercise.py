# %% [markdown]
# Most training and much inference on GPUs runs in bfloat16: half the memory and bandwidth of float32 and
# several times the tensor-core throughput. A bfloat16 number is simply the top 16 bits of a float32: the
# same sign bit and 8-bit exponent (so the same range), and 7 of float32's 23 mantissa bits. NumPy has no
# bfloat16 type, so to see what it does to your numbers you emulate it: round each float32 to the nearest
# float32 whose low 16 bits are zero.
#
# Write two functions:
#
# 1. `to_bfloat16(x)` takes a float32 array (any shape, finite values) and returns a new float32 array of the
#    same shape holding each value rounded to bfloat16: to the nearest representable value, and on an exact
#    tie (halfway between two neighbours) to the neighbour whose last kept mantissa bit is 0 ("ties to
#    even"). Do not change `x`.
# 2. `max_relative_error(x)` returns, as a Python `float`, the largest relative error
#    `|to_bfloat16(x) - x| / |x|` over the non-zero entries of `x`, computed in float64.
#
# Work on the bits. `x.view(np.uint32)` reinterprets the same memory as unsigned integers (make a copy first
# if you intend to change it). Of the 32 bits, the low 16 are dropped. Rounding to nearest means adding
# half of the dropped range before clearing those bits; ties to even means adding one less than half
# (`0x7FFF`) plus the last kept bit (bit 16). Then clear the low 16 bits with `& 0xFFFF0000` and view the
# result as float32 again. If the addition carries out of the mantissa it increments the exponent,
# which is exactly right (the largest float32 below 2 rounds to 2). Keep the arithmetic in `np.uint32`:
# write the constants as `np.uint32(...)`, because a negative Python number such as `~0xFFFF` cannot be
# converted to an unsigned type.
#
# How large can the error be? Between 1 and 2, bfloat16 numbers are `2^-7` apart, so rounding to nearest
# moves a value by at most half of that, `2^-8`. Relative to the value, the worst case is a tie just above
# 1, at `1 + 2^-8`, which gives `2^-8 / (1 + 2^-8)` (about 0.39%); the same holds in every binade.
# Truncation (just clearing the bits) can err by twice as much, and always towards zero.

# %%
import numpy as np


def to_bfloat16(x):
    """Round float32 values to the nearest bfloat16 (ties to even); returns a new float32 array."""
    ### BEGIN SOLUTION
    bits = np.array(x, dtype=np.float32).view(np.uint32)
    last_kept = (bits >> np.uint32(16)) & np.uint32(1)
    rounded = (bits + np.uint32(0x7FFF) + last_kept) & np.uint32(0xFFFF0000)
    return rounded.view(np.float32)
    ### END SOLUTION


def max_relative_error(x):
    """Largest |to_bfloat16(x) - x| / |x| over the non-zero entries of x, as a float."""
    ### BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float32)
    x = x[x != 0]
    exact = x.astype(np.float64)
    return float(np.max(np.abs(to_bfloat16(x).astype(np.float64) - exact) / np.abs(exact)))
    ### END SOLUTION


# %% [markdown]
# Compare bfloat16 with float16 (NumPy has that one, with 10 mantissa bits but only a 5-bit exponent) on a
# million values spread over six orders of magnitude, and look at what each does to a large number.

# %%
rng = np.random.default_rng(0)
values = (rng.choice([-1.0, 1.0], 1_000_000) * 10.0 ** rng.uniform(-3, 3, 1_000_000)).astype(np.float32)
bound = 2.0**-8 / (1 + 2.0**-8)
print(f"bfloat16: max relative error {max_relative_error(values):.6e}, bound {bound:.6e}")
float16 = values.astype(np.float16).astype(np.float64)
print(f"float16:  max relative error {np.max(np.abs(float16 - values) / np.abs(values)):.6e}")
big = np.array([1e5], dtype=np.float32)
with np.errstate(over="ignore"):  # float16 cannot hold 1e5: it overflows to inf
    print(f"1e5 in bfloat16: {to_bfloat16(big)[0]}, in float16: {big.astype(np.float16)[0]}")

# %% [markdown] tags=["instructor"]
# Notes for instructors. The reference is the notebook's `round_mantissa(x, 7)`: `np.array(x, dtype=np.float32)`
# copies, so viewing and modifying the bits never touches the caller's array. Adding `0x7FFF + last_kept`
# rounds up exactly when the dropped part is above half, or equal to half with an odd kept part. The
# relative error is computed in float64 from the float32 input, dividing by the exact value, not the rounded
# one. Wrong answers the checks catch: truncation and round-half-up (check_ties_and_carry, and truncation also
# check_bfloat16_values_are_float32), casting through float16 (low bits not zero), dividing by the rounded
# value or averaging instead of taking the maximum, letting zeros in (check_max_relative_error), and
# changing the input in place (hidden check_matches_nearest_even, which also compares 200,000 values with an
# independent nearest-neighbour reference). Discussion: why is bfloat16 preferred to float16 for training
# despite its lower precision (range: no loss scaling), and why do tensor cores still accumulate in float32?
