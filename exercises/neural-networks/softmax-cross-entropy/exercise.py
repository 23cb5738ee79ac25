# %% [markdown]
# A classifier's last layer produces one score per class, the *logits*. Softmax turns a row of logits into
# probabilities, p_k = exp(z_k) / Σ_j exp(z_j), and the cross-entropy of a true class y is −log p_y. Every
# classification network you train minimises the mean of that over a batch, so the function is called on
# every step, on whatever logits the network produces, including very large ones early in training or
# when the learning rate is too high.
#
# Write `softmax_cross_entropy(logits, y)`:
#
# - `logits` has shape `(n, k)`: n examples, k classes; `y` holds n integer class labels in `0 .. k-1`.
# - Return the tuple `(loss, grad)`: `loss` is the mean cross-entropy over the n examples (a number), and
#   `grad` is ∂loss/∂logits, a `float64` array of shape `(n, k)`.
# - The result must be finite and correct for any finite logits, including values in the thousands, and do
#   not modify the caller's `logits`.
#
# Two facts make it work. Adding the same constant to every logit of a row changes no probability, so you
# can subtract each row's largest logit first, after which `exp` cannot overflow. And
# log p_y = z_y − log Σ_j exp(z_j) can be computed from the shifted logits directly, without ever forming
# p_y and taking its logarithm. For the gradient, the notebook derived that it is the probabilities minus
# the one-hot labels; remember which loss it is the gradient of.

# %%
import numpy as np


def softmax_cross_entropy(logits, y):
    """Mean cross-entropy of integer labels y under softmax(logits), and its gradient w.r.t. the logits."""
    ### BEGIN SOLUTION
    logits = np.asarray(logits, dtype=np.float64)
    y = np.asarray(y)
    n = len(y)
    shifted = logits - logits.max(axis=1, keepdims=True)  # a new array: the caller's logits stay as they are
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(n), y].mean()
    grad = np.exp(log_probs)
    grad[np.arange(n), y] -= 1.0
    return float(loss), grad / n
    ### END SOLUTION


# %% [markdown]
# Three examples of three classes. The second row is the first plus 1000, so its loss must be the same;
# the third is a confident mistake.

# %%
demo_logits = np.array([[2.0, 1.0, 0.1], [1002.0, 1001.0, 1000.1], [0.0, 0.0, 500.0]])
demo_loss, demo_grad = softmax_cross_entropy(demo_logits, np.array([0, 0, 1]))
print(f"loss {demo_loss:.4f}")
print(demo_grad)

# %% [markdown] tags=["solution"]
# After the shift every row's largest entry is 0, so `np.exp` gives numbers in (0, 1] and their sum is at
# least 1: neither overflow nor log(0) can happen. Subtracting the row maximum (`axis=1, keepdims=True`)
# matters: one maximum for the whole batch would push rows with small logits so far down that all their
# exponentials underflow to 0. Computing `np.log(softmax)` instead of the log-sum-exp form fails on a
# confident mistake: p_y = exp(−500) underflows to 0, and −log 0 is infinite, where the true loss is a
# perfectly representable 500. The gradient of the *mean* loss is (p − onehot(y)) / n; forgetting the
# division by n makes the step size grow with the batch size. `logits - ...` builds a new array, whereas
# `logits -= ...` would overwrite the caller's array.
