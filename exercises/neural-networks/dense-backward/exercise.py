# %% [markdown]
# In the notebook every layer has a `backward` method: it receives the gradient of the loss with respect
# to the layer's output and turns it into gradients for its parameters and for its input. For the dense
# layer z = x W + b that is the heart of backpropagation, and a mistake in it rarely crashes anything: the
# network still trains, only worse. Write the dense layer's backward pass as a function.
#
# `dense_backward(x, W, grad_z, weight_decay=0.0)` receives
#
# - `x`, the input the forward pass saw, of shape `(..., d_in)`: a batch of vectors `(n, d_in)`, or a
#   batch of sequences `(n, t, d_in)` as in a transformer, where the same layer is applied at every
#   position;
# - `W`, the weights, shape `(d_in, d_out)` (the bias is not needed for the backward pass);
# - `grad_z`, the gradient of the loss L with respect to the output z = x @ W + b, shaped like z:
#   `(..., d_out)`;
# - `weight_decay`, the strength λ of an L2 penalty ½ λ ‖W‖² that the training loop adds to the loss.
#
# It returns the tuple `(dW, db, dx)` of ∂L/∂W `(d_in, d_out)`, ∂L/∂b `(d_out,)` and ∂L/∂x (shaped like
# `x`), all `float64`. Every leading axis of `x` is a batch axis: the layer's parameters are shared across
# them, so their gradients add up over all of them. The penalty involves W only; biases are not decayed.
# Leave the arrays you are given unchanged.
#
# The grader compares each gradient with a finite-difference estimate of the true derivative, on losses
# and shapes you have not seen.

# %%
import numpy as np


def dense_backward(x, W, grad_z, weight_decay=0.0):
    """Gradients (dW, db, dx) of a dense layer z = x @ W + b, given grad_z = dL/dz of shape (..., d_out)."""
    ### BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    grad_z = np.asarray(grad_z, dtype=np.float64)
    x_rows = x.reshape(-1, W.shape[0])  # every leading axis is a batch axis: make them one
    g_rows = grad_z.reshape(-1, W.shape[1])
    dW = x_rows.T @ g_rows + weight_decay * W
    db = g_rows.sum(axis=0)
    dx = grad_z @ W.T
    return dW, db, dx
    ### END SOLUTION


# %% [markdown]
# A quick look at the shapes, for a batch of 2 sequences of 3 positions with 4 features, mapped to 5:

# %%
rng = np.random.default_rng(0)
x_demo = rng.normal(size=(2, 3, 4))
W_demo = rng.normal(size=(4, 5))
grad_demo = rng.normal(size=(2, 3, 5))
dW_demo, db_demo, dx_demo = dense_backward(x_demo, W_demo, grad_demo, weight_decay=0.01)
print("dW", dW_demo.shape, "db", db_demo.shape, "dx", dx_demo.shape)

# %% [markdown] tags=["solution"]
# Each weight W[i, j] touches every output z[..., j] through the input x[..., i], so
# ∂L/∂W[i, j] = Σ x[..., i] · grad_z[..., j] over all batch positions: with the batch axes folded into one
# (`reshape(-1, d_in)`), that sum is the matrix product `x_rows.T @ g_rows`. The bias is added at every
# position, so its gradient is the sum of `grad_z` over all of them (a mean would be the gradient of a
# different loss). The input gradient `grad_z @ W.T` needs no reshaping: `@` treats leading axes as a
# batch. Writing `x.T @ grad_z` for 3-D arrays would reverse *all* axes of `x`, which is not what is wanted.
# The penalty ½ λ ‖W‖² has gradient λ W and no bias term; `reshape` and `@` make new arrays, so nothing
# the caller gave is modified.
