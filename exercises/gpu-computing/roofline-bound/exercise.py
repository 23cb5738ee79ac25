# %% [markdown]
# Before you optimise a kernel, or pay for a bigger GPU, find out which ceiling it hits. A processor has two:
# a peak arithmetic rate (FLOP/s) and a peak memory bandwidth (bytes/s). An operation's **arithmetic
# intensity**, the FLOPs it does per byte it moves, decides which one binds. The roofline model turns this into
# an upper bound on the rate any implementation can reach:
#
# `attainable FLOP/s = min(peak, intensity × bandwidth)`
#
# The *ridge point* `peak / bandwidth` separates the two regimes: an operation with an intensity below it is
# **memory-bound** (only moving fewer bytes makes it faster), at or above it **compute-bound**.
#
# Write three functions:
#
# 1. `matmul_cost(m, k, n, bytes_per_element)` returns the pair `(flops, bytes)`, both Python integers, for
#    the product of an `(m × k)` and a `(k × n)` matrix. Count a multiply-add as 2 FLOPs. For the bytes,
#    count the minimum traffic: each input read once and the `(m × n)` output written once.
# 2. `attainable(ops, peak, bandwidth)` takes a DataFrame `ops` indexed by operation name, with columns
#    `flops` and `bytes`, and returns a pandas Series of `float64`, with the same index, holding each
#    operation's roofline bound in FLOP/s (`peak` in FLOP/s, `bandwidth` in bytes/s).
# 3. `memory_bound(ops, peak, bandwidth)` returns the list of the names (`str`) of the memory-bound
#    operations, in the order of `ops`: those whose intensity is strictly below the ridge point.
#
# Leave `ops` as it is: add no columns to the caller's table.

# %%
import pandas as pd


def matmul_cost(m, k, n, bytes_per_element):
    """(FLOPs, minimum bytes moved) of an (m x k) @ (k x n) matrix product."""
    ### BEGIN SOLUTION
    flops = 2 * m * k * n
    nbytes = bytes_per_element * (m * k + k * n + m * n)
    return int(flops), int(nbytes)
    ### END SOLUTION


def attainable(ops, peak, bandwidth):
    """Roofline bound in FLOP/s of each operation in ops (columns flops and bytes), as a float64 Series."""
    ### BEGIN SOLUTION
    intensity = ops["flops"].astype(float) / ops["bytes"].astype(float)
    return (intensity * float(bandwidth)).clip(upper=float(peak)).astype(float)
    ### END SOLUTION


def memory_bound(ops, peak, bandwidth):
    """Names of the operations whose arithmetic intensity is below the ridge point peak / bandwidth."""
    ### BEGIN SOLUTION
    intensity = ops["flops"].astype(float) / ops["bytes"].astype(float)
    return [str(name) for name in ops.index[intensity < peak / bandwidth]]
    ### END SOLUTION


# %% [markdown]
# The same layer, 4096 inputs to 4096 outputs in bfloat16 (2 bytes per element), at several batch sizes, on
# the datasheet roofs of an H100 (989 TFLOP/s dense bf16, 3.35 TB/s). At batch 1 the layer is a
# matrix-vector product; batching reuses each weight once per row of the batch.

# %%
peak, bandwidth = 989e12, 3.35e12
ops = pd.DataFrame(
    [matmul_cost(batch, 4096, 4096, 2) for batch in (1, 16, 256, 4096)],
    columns=["flops", "bytes"],
    index=[f"layer, batch {batch}" for batch in (1, 16, 256, 4096)],
)
table = ops.assign(**{"FLOP/byte": ops["flops"] / ops["bytes"],
                      "bound TFLOP/s": attainable(ops, peak, bandwidth) / 1e12})
print(f"ridge point: {peak / bandwidth:.0f} FLOP/byte")
print(table.round(1))
print("memory-bound:", memory_bound(ops, peak, bandwidth))

# %% [markdown] tags=["solution"]
# The product has `m × n` outputs, each a sum of `k` multiply-adds, hence `2 m k n` FLOPs; the traffic is the
# three matrices' elements times the element size. Converting `flops` and `bytes` with `.astype(float)` before
# dividing avoids integer surprises, and `clip(upper=peak)` is the `min` with the flat roof, element by element
# (`np.minimum(peak, intensity * bandwidth)` wrapped in a Series is the same). Comparing the intensity with
# `peak / bandwidth` gives a boolean Series, which selects the names from the index in the table's order.
# Every result is a new object, so the caller's table never changes.
