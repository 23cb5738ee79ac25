"""Keeps adding the adapter path after merging, so the merged layer counts the adapter twice."""


def _forward(self, x):
    return x @ self.W + self.b + self.scale * ((x @ self.A) @ self.B)


LoRALinear.forward = _forward  # noqa: F821
