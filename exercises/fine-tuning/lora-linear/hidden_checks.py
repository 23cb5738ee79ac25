"""Hidden checks for fine-tuning.lora-linear (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import expect_array, expect_int, fail


def check_merge_twice_batched_input(LoRALinear):
    """On input of shape (2, 5, 7), merging twice adds the adapter once; the caller's W and b are unchanged."""
    rng = np.random.default_rng(41)
    W, b = rng.normal(size=(7, 3)), rng.normal(size=3)
    W_before, b_before = W.copy(), b.copy()
    x = rng.normal(size=(2, 5, 7))
    layer = LoRALinear(W, b, 2, 1.0, np.random.default_rng(42))
    B = rng.normal(size=(2, 3))
    layer.B = B.copy()
    A = np.asarray(layer.A, dtype=np.float64).copy()
    expected = x @ W_before + b_before + 0.5 * (x @ A) @ B
    expect_array(layer.forward(x), expected, what="forward on a (2, 5, 7) input", rtol=1e-10, atol=1e-10)
    layer.merge()
    layer.merge()
    expect_array(layer.forward(x), expected, what="forward after calling merge() twice", rtol=1e-10, atol=1e-10)
    if not (np.array_equal(W, W_before) and np.array_equal(b, b_before)):
        fail("merge() changed the caller's W or b.")


def check_counts_other_shapes(LoRALinear):
    """A 5 x 3 weight with rank 2 has 16 trainable parameters; 100 x 1 with rank 4 has 404."""
    rng = np.random.default_rng(43)
    expect_int(LoRALinear(rng.normal(size=(5, 3)), np.zeros(3), 2, 4.0, rng).trainable_parameters(), 16,
               what="trainable_parameters() for 5 x 3, rank 2")
    expect_int(LoRALinear(rng.normal(size=(100, 1)), np.zeros(1), 4, 4.0, rng).trainable_parameters(), 404,
               what="trainable_parameters() for 100 x 1, rank 4")
