"""Uses the forward difference (f(x + h) - f(x)) / h, whose truncation error is of order h, not h**2."""
import numpy as np


def numerical_gradient(f, x):
    x = np.array(x, dtype=np.float64)
    grad = np.empty_like(x)
    f_here = f(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        step = np.finfo(np.float64).eps ** (1 / 3) * max(1.0, abs(saved))
        x[index] = saved + step
        grad[index] = (f(x) - f_here) / step
        x[index] = saved
    return grad
