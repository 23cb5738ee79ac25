"""Uses the same absolute step 1e-6 for every coordinate, too small for coordinates near 1e5."""
import numpy as np


def numerical_gradient(f, x):
    x = np.array(x, dtype=np.float64)
    grad = np.empty_like(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + 1e-6
        f_up = f(x)
        x[index] = saved - 1e-6
        f_down = f(x)
        x[index] = saved
        grad[index] = (f_up - f_down) / 2e-6
    return grad
