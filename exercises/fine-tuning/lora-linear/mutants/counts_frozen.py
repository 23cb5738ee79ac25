"""Counts the frozen W and b among the trainable parameters."""


def _trainable_parameters(self):
    return int(self.A.size + self.B.size + self.W.size + self.b.size)


LoRALinear.trainable_parameters = _trainable_parameters  # noqa: F821
