"""Stores the intensity as a new column of the caller's table."""


def attainable(ops, peak, bandwidth):
    ops["intensity"] = ops["flops"] / ops["bytes"]
    return (ops["intensity"] * bandwidth).clip(upper=peak).astype(float)
