# %% [markdown]
# The notebook's `Value` class records, for every result, the nodes it was computed from and the local
# derivative with respect to each. Below is a stripped-down version: each `Node` has a number `data`, a
# `grad`, and a tuple `parents` of `(parent_node, local_derivative)` pairs. Building the graph is done for
# you. Write the reverse pass, `backward(output)`, which sets `node.grad` to
# $\partial\,\text{output} / \partial\,\text{node}$ for **every** node the output was computed from,
# the output itself included.
#
# The rule at each node is the chain rule: a node whose adjoint (its `grad`) is complete passes
# `local_derivative * node.grad` to each parent. Three things make it correct:
#
# - **Add, do not overwrite.** A node used by several others receives one contribution per use, and its
#   gradient is their sum. `x * x` lists `x` twice among its parents, and its derivative is `2x`.
# - **Order.** A node may pass its adjoint on only when it is complete: after every node that uses it has
#   passed its own. The output goes first (`grad = 1`), then nodes in reverse topological order. One
#   way: count how many uses each node has (walk the graph from the output once), and let a node go when
#   its count of pending uses drops to zero.
# - **No recursion, and a clean start.** The notebook's `backward` sorts the graph with a recursive
#   function, and a running sum over a few thousand terms already exceeds Python's recursion limit
#   (about 1000 calls deep). Walk the graph with an explicit stack (a list) instead. First set the
#   `grad` of every node in the graph to 0, so that calling `backward` twice gives the same result.
#
# Identify nodes by identity, not by value: two different nodes may hold the same number. Nodes are
# hashable, so a `set` or `dict` of nodes (or of `id(node)`) works.

# %%
import math


class Node:
    """A scalar in a computation graph: data, grad, and (parent, local derivative) pairs."""

    def __init__(self, data, parents=()):
        self.data = float(data)
        self.grad = 0.0
        self.parents = parents

    def __repr__(self):
        return f"Node(data={self.data:.6g}, grad={self.grad:.6g})"

    def __add__(self, other):
        return Node(self.data + other.data, ((self, 1.0), (other, 1.0)))

    def __mul__(self, other):
        return Node(self.data * other.data, ((self, other.data), (other, self.data)))

    def tanh(self):
        t = math.tanh(self.data)
        return Node(t, ((self, 1.0 - t * t),))


def backward(output):
    """Set node.grad = d output / d node for every node in output's graph (output included)."""
    ### BEGIN SOLUTION
    uses = {output: 0}  # node -> how many times it appears among the parents of other nodes in the graph
    stack = [output]
    while stack:
        node = stack.pop()
        for parent, _ in node.parents:
            if parent not in uses:
                uses[parent] = 0
                stack.append(parent)
            uses[parent] += 1
    for node in uses:
        node.grad = 0.0
    output.grad = 1.0
    ready = [output]  # nodes whose adjoint is complete
    while ready:
        node = ready.pop()
        for parent, local in node.parents:
            parent.grad += local * node.grad
            uses[parent] -= 1
            if uses[parent] == 0:
                ready.append(parent)
    ### END SOLUTION


# %% [markdown]
# Try it on $f(x, y) = \tanh(xy + x \cdot x)$ at $x = 0.5$, $y = -0.3$: by hand,
# $\partial f/\partial x = (1 - f^2)(y + 2x)$ and $\partial f/\partial y = (1 - f^2)\,x$.

# %%
x, y = Node(0.5), Node(-0.3)
f = (x * y + x * x).tanh()
backward(f)
print(x.grad, (1 - f.data**2) * (y.data + 2 * x.data))
print(y.grad, (1 - f.data**2) * x.data)

total = Node(0.0)
for i in range(5000):  # a running sum: a chain of 5000 additions, far deeper than 1000
    total = total + x * Node(1.0 / (i + 1))
backward(total)
print("d total / dx =", x.grad, "(the harmonic number H_5000 =", sum(1 / (i + 1) for i in range(5000)), ")")

# %% [markdown] tags=["solution"]
# The first loop walks the graph once from the output with a list as the stack and counts, for every
# node, how many edges lead from it to a consumer; `x * x` counts twice for `x`, exactly as it
# contributes twice. The dictionary doubles as the set of nodes in the graph, which is what the reset
# loop needs. The second loop is Kahn's algorithm run from the output: a node enters `ready` only when
# its last consumer has passed its contribution, so its adjoint is complete when it passes its own on.
# Both loops are iterative, so depth costs memory in a list, not frames on Python's call stack.
#
# Two wrong versions look right on small examples: a breadth-first walk that lets each node pass its
# adjoint the first time it is reached (a node used both directly and through another node passes an
# incomplete adjoint), and `parent.grad = ...` instead of `+=` (only the last path counts). The random
# graph in the checks catches both by comparing with central differences.
