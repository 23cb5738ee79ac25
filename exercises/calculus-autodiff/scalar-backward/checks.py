"""Public checks for calculus-autodiff.scalar-backward (students see these).

They build graphs from their own small node class, with the same interface as the exercise's `Node`
(data, grad, and parents as (parent, local derivative) pairs), so only your `backward` is tested.
"""

import numpy as np

from coursegrader.helpers import expect_number


class _Node:
    def __init__(self, data, parents=()):
        self.data = float(data)
        self.grad = 0.0
        self.parents = parents


def _add(a, b):
    return _Node(a.data + b.data, ((a, 1.0), (b, 1.0)))


def _mul(a, b):
    return _Node(a.data * b.data, ((a, b.data), (b, a.data)))


def _random_graph(seed, leaf_values=None):
    """A random graph of 3 inputs and 30 operations (average, product, sine), each on two of the last four
    values, so values are reused and paths cross. Returns the leaves and the output, or with leaf_values
    the output's value alone, computed on plain floats."""
    rng = np.random.default_rng(seed)
    start = rng.uniform(0.5, 1.5, 3)
    plain = leaf_values is not None
    values = list(leaf_values) if plain else [_Node(v) for v in start]
    leaves = list(values)
    for _ in range(30):
        low = max(0, len(values) - 4)
        op = int(rng.integers(0, 3))
        a, b = values[int(rng.integers(low, len(values)))], values[int(rng.integers(low, len(values)))]
        if op == 0:
            values.append(0.5 * (a + b) if plain else _Node(0.5 * (a.data + b.data), ((a, 0.5), (b, 0.5))))
        elif op == 1:
            values.append(a * b if plain else _mul(a, b))
        else:
            values.append(np.sin(a) if plain else _Node(np.sin(a.data), ((a, float(np.cos(a.data))),)))
    return values[-1] if plain else (start, leaves, values[-1])


def check_variable_used_twice(backward):
    """For out = x*y + x*x at x = 3, y = 2: d/dx = y + 2x = 8, d/dy = 3, and d out / d out = 1."""
    x, y = _Node(3.0), _Node(2.0)
    xy, xx = _mul(x, y), _mul(x, x)
    out = _add(xy, xx)
    backward(out)
    hint = "A node used several times gets the sum of its contributions: add with +=, do not assign."
    expect_number(out.grad, 1.0, what="out.grad after backward(out)", hint="The output's own gradient is 1.")
    expect_number(xy.grad, 1.0, what="the gradient of the node x*y")
    expect_number(x.grad, 8.0, what="x.grad", hint=hint)
    expect_number(y.grad, 3.0, what="y.grad", hint=hint)


def check_random_graph_matches_finite_differences(backward):
    """On a random graph of 3 inputs and 30 operations, every input's gradient matches central differences."""
    point, leaves, out = _random_graph(104)
    backward(out)
    for k, leaf in enumerate(leaves):
        up, down = point.copy(), point.copy()
        up[k] += 1e-6
        down[k] -= 1e-6
        numeric = (_random_graph(104, up) - _random_graph(104, down)) / 2e-6
        expect_number(leaf.grad, numeric, what=f"the gradient of input {k} of a random graph", rtol=1e-5,
                      atol=1e-8,
                      hint="A node may pass its gradient on only after every node that uses it has passed its"
                           " own (reverse topological order), and contributions add up.")


def check_deep_chain(backward):
    """A running sum of 3000 terms w_i * x (a chain of 3000 additions) works: d/dx = sum of w_i, d/dw_i = x."""
    x = _Node(0.7)
    weights = [_Node(1.0 / (i + 1)) for i in range(3000)]
    total = _Node(0.0)
    for w in weights:
        total = _add(total, _mul(w, x))
    backward(total)
    hint = "Python stops recursion about 1000 calls deep: walk the graph with a list as an explicit stack."
    expect_number(x.grad, sum(1.0 / (i + 1) for i in range(3000)), what="x.grad for the running sum",
                  rtol=1e-9, hint=hint)
    expect_number(weights[0].grad, 0.7, what="the gradient of the first weight", rtol=1e-12, hint=hint)
    expect_number(weights[-1].grad, 0.7, what="the gradient of the last weight", rtol=1e-12, hint=hint)
