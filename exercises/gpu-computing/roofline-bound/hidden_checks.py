"""Hidden checks for gpu-computing.roofline-bound (instructors only; never shipped to students)."""

import pandas as pd

from coursegrader.helpers import expect_list_of_str, expect_series, fail


def check_ridge_point_and_unchanged_table(attainable, memory_bound):
    """An operation exactly at the ridge is compute-bound and reaches the peak; the table is unchanged."""
    ops = pd.DataFrame({"flops": [1000, 10, 10**6, 30], "bytes": [100, 40, 10, 2]},
                       index=["at ridge", "tiny", "dense", "middle"])
    before = ops.copy()
    peak, bandwidth = 1e12, 1e11  # ridge point 10 FLOP/byte
    expect_series(attainable(ops, peak, bandwidth),
                  {"at ridge": 1e12, "tiny": 0.25e11, "dense": 1e12, "middle": 1e12},
                  what="attainable on a table with an operation at the ridge", rtol=1e-9)
    result = expect_list_of_str(memory_bound(ops, peak, bandwidth), what="memory_bound at the ridge")
    if result != ["tiny"]:
        fail(f"memory_bound is {result}, expected ['tiny']: exactly at the ridge is not memory-bound.")
    if list(ops.columns) != list(before.columns) or not ops.equals(before):
        fail("attainable or memory_bound changed the caller's table (added or changed columns).")
