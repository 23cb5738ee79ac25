"""Computes the intensity as bytes per FLOP."""


def attainable(ops, peak, bandwidth):
    intensity = ops["bytes"] / ops["flops"]
    return (intensity * bandwidth).clip(upper=peak).astype(float)


def memory_bound(ops, peak, bandwidth):
    intensity = ops["bytes"] / ops["flops"]
    return [str(name) for name in ops.index[intensity < peak / bandwidth]]
