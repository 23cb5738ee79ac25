"""Gives np.savez the temporary file's name, so it writes to name + '.npz' and the replace fails."""
import os
from pathlib import Path

import numpy as np


def save_checkpoint(path, arrays):
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        np.savez(str(tmp), **arrays)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
