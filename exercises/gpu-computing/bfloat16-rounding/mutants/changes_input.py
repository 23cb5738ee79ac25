"""Rounds correctly, but in place on a view of the caller's array."""
import numpy as np


def to_bfloat16(x):
    bits = x.view(np.uint32)
    bits += np.uint32(0x7FFF) + ((bits >> np.uint32(16)) & np.uint32(1))
    bits &= np.uint32(0xFFFF0000)
    return x
