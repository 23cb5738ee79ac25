# %% [markdown]
# A float32 weight takes 4 bytes; an int8 weight takes 1. Storing each weight as a small integer `q` and
# recovering it as `scale * q` cuts a model's memory by almost four, and lets the hardware multiply in
# integers. The price is rounding error, and the scale decides how large it is.
#
# In the notebook, weights are stored as `W` of shape `(fan_in, fan_out)`, and each **column** feeds one
# output unit: that column is a *channel*. One scale for the whole matrix is set by its single largest
# weight, so the columns with small weights are rounded onto very few integer levels. A scale per column
# fits each column's own range, at the cost of one extra number per output unit.
#
# Write two functions:
#
# 1. `quantize_per_channel(W)` returns a pair `(q, scale)`:
#    - `scale` is a float array of shape `(fan_out,)` with `scale[j] = max_i |W[i, j]| / 127`
#      (symmetric quantisation: the zero point is 0, and the largest weight of each column maps to ±127);
#    - `q` is an `np.int8` array with `W`'s shape, `q[i, j] = round(W[i, j] / scale[j])`, every entry in
#      `[-127, 127]`.
#
#    A column of zeros has no range: give it scale `1.0` (any positive number would do), so that its `q` is
#    all zeros and nothing is divided by zero.
# 2. `dequantize(q, scale)` returns the float64 approximation `scale[j] * q[i, j]` of `W`.
#
# Two traps. Casting a float to `np.int8` with `.astype` truncates towards zero instead of rounding, which
# doubles the worst error; round first. And `int8` holds -128 to 127: a value of 128 does not saturate, it
# wraps round to -128, silently flipping the weight's sign. The symmetric grid stops at ±127 for that
# reason (and keeps the grid symmetric about 0).
#
# With rounding to the nearest level, every weight is recovered to within half a step:
# `|dequantize(q, scale)[i, j] - W[i, j]| <= scale[j] / 2`. The checks test exactly that.

# %%
import numpy as np


def quantize_per_channel(W):
    """Symmetric int8 quantisation of W, shape (fan_in, fan_out), with one scale per column."""
    ### BEGIN SOLUTION
    W = np.asarray(W, dtype=np.float64)
    amax = np.abs(W).max(axis=0)
    scale = np.where(amax > 0, amax / 127.0, 1.0)
    q = np.clip(np.round(W / scale), -127, 127).astype(np.int8)
    return q, scale
    ### END SOLUTION


def dequantize(q, scale):
    """The float64 weights that q and the per-column scales stand for."""
    ### BEGIN SOLUTION
    return q.astype(np.float64) * np.asarray(scale, dtype=np.float64)
    ### END SOLUTION


# %% [markdown]
# Compare one scale per matrix with one per column on a matrix whose columns have very different ranges.
# The per-tensor version is the same formula with the maximum taken over the whole matrix.

# %%
rng = np.random.default_rng(0)
W = rng.normal(size=(64, 8)) * np.array([0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0])
q, scale = quantize_per_channel(W)
per_channel_error = np.abs(dequantize(q, scale) - W).max(axis=0)
tensor_scale = np.abs(W).max() / 127
per_tensor_error = np.abs(np.round(W / tensor_scale) * tensor_scale - W).max(axis=0)
print("column scale of W:          ", "  ".join(f"{w:7.4f}" for w in np.abs(W).max(axis=0)))
print("largest error, per channel: ", "  ".join(f"{e:7.4f}" for e in per_channel_error))
print("largest error, per tensor:  ", "  ".join(f"{e:7.4f}" for e in per_tensor_error))
print(f"bytes: float32 {4 * W.size}, int8 + float32 scales {q.nbytes + 4 * scale.size}")

# %% [markdown] tags=["solution"]
# `np.abs(W).max(axis=0)` takes the maximum down each column, giving one number per output unit, and
# `W / scale` broadcasts the `(fan_out,)` scales across the rows. `np.where(amax > 0, ..., 1.0)` replaces the
# scale of an all-zero column before anything is divided by it. `np.round` rounds to the nearest integer
# (halves to even), and only then does `.astype(np.int8)` convert; the `np.clip` is a safety net, since
# `|W / scale| <= 127` already holds up to round-off. Dequantising converts `q` to float64 before the
# multiplication so that nothing is computed in 8 bits.
