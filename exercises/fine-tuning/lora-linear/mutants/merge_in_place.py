"""Merges with self.W += ..., which writes into the pretrained weight the caller passed in (and shares)."""


def _merge(self):
    if not self.merged:
        self.W += self.scale * (self.A @ self.B)
        self.merged = True


LoRALinear.merge = _merge  # noqa: F821
