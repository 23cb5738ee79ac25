"""Hidden checks for calculus-autodiff.central-difference-gradient (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import expect_array


def check_integer_input(numerical_gradient):
    """Integer parameters are converted to float before the step is added (gradient of sum(x**2) is 2x)."""
    x = np.array([[1, -2, 3], [40, 0, -7]])
    expected = 2.0 * x

    def f(v):
        return float(np.sum(np.asarray(v, dtype=np.float64) ** 2))

    expect_array(numerical_gradient(f, x), expected, what="numerical_gradient(f, x) for an integer array",
                 rtol=1e-8, atol=1e-8,
                 hint="Adding a small step to an entry of an integer array gives back the integer: copy to float64.")
