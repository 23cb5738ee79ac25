# %% [markdown]
# Every hand-written backward rule, and every autodiff you build, is trusted only after a gradient check:
# you compare its gradient with a numerical estimate that needs nothing but the forward pass. Write
# `numerical_gradient(f, x)` that returns that estimate for a function `f` of an array of parameters.
#
# For each entry `x[i]` of the array, change that entry alone by a step `h` up and down and take the
# central difference
#
# $$g_i = \frac{f(x + h\,e_i) - f(x - h\,e_i)}{2h}.$$
#
# The notebook showed that the step is a trade-off: truncation error shrinks like $h^2$, round-off error
# grows like $\varepsilon/h$, and they balance near $h \approx \varepsilon^{1/3} \approx 6 \cdot 10^{-6}$,
# with $\varepsilon$ = `np.finfo(np.float64).eps`. That figure assumes a coordinate of size about 1. A
# coordinate of size $10^5$ carries round-off about $10^5$ times larger, so scale the step with it:
# use $h_i = \varepsilon^{1/3} \cdot \max(1, |x_i|)$ for entry `i`.
#
# The rules:
#
# - `x` can have any shape (a bias vector, a weight matrix); return a `float64` array of the same shape.
#   `np.ndindex(x.shape)` walks over every index of an array of any shape.
# - `f` takes an array shaped like `x` and returns a number.
# - Leave the caller's array as it was: perturb a float64 *copy*. (A copy also protects you from integer
#   input: adding `6e-6` to an entry of an integer array silently gives back the integer.)
# - Call `f` twice per entry, no more: for a model with P parameters that is already 2P forward passes,
#   which is why finite differences check gradients but never train a network.

# %%
import numpy as np


def numerical_gradient(f, x):
    """Central-difference estimate of the gradient of f at x (same shape as x, float64)."""
    ### BEGIN SOLUTION
    x = np.array(x, dtype=np.float64)  # np.array copies: the caller's array is never touched
    grad = np.empty_like(x)
    cube_root_eps = np.finfo(np.float64).eps ** (1 / 3)
    for index in np.ndindex(x.shape):
        saved = x[index]
        step = cube_root_eps * max(1.0, abs(saved))
        up, down = saved + step, saved - step
        x[index] = up
        f_up = f(x)
        x[index] = down
        f_down = f(x)
        x[index] = saved
        grad[index] = (f_up - f_down) / (up - down)
    return grad
    ### END SOLUTION


# %% [markdown]
# Try it on $f(x) = \sum_i e^{x_i} \sin x_i$, whose gradient $e^{x_i}(\sin x_i + \cos x_i)$ you know.

# %%
def f_demo(v):
    return float(np.sum(np.exp(v) * np.sin(v)))


x_demo = np.array([-1.0, 0.5, 2.0])
estimate = numerical_gradient(f_demo, x_demo)
exact = np.exp(x_demo) * (np.sin(x_demo) + np.cos(x_demo))
print(estimate)
print("largest relative error:", np.max(np.abs(estimate - exact) / np.abs(exact)))

# %% [markdown] tags=["solution"]
# `np.array(x, dtype=np.float64)` always makes a new float array, so integer input is converted and the
# caller's data stay as they were; each entry is restored from `saved` right after its two evaluations, so
# no rounding residue builds up. One refinement is worth knowing: `saved + step` is rounded to the nearest
# float, so the step actually taken can differ slightly from `step`, most for large coordinates. Dividing
# by `up - down`, the distance between the two points really evaluated, instead of `2 * step` removes that
# error for free. With the scaled step the estimate agrees with the exact gradient to about ten digits; a
# fixed step of `1e-6` loses four or five of them on coordinates near $10^5$, and a "tiny" step such as
# `1e-12` loses most of them everywhere.
