"""Lets pandas raise KeyError for an unknown goal instead of a ValueError naming it."""
import heapq


def study_order(goal, topics):
    needed, stack = set(), [goal]
    while stack:
        topic = stack.pop()
        if topic not in needed:
            needed.add(topic)
            stack.extend(topics.loc[topic, "prerequisites"])
    waiting = {t: set(topics.loc[t, "prerequisites"]) for t in needed}
    ready = [(int(topics.loc[t, "number"]), t) for t, needs in waiting.items() if not needs]
    heapq.heapify(ready)
    order = []
    while ready:
        _, topic = heapq.heappop(ready)
        order.append(topic)
        for other, needs in waiting.items():
            if topic in needs:
                needs.discard(topic)
                if not needs:
                    heapq.heappush(ready, (int(topics.loc[other, "number"]), other))
    return order
