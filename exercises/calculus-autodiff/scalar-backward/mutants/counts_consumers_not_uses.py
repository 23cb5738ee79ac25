"""Counts a node's uses once per distinct consumer, so x * x (x listed twice) is released too early."""


def backward(output):
    uses = {output: 0}
    consumers = {output: set()}
    stack = [output]
    while stack:
        node = stack.pop()
        for parent, _ in node.parents:
            if parent not in uses:
                uses[parent] = 0
                consumers[parent] = set()
                stack.append(parent)
            if node not in consumers[parent]:
                consumers[parent].add(node)
                uses[parent] += 1
    for node in uses:
        node.grad = 0.0
    output.grad = 1.0
    ready = [output]
    while ready:
        node = ready.pop()
        for parent, local in node.parents:
            parent.grad += local * node.grad
            uses[parent] -= 1
            if uses[parent] == 0:
                ready.append(parent)
