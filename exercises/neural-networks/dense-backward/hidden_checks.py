"""Hidden checks for neural-networks.dense-backward (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import expect_array, fail


def _fd(loss, array, eps=1e-6):
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


def check_other_shapes_inputs_unchanged(dense_backward):
    """A single example, a (1, 1, 3) sequence and a wide layer all match, and no input array is modified."""
    rng = np.random.default_rng(17)
    for x_shape, d_out, decay in [((1, 6), 2, 0.0), ((1, 1, 3), 7, 0.5), ((3, 2, 2), 9, 0.03)]:
        x = rng.normal(size=x_shape)
        W = rng.normal(size=(x_shape[-1], d_out))
        b = rng.normal(size=d_out)
        G = rng.normal(size=(*x_shape[:-1], d_out))

        def loss(x=x, W=W, b=b, G=G, decay=decay):
            return float(np.sum(G * np.sin(x @ W + b)) + 0.5 * decay * np.sum(W**2))

        grad_z = G * np.cos(x @ W + b)
        expected = [_fd(loss, W), _fd(loss, b), _fd(loss, x)]
        copies = [x.copy(), W.copy(), grad_z.copy()]
        result = dense_backward(x, W, grad_z, decay)
        if not all(np.array_equal(a, c) for a, c in zip([x, W, grad_z], copies, strict=True)):
            fail(f"dense_backward changed an array it was given (x shape {x_shape}).")
        if type(result) is not tuple or len(result) != 3:
            fail("dense_backward should return a tuple (dW, db, dx).")
        for name, got, want in zip(("dW", "db", "dx"), result, expected, strict=True):
            expect_array(got, want, what=f"{name} for x of shape {x_shape} and d_out={d_out}", rtol=1e-5,
                         atol=1e-7)
