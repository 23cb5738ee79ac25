"""Public checks for fine-tuning.lora-linear (students see these)."""

import numpy as np

from coursegrader.helpers import describe, expect_array, expect_int, expect_number, fail


def _setup(seed, d_in=6, d_out=10, rank=3):
    rng = np.random.default_rng(seed)
    W = rng.normal(size=(d_in, d_out))
    b = rng.normal(size=d_out)
    x = rng.normal(size=(4, d_in))
    return W, b, x


def _factor(value, shape, name):
    if type(value) is not np.ndarray:
        fail(f"layer.{name} is {describe(value)}, expected a NumPy array.")
    if value.shape != shape:
        fail(f"layer.{name} has shape {value.shape}, expected {shape}: A is (d_in, rank) and B is (rank, d_out).")
    return value


def check_fresh_layer_equals_base(LoRALinear):
    """A new layer has A random of shape (d_in, r), B zero of shape (r, d_out), scale alpha / r, and gives x W + b."""
    W, b, x = _setup(1)
    layer = LoRALinear(W, b, 3, 6.0, np.random.default_rng(2))
    A = _factor(layer.A, (6, 3), "A")
    B = _factor(layer.B, (3, 10), "B")
    expect_array(B, np.zeros((3, 10)), what="layer.B of a new layer",
                 hint="B starts at zero, so that the adapted layer starts equal to the pretrained one.")
    if not np.all(np.isfinite(A)) or np.all(A == 0):
        fail("layer.A of a new layer is all zero (or not finite): with A and B both zero neither gets a gradient."
             " Draw A from rng.normal(0, 1 / np.sqrt(d_in), size=(d_in, rank)).")
    expect_number(layer.scale, 2.0, what="layer.scale for alpha = 6 and rank = 3", hint="scale = alpha / rank.")
    expect_array(layer.forward(x), x @ W + b, what="layer.forward(x) of a new layer", rtol=1e-12, atol=1e-12,
                 hint="Before training (B = 0) the layer computes exactly x @ W + b.")


def check_adapter_path(LoRALinear):
    """With a non-zero B, forward(x) = x W + b + (alpha / r) (x A) B."""
    W, b, x = _setup(3)
    layer = LoRALinear(W, b, 3, 6.0, np.random.default_rng(4))
    B = np.random.default_rng(5).normal(size=(3, 10))
    layer.B = B.copy()
    A = _factor(layer.A, (6, 3), "A").copy()
    expect_array(layer.forward(x), x @ W + b + 2.0 * (x @ A) @ B, what="layer.forward(x) with a trained B",
                 rtol=1e-10, atol=1e-10, hint="Add scale * (x @ A) @ B, with scale = alpha / rank = 6 / 3 here.")


def check_merge_keeps_outputs(LoRALinear):
    """merge() leaves the outputs unchanged, sets W to W + s A B and sets merged, and leaves the caller's W alone."""
    W, b, x = _setup(6)
    W_caller = W.copy()
    layer = LoRALinear(W, b, 3, 6.0, np.random.default_rng(7))
    layer.B = np.random.default_rng(8).normal(size=(3, 10))
    before = layer.forward(x)
    if type(before) is not np.ndarray:
        fail(f"layer.forward(x) returned {describe(before)}, expected a NumPy array.")
    before = before.copy()
    A = _factor(layer.A, (6, 3), "A").copy()
    layer.merge()
    if not np.array_equal(W, W_caller):
        fail("merge() changed the array passed in as W. Other adapters share that pretrained weight: build a new"
             " array, self.W = self.W + ..., instead of self.W += ...")
    if layer.merged is not True:
        fail(f"layer.merged is {describe(layer.merged)} after merge(), expected True.")
    expect_array(layer.W, W_caller + 2.0 * A @ layer.B, what="layer.W after merge()", rtol=1e-10, atol=1e-10,
                 hint="The merged weight is W + scale * A @ B.")
    expect_array(layer.forward(x), before, what="layer.forward(x) after merge()", rtol=1e-10, atol=1e-10,
                 hint="After merging, forward must not add the adapter path a second time.")


def check_trainable_parameters(LoRALinear):
    """A 48 x 144 weight with rank 8 has 8 * (48 + 144) = 1536 trainable parameters; rank 1 has 192."""
    rng = np.random.default_rng(9)
    W, b = rng.normal(size=(48, 144)), np.zeros(144)
    hint = "Count only A and B: W and b are frozen."
    expect_int(LoRALinear(W, b, 8, 16.0, rng).trainable_parameters(), 1536,
               what="trainable_parameters() for 48 x 144, rank 8", hint=hint)
    expect_int(LoRALinear(W, b, 1, 16.0, rng).trainable_parameters(), 192,
               what="trainable_parameters() for 48 x 144, rank 1", hint=hint)
