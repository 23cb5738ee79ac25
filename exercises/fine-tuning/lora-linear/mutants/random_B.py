"""Initialises B at random too, so a fresh adapted layer no longer equals the pretrained one."""

_reference_init = LoRALinear.__init__  # noqa: F821 (the reference defines it)


def _init(self, W, b, rank, alpha, rng):
    _reference_init(self, W, b, rank, alpha, rng)
    self.B = rng.normal(0.0, 1.0, size=self.B.shape)


LoRALinear.__init__ = _init  # noqa: F821
