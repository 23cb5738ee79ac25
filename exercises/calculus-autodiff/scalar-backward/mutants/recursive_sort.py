"""The notebook's recursive topological sort: correct, but deep graphs exceed Python's recursion limit."""


def backward(output):
    order, seen = [], set()

    def visit(node):
        if id(node) not in seen:
            seen.add(id(node))
            for parent, _ in node.parents:
                visit(parent)
            order.append(node)

    visit(output)
    for node in order:
        node.grad = 0.0
    output.grad = 1.0
    for node in reversed(order):
        for parent, local in node.parents:
            parent.grad += local * node.grad
