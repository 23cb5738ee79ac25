"""Perturbs the caller's array and undoes the step by adding and subtracting, leaving rounding residue."""
import numpy as np


def numerical_gradient(f, x):
    grad = np.empty(x.shape)
    for index in np.ndindex(x.shape):
        step = np.finfo(np.float64).eps ** (1 / 3) * max(1.0, abs(x[index]))
        x[index] += step
        f_up = f(x)
        x[index] -= 2 * step
        f_down = f(x)
        x[index] += step
        grad[index] = (f_up - f_down) / (2 * step)
    return grad
