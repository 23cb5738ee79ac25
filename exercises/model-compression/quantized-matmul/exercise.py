# %% [markdown]
# Weight-only quantisation saves memory but still multiplies in floating point. Integer inference goes
# further: the activations are quantised too, and the matrix product runs on 8-bit integers, which is what
# int8 tensor cores and CPU vector instructions are built for. You then need one floating-point multiply per
# output, not one per term of the sum.
#
# The setting is the notebook's:
#
# - activations `x ≈ s_x * (q_x - z_x)`, with `q_x` a `uint8` array of shape `(batch, K)`, a float scale
#   `s_x` and an integer zero point `z_x` between 0 and 255 (asymmetric, because inputs and ReLU outputs
#   are lopsided);
# - weights `W ≈ q_w * s_w`, with `q_w` an `int8` array of shape `(K, N)` and one float scale per output
#   column in `s_w`, shape `(N,)` (symmetric, zero point 0).
#
# Then `x @ W ≈ s_x * s_w * ((q_x - z_x) @ q_w)`, and the bracket is pure integer work. Write two functions:
#
# 1. `int_matmul(q_x, z_x, q_w)` returns the integer accumulator `(q_x - z_x) @ q_w`, exactly, as an
#    `np.int32` array of shape `(batch, N)`.
# 2. `int_linear(q_x, s_x, z_x, q_w, s_w, b)` returns the layer's float64 output: the accumulator rescaled
#    by `s_x * s_w[n]` for each column `n`, plus the float bias `b` of shape `(N,)`.
#
# Why 32 bits? One product of a uint8 and an int8 value is at most 255 × 127 = 32,385 in size, which
# already nearly fills an int16; a sum of `K` such products needs about log2(K) more bits. An int32 holds
# sums of up to about 66,000 worst-case terms, which covers real layers.
#
# NumPy will not protect you here, and its defaults are the traps:
#
# - `q_x @ q_w` with a `uint8` and an `int8` array computes in `int16`, and wraps round without a warning;
# - `q_x - z_x` with a `uint8` array stays `uint8`, so 10 - 128 becomes 138.
#
# Convert to `np.int32` before any arithmetic. (An optional refinement used by real kernels: the zero-point
# term `z_x * q_w.sum(axis=0)` is the same for every row, so it can be computed once per layer and
# subtracted from `q_x @ q_w`.)
#
# The checks compare `int_linear` with the float product of the dequantised tensors,
# `(s_x * (q_x - z_x)) @ (q_w * s_w) + b`: the integer sum is exact, so the two agree to float64 round-off.

# %%
import numpy as np


def int_matmul(q_x, z_x, q_w):
    """(q_x - z_x) @ q_w computed exactly in integers; uint8 (batch, K), int zero point, int8 (K, N) -> int32."""
    ### BEGIN SOLUTION
    q_w32 = q_w.astype(np.int32)
    acc = q_x.astype(np.int32) @ q_w32
    acc -= np.int32(z_x) * q_w32.sum(axis=0, dtype=np.int32)
    return acc
    ### END SOLUTION


def int_linear(q_x, s_x, z_x, q_w, s_w, b):
    """Float64 output of a quantised linear layer: s_x * s_w * int_matmul(q_x, z_x, q_w) + b."""
    ### BEGIN SOLUTION
    acc = int_matmul(q_x, z_x, q_w)
    return acc.astype(np.float64) * (float(s_x) * np.asarray(s_w, dtype=np.float64)) + np.asarray(b, dtype=np.float64)
    ### END SOLUTION


# %% [markdown]
# Try it on a small layer: quantise float activations and weights, run the integer layer, and compare with
# the float layer. The gap comes from quantisation rounding, not from the integer arithmetic.

# %%
rng = np.random.default_rng(0)
x = rng.uniform(0.0, 1.0, size=(4, 64))  # non-negative, like pixels or ReLU outputs
W = rng.normal(size=(64, 3)) * 0.1
b = rng.normal(size=3) * 0.01

s_x, z_x = 1.0 / 255, 0
q_x = np.clip(np.round(x / s_x) + z_x, 0, 255).astype(np.uint8)
s_w = np.abs(W).max(axis=0) / 127
q_w = np.clip(np.round(W / s_w), -127, 127).astype(np.int8)

acc = int_matmul(q_x, z_x, q_w)
print(acc.dtype, acc.shape)
print("largest gap to the float layer:", np.abs(int_linear(q_x, s_x, z_x, q_w, s_w, b) - (x @ W + b)).max())

# %% [markdown] tags=["instructor"]
# Notes for instructors. The reference converts both operands to int32 first, multiplies (NumPy's integer
# matmul accumulates in the operands' dtype and never calls BLAS), and subtracts the zero-point term
# `z_x * colsum(q_w)` once per column; `(q_x.astype(np.int32) - z_x) @ q_w.astype(np.int32)` is equally
# right. Wrong answers the checks catch: `q_x @ q_w` without conversion (int16 wrap-around,
# check_int32_and_exact), `q_x - z_x` in uint8 (wrap-around, check_zero_point), dropping the zero point
# (check_zero_point), adding the bias before rescaling (check_linear_matches_dequantised), and accumulating
# in float32 and converting at the end (exact only below 2^24, so the hidden check_worst_case_long_sum with
# K = 4096 catches it). Worth discussing: why the rescale is one multiply per output rather than per term,
# and that in a real kernel `s_x * s_w` is often folded into a fixed-point multiplier too.
