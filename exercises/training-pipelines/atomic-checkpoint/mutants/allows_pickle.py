"""Loads with allow_pickle=True, so an archive holding a pickled object is accepted (and could run code)."""
import zipfile

import numpy as np


def load_checkpoint(path):
    try:
        with np.load(path, allow_pickle=True) as archive:
            return {name: archive[name] for name in archive.files}
    except FileNotFoundError:
        raise
    except (ValueError, OSError, EOFError, zipfile.BadZipFile) as error:
        raise ValueError(f"{path} is not a complete checkpoint") from error
