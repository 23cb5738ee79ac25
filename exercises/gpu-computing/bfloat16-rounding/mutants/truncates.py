"""Clears the low 16 bits without rounding (truncation towards zero)."""
import numpy as np


def to_bfloat16(x):
    bits = np.array(x, dtype=np.float32).view(np.uint32)
    return (bits & np.uint32(0xFFFF0000)).view(np.float32)
