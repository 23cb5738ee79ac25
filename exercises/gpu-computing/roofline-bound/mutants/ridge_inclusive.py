"""Counts an operation exactly at the ridge point as memory-bound."""


def memory_bound(ops, peak, bandwidth):
    intensity = ops["flops"] / ops["bytes"]
    return [str(name) for name in ops.index[intensity <= peak / bandwidth]]
