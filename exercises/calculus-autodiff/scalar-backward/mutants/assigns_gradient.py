"""Overwrites parent.grad instead of adding to it, so only the last path to a node counts."""


def backward(output):
    uses = {output: 0}
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
    ready = [output]
    while ready:
        node = ready.pop()
        for parent, local in node.parents:
            parent.grad = local * node.grad
            uses[parent] -= 1
            if uses[parent] == 0:
                ready.append(parent)
