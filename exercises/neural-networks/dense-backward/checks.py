"""Public checks for neural-networks.dense-backward (students see these).

Each check builds a loss L = sum(G * tanh(x @ W + b)) (+ a weight penalty), passes dense_backward the
gradient dL/dz, and compares what it returns with central finite differences of L itself.
"""

import numpy as np

from coursegrader.helpers import expect_array, fail


def _numeric_gradient(loss, array, eps=1e-6):
    """Central differences of loss() with respect to each entry of array (changed in place, then restored)."""
    grad = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        saved = array[index]
        array[index] = saved + eps
        up = loss()
        array[index] = saved - eps
        down = loss()
        array[index] = saved
        grad[index] = (up - down) / (2 * eps)
    return grad


def _problem(rng, x_shape, d_out, weight_decay):
    """Inputs, weights, bias, the loss and its gradient with respect to z, for one test."""
    x = rng.normal(size=x_shape)
    W = rng.normal(size=(x_shape[-1], d_out)) / np.sqrt(x_shape[-1])
    b = rng.normal(size=d_out)
    G = rng.normal(size=(*x_shape[:-1], d_out))

    def loss():
        return float(np.sum(G * np.tanh(x @ W + b)) + 0.5 * weight_decay * np.sum(W**2))

    grad_z = G * (1.0 - np.tanh(x @ W + b) ** 2)
    expected = {"dW": _numeric_gradient(loss, W), "db": _numeric_gradient(loss, b),
                "dx": _numeric_gradient(loss, x)}
    return x, W, grad_z, expected


def _three_arrays(result, what):
    if type(result) is not tuple or len(result) != 3:
        fail(f"{what} should return a tuple (dW, db, dx) of three arrays.")
    return result


HINTS = {
    "dW": "Each weight is used at every batch position: sum x[..., i] * grad_z[..., j] over all of them.",
    "db": "The bias is added at every batch position, so its gradient is a sum (not a mean) over all of them.",
    "dx": "The input gradient sends grad_z back through the weights: it has the shape of x.",
}


def _compare(result, expected, what):
    for name, got in zip(("dW", "db", "dx"), _three_arrays(result, what), strict=True):
        expect_array(got, expected[name], what=f"{name} from {what}", rtol=1e-5, atol=1e-7, hint=HINTS[name])


def check_batch_of_vectors(dense_backward):
    """For a batch of 5 vectors with 4 features mapped to 3, dW, db and dx match finite differences."""
    x, W, grad_z, expected = _problem(np.random.default_rng(1), (5, 4), 3, 0.0)
    _compare(dense_backward(x, W, grad_z), expected, "dense_backward(x, W, grad_z)")


def check_batch_of_sequences(dense_backward):
    """For x of shape (2, 3, 4) (2 sequences of 3 positions) mapped to 5 features, the gradients match."""
    x, W, grad_z, expected = _problem(np.random.default_rng(2), (2, 3, 4), 5, 0.0)
    _compare(dense_backward(x, W, grad_z), expected, "dense_backward on a (2, 3, 4) input")


def check_weight_decay(dense_backward):
    """With weight_decay=0.1 the gradients match those of the loss plus 0.05 * sum(W**2)."""
    x, W, grad_z, expected = _problem(np.random.default_rng(3), (6, 3), 4, 0.1)
    result = dense_backward(x, W, grad_z, weight_decay=0.1)
    what = "dense_backward(..., weight_decay=0.1)"
    dW, db, _ = _three_arrays(result, what)
    expect_array(dW, expected["dW"], what=f"dW from {what}", rtol=1e-5, atol=1e-7,
                 hint="The penalty 0.5 * weight_decay * sum(W**2) adds weight_decay * W to the dW of the plain loss.")
    expect_array(db, expected["db"], what=f"db from {what}", rtol=1e-5, atol=1e-7,
                 hint="The penalty does not involve the bias.")
