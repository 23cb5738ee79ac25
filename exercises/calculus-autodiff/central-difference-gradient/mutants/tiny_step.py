"""Makes the step as small as possible (1e-12), so round-off swamps the estimate."""
import numpy as np


def numerical_gradient(f, x):
    x = np.array(x, dtype=np.float64)
    grad = np.empty_like(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        step = 1e-12 * max(1.0, abs(saved))
        x[index] = saved + step
        f_up = f(x)
        x[index] = saved - step
        f_down = f(x)
        x[index] = saved
        grad[index] = (f_up - f_down) / (2 * step)
    return grad
