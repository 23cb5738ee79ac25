"""A depth-first post-order: valid, but ties are not broken by number."""


def study_order(goal, topics):
    if goal not in topics.index:
        raise ValueError(goal)
    order = []

    def visit(topic):
        if topic in order:
            return
        for prerequisite in topics.loc[topic, "prerequisites"]:
            visit(prerequisite)
        order.append(topic)

    visit(goal)
    return order
