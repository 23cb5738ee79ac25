"""Copies the input but keeps its dtype, so an integer array swallows the step and the gradient is 0."""
import numpy as np


def numerical_gradient(f, x):
    x = np.array(x)
    grad = np.empty(x.shape)
    for index in np.ndindex(x.shape):
        saved = x[index]
        step = np.finfo(np.float64).eps ** (1 / 3) * max(1.0, abs(saved))
        x[index] = saved + step
        f_up = f(x)
        x[index] = saved - step
        f_down = f(x)
        x[index] = saved
        grad[index] = (f_up - f_down) / (2 * step)
    return grad
