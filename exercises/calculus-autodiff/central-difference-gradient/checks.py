"""Public checks for calculus-autodiff.central-difference-gradient (students see these)."""

import numpy as np

from coursegrader.helpers import expect_array, fail


def _expect_gradient(result, exact, what, tolerance, hint):
    """A float array shaped like ``exact`` whose relative error ||result - exact|| / ||exact|| is small."""
    if type(result) is not np.ndarray or result.shape != exact.shape or result.dtype.kind != "f":
        expect_array(result, exact, what=what, hint=hint)  # fails with a message about type, shape or dtype
    got = result.astype(np.float64)
    if not np.all(np.isfinite(got)):
        fail(f"{what} contains nan or inf. {hint}")
    error = float(np.linalg.norm(got - exact) / np.linalg.norm(exact))
    if error > tolerance:
        fail(f"{what} has relative error {error:.2g} against the exact gradient (norm of the difference over"
             f" the norm of the gradient); a central difference with the step of the prompt reaches about"
             f" 1e-11, and the check allows {tolerance:.0e}. {hint}")


def check_matches_analytic_gradient(numerical_gradient):
    """For f(x) = sum(exp(x) sin(x)) at 6 points in [-2, 2], the estimate has relative error below 1e-9."""
    x = np.random.default_rng(1).uniform(-2.0, 2.0, 6)

    def f(v):
        return float(np.sum(np.exp(v) * np.sin(v)))

    exact = np.exp(x) * (np.sin(x) + np.cos(x))
    _expect_gradient(numerical_gradient(f, x.copy()), exact, "numerical_gradient(f, x)", 1e-9,
                     "Use the central difference (f(x + h e_i) - f(x - h e_i)) / 2h with"
                     " h = eps**(1/3) * max(1, |x_i|): a forward difference, or a step far from that, loses digits.")


def check_large_coordinates(numerical_gradient):
    """For f(x) = sum(x**3) / 3 with coordinates near 1e5, the estimate of x**2 has relative error below 1e-9."""
    x = np.random.default_rng(2).uniform(1e5, 3e5, 5)

    def f(v):
        return float(np.sum(v**3) / 3.0)

    _expect_gradient(numerical_gradient(f, x.copy()), x**2, "numerical_gradient(f, x) near 1e5", 1e-9,
                     "Round-off grows with the size of the coordinate, so a fixed step is too small here: scale it"
                     " with max(1, |x_i|).")


def check_matrix_input_unchanged(numerical_gradient):
    """A 3 x 4 weight matrix gets a 3 x 4 gradient, and the caller's matrix is left exactly as it was."""
    rng = np.random.default_rng(3)
    W = rng.normal(size=(3, 4))
    v = rng.normal(size=4)
    W_before = W.copy()

    def f(M):
        return float(np.sum(np.tanh(M @ v)))

    result = numerical_gradient(f, W)
    if not np.array_equal(W, W_before):
        fail("numerical_gradient changed the array it was given: perturb a copy (np.array(x, dtype=float)),"
             " and put each entry back exactly (save it, rather than adding and subtracting the step).")
    exact = (1.0 - np.tanh(W_before @ v) ** 2)[:, None] * v[None, :]
    _expect_gradient(result, exact, "numerical_gradient(f, W) for a 3 x 4 matrix W", 1e-8,
                     "Perturb one entry at a time; np.ndindex(W.shape) visits every index of a matrix.")
