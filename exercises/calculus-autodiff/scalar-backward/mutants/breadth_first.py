"""Walks breadth-first and lets each node pass its gradient when first reached, possibly before it is complete."""
from collections import deque


def backward(output):
    seen = {output}
    queue = deque([output])
    order = []
    while queue:
        node = queue.popleft()
        order.append(node)
        for parent, _ in node.parents:
            if parent not in seen:
                seen.add(parent)
                queue.append(parent)
    for node in order:
        node.grad = 0.0
    output.grad = 1.0
    for node in order:
        for parent, local in node.parents:
            parent.grad += local * node.grad
