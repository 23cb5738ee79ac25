# %% [markdown]
# LoRA fine-tunes a model without changing its weights: beside a frozen weight `W` (shape `d_in × d_out`) it
# trains two thin matrices, `A` (`d_in × r`) and `B` (`r × d_out`) with a small rank `r`, and the layer computes
#
# $$h = x W + b + s\, (x A) B, \qquad s = \alpha / r .$$
#
# Write the class `LoRALinear(W, b, rank, alpha, rng)`:
#
# - `__init__` keeps `W` and `b` as the attributes `self.W` and `self.b` (frozen, never trained) and sets four
#   more: `self.scale`, equal to α / r; `self.A`, drawn with `rng.normal(0, 1 / np.sqrt(d_in), size=(d_in, rank))`;
#   `self.B`, zeros of shape `(rank, d_out)`; and `self.merged`, False until `merge()` is called. With `B = 0`
#   the adapted layer starts exactly equal to the pretrained one; `A` must not be zero as well, or neither
#   matrix would ever get a gradient.
# - `forward(x)` returns `h` for `x` of shape `(..., d_in)`: the formula above before merging, `x W + b` after.
# - `merge()` folds the adapter into the weight, `W ← W + s A B`, once, so that serving costs no more than
#   the original layer; calling it again does nothing. The outputs must not change (beyond rounding). Many
#   adapters usually share one copy of the pretrained weights, so `merge()` must **not** write into the array
#   that was passed in as `W`: assign a new array to `self.W` (`self.W += ...` would overwrite the caller's).
# - `trainable_parameters()` returns, as an int, how many numbers training updates: those in `A` and `B`.
#
# Use NumPy only, and compute the adapter path as `(x @ A) @ B`: per input row it costs far less than `x @ (A @ B)`.

# %%
import numpy as np


class LoRALinear:
    """A frozen linear layer x @ W + b with a trainable low-rank adapter, scale * (x @ A) @ B."""

    def __init__(self, W, b, rank, alpha, rng):
        ### BEGIN SOLUTION
        self.W = np.asarray(W, dtype=np.float64)
        self.b = np.asarray(b, dtype=np.float64)
        d_in, d_out = self.W.shape
        self.scale = alpha / rank
        self.A = rng.normal(0.0, 1.0 / np.sqrt(d_in), size=(d_in, rank))
        self.B = np.zeros((rank, d_out))
        self.merged = False
        ### END SOLUTION

    def forward(self, x):
        ### BEGIN SOLUTION
        x = np.asarray(x, dtype=np.float64)
        h = x @ self.W + self.b
        if not self.merged:
            h = h + self.scale * ((x @ self.A) @ self.B)
        return h
        ### END SOLUTION

    def merge(self):
        ### BEGIN SOLUTION
        if not self.merged:
            self.W = self.W + self.scale * (self.A @ self.B)  # a new array: the caller's W stays as it was
            self.merged = True
        ### END SOLUTION

    def trainable_parameters(self):
        ### BEGIN SOLUTION
        return int(self.A.size + self.B.size)
        ### END SOLUTION


# %% [markdown]
# Try it on the shape of the notebook's `W_qkv` (48 × 144) with rank 8. `B` is set by hand here to stand for
# a trained adapter.

# %%
rng = np.random.default_rng(0)
W, b = rng.normal(size=(48, 144)), np.zeros(144)
layer = LoRALinear(W, b, rank=8, alpha=16.0, rng=rng)
x = rng.normal(size=(5, 48))
print("fresh layer equals the base layer:", np.allclose(layer.forward(x), x @ W + b))
layer.B = rng.normal(0, 0.1, size=layer.B.shape)
before = layer.forward(x)
layer.merge()
print("largest change from merging:", np.abs(layer.forward(x) - before).max())
print("trainable:", layer.trainable_parameters(), "of", W.size, "in the frozen weight")

# %% [markdown] tags=["solution"]
# `x @ self.A @ self.B` in that order multiplies by `r`-wide matrices only, about `r (d_in + d_out)` operations
# per row instead of `d_in d_out` for forming `A @ B`. The merged weight is built as a new array, so the array
# the caller passed in (in a real model, the pretrained weight shared by every adapter) is unchanged, and the
# `merged` flag stops both double counting in `forward` and a second merge. After merging, the outputs agree
# with the unmerged layer up to rounding (around 1e-15 in float64; the notebook, in float32, sees about 1e-6).
# The count `r (d_in + d_out)` is 1,536 for the example, 22 % of the 6,912 numbers in `W`; for a 4096 × 4096
# matrix with `r = 8` it is 0.4 %.
