"""Atomic, but a failed save leaves its temporary file in the folder."""
import os
from pathlib import Path

import numpy as np


def save_checkpoint(path, arrays):
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        np.savez(handle, **arrays)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
