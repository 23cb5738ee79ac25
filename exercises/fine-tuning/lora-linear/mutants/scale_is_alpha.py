"""Uses alpha itself as the scale instead of alpha / rank."""

_reference_init = LoRALinear.__init__  # noqa: F821 (the reference defines it)


def _init(self, W, b, rank, alpha, rng):
    _reference_init(self, W, b, rank, alpha, rng)
    self.scale = alpha


LoRALinear.__init__ = _init  # noqa: F821
