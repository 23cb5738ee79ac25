"""Loads without translating errors: a torn file raises BadZipFile or EOFError, not ValueError."""
import numpy as np


def load_checkpoint(path):
    with np.load(path, allow_pickle=False) as archive:
        return {name: archive[name] for name in archive.files}
