"""Collects the right topics, then trusts the numbering as the order."""


def study_order(goal, topics):
    if goal not in topics.index:
        raise ValueError(goal)
    needed, stack = set(), [goal]
    while stack:
        topic = stack.pop()
        if topic not in needed:
            needed.add(topic)
            stack.extend(topics.loc[topic, "prerequisites"])
    return sorted(needed, key=lambda t: int(topics.loc[t, "number"]))
