"""Returns np.load's lazy NpzFile instead of a dict of arrays."""
import numpy as np


def load_checkpoint(path):
    return np.load(path, allow_pickle=False)
