"""Initialises A at zero as well as B: the layer never changes, because neither factor gets a gradient."""
import numpy as np

_reference_init = LoRALinear.__init__  # noqa: F821 (the reference defines it)


def _init(self, W, b, rank, alpha, rng):
    _reference_init(self, W, b, rank, alpha, rng)
    self.A = np.zeros_like(self.A)


LoRALinear.__init__ = _init  # noqa: F821
