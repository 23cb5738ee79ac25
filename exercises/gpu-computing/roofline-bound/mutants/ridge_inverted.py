"""Uses bandwidth / peak as the ridge point."""


def memory_bound(ops, peak, bandwidth):
    intensity = ops["flops"] / ops["bytes"]
    return [str(name) for name in ops.index[intensity < bandwidth / peak]]
