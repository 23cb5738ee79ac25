"""Public checks for gpu-computing.roofline-bound (students see these)."""

import pandas as pd

from coursegrader.helpers import expect_int, expect_list_of_str, expect_series, fail


def _ops():
    """A made-up table of operations (FLOPs and bytes moved)."""
    return pd.DataFrame(
        {"flops": [2**24, 2 * 4096**2, 2 * 1024**3, 4 * 8 * 16 * 4096**2 * 64],
         "bytes": [12 * 2**24, 4 * (4096**2 + 2 * 4096), 4 * 3 * 1024**2, 4 * 8 * 16 * 4096 * 64 * 2]},
        index=["vector add", "matrix-vector", "square GEMM", "fused attention"],
    )


def check_matmul_cost(matmul_cost):
    """matmul_cost gives 2 m k n FLOPs and the bytes of both inputs and the output, for three shapes."""
    for m, k, n, e in [(3, 5, 7, 4), (1, 4096, 4096, 2), (256, 1024, 512, 1)]:
        result = matmul_cost(m, k, n, e)
        what = f"matmul_cost({m}, {k}, {n}, {e})"
        if type(result) is not tuple or len(result) != 2:
            fail(f"{what} should return a tuple (flops, bytes).")
        expect_int(result[0], 2 * m * k * n, what=f"the FLOPs of {what}",
                   hint="Each of the m x n outputs needs k multiply-adds, and a multiply-add is 2 FLOPs.")
        expect_int(result[1], e * (m * k + k * n + m * n), what=f"the bytes of {what}",
                   hint="Read both inputs once and write the m x n output once, bytes_per_element each.")


def check_attainable(attainable):
    """The bound is min(peak, intensity x bandwidth) for each operation, with the table's index."""
    ops = _ops()
    peak, bandwidth = 50e9, 20e9
    expected = {name: min(peak, row.flops / row.bytes * bandwidth) for name, row in ops.iterrows()}
    expect_series(attainable(ops.copy(), peak, bandwidth), expected, what="attainable(ops, 50e9, 20e9)",
                  rtol=1e-9, hint="Intensity is flops / bytes; the bound can exceed neither roof.")


def check_memory_bound(memory_bound):
    """The memory-bound operations are those with intensity below peak / bandwidth, in the table's order."""
    ops = _ops()
    peak, bandwidth = 50e9, 20e9  # ridge point 2.5 FLOP/byte
    result = expect_list_of_str(memory_bound(ops.copy(), peak, bandwidth), what="memory_bound(ops, 50e9, 20e9)")
    expected = ["vector add", "matrix-vector"]
    if result != expected:
        fail(f"memory_bound(ops, 50e9, 20e9) is {result}, expected {expected}: with a ridge point of"
             " 2.5 FLOP/byte, the operations doing fewer FLOPs per byte are memory-bound.")
