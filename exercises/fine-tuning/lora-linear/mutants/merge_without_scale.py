"""Merges W + A B, forgetting the scale alpha / r that forward applies."""


def _merge(self):
    if not self.merged:
        self.W = self.W + self.A @ self.B
        self.merged = True


LoRALinear.merge = _merge  # noqa: F821
