"""Writes straight to the final name, so a crash mid-save destroys the previous checkpoint."""
import numpy as np


def save_checkpoint(path, arrays):
    with open(path, "wb") as handle:
        np.savez(handle, **arrays)
