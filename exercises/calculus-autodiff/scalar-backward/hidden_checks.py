"""Hidden checks for calculus-autodiff.scalar-backward (instructors only; never shipped to students)."""

from coursegrader.helpers import expect_number


class _Leaf:
    def __init__(self, data, parents=()):
        self.data = float(data)
        self.grad = 0.0
        self.parents = parents


def _times(a, b):
    return _Leaf(a.data * b.data, ((a, b.data), (b, a.data)))


def _plus(a, b):
    return _Leaf(a.data + b.data, ((a, 1.0), (b, 1.0)))


def check_repeated_and_rebuilt_graphs(backward):
    """Calling backward twice gives the same gradients, and a new graph on the same inputs starts from zero."""
    u, v = _Leaf(2.0), _Leaf(-1.5)
    s = _plus(u, v)
    first = _times(s, _times(s, u))  # (u + v)^2 u: d/du = 2(u + v)u + (u + v)^2, d/dv = 2(u + v)u
    backward(first)
    backward(first)
    expect_number(u.grad, 2 * 0.5 * 2.0 + 0.25, what="u.grad after calling backward twice",
                  hint="Set every gradient in the graph to 0 before the pass.")
    expect_number(v.grad, 2 * 0.5 * 2.0, what="v.grad after calling backward twice")
    expect_number(s.grad, 2 * 0.5 * 2.0, what="the gradient of the shared node u + v")
    second = _times(_times(u, v), _Leaf(3.0))  # 3uv: d/du = 3v, d/dv = 3u
    backward(second)
    expect_number(u.grad, 3 * -1.5, what="u.grad for a new graph on the same inputs")
    expect_number(v.grad, 3 * 2.0, what="v.grad for a new graph on the same inputs")
