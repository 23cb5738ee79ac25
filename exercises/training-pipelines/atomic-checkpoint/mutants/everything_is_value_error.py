"""Turns every error into ValueError, so a missing checkpoint looks like a damaged one."""
import numpy as np


def load_checkpoint(path):
    try:
        with np.load(path, allow_pickle=False) as archive:
            return {name: archive[name] for name in archive.files}
    except Exception as error:
        raise ValueError(f"{path} is not a complete checkpoint") from error
